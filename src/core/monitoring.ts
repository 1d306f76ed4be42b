/**
 * The whole computation of one period: statuses, indices, per-school checks, the summary and
 * the recommendations. Plain data in, plain data out.
 *
 * Schools are processed in one canonical order (by school id) whatever order the registry
 * gives, so that shuffling the input changes nothing but the order of output lists, which
 * follow the registry.
 */
import { ISB_COMPONENTS, RISKS, VPR_TESTS, isbWeightSetting } from './catalogue/components';
import { fieldByCode } from './catalogue/fields';
import { emptyFieldValues } from './fieldValues';
import { defaultSettings } from './catalogue/settings';
import { DEFAULT_RULES } from './catalogue/rules';
import { residuals, resilient as resilientOf, suggestLeaders } from './compute/leaders';
import { PeriodColumns } from './compute/columns';
import { nearestNeighbours } from './compute/peers';
import { computePeriodCore, hasInfo, type PeriodCore } from './compute/periodCore';
import { hasFlag, JOURNAL_INFLATION, VPR_INFLATION } from './compute/objectivity';
import { riskLevels, riskProfileOf } from './compute/riskFactors';
import { municipalFieldShare, schoolSharesOf } from './compute/shares';
import { median, rankDescending } from './compute/stats';
import { dynamicsOf } from './compute/dynamics';
import { computeIndicators } from './compute/summary';
import { MONITORING_WARNINGS as W } from './messages';
import { combineStatus, hasShnor, hasShnsu } from './registry';
import { DERIVED_CODES, LEVEL_RANK, subjectOf, type RuleSubject } from './rules/codes';
import { compileRules } from './rules/compile';
import { preparedFires } from './rules/evaluate';
import {
  orderByRiskLevels,
  quartileLookup,
  renderForSchool,
  valueText,
  worstVpr,
} from './rules/targeting';
import { settingNumber } from './settings';
import type {
  DataRow,
  FieldValues,
  MonitoringInput,
  MonitoringResult,
  OfficialStatus,
  RecommendationAggregate,
  RegistrySchool,
  SchoolResult,
  Settings,
} from './types';

export type {
  IndicatorResult,
  MonitoringInput,
  MonitoringResult,
  RecommendationAggregate,
  SchoolResult,
} from './types';

const RISK_KEYS = RISKS.map((r) => [r.code, `risk_${r.code}`] as const);
/** The derived facts of a school, in the order they are set. */
const DERIVED_KEYS: readonly { code: string }[] = [
  'flagged',
  'has_leader_school',
  'objectivity_flag',
  'vpr_inflation',
  'journal_inflation',
  'risk_zone',
  'resilient',
  'effective_mode',
  'status_mismatch',
  'results_index',
  'results_index_no_vpr',
  'isb',
  'residual',
  ...RISK_KEYS.map(([, key]) => key),
].map((code) => ({ code }));

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Up to five names, then "и ещё N". */
function sample(items: readonly string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? W.andMore(shown, items.length - 5) : shown;
}

function timestampOf(row: DataRow): number {
  const t = Date.parse(row.timestamp);
  return Number.isNaN(t) ? -Infinity : t;
}

interface Indexed {
  schools: RegistrySchool[];
  position: Map<string, number>;
  registryOrder: number[];
  data: Map<string, (FieldValues | null)[]>;
  lists: Map<string, Map<string, OfficialStatus>>;
  warnings: string[];
}

function indexInput(input: MonitoringInput): Indexed {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const active: RegistrySchool[] = [];
  const inactive = new Set<string>();
  for (const s of input.registry) {
    if (seen.has(s.school_id)) {
      duplicates.push(s.school_id);
      continue;
    }
    seen.add(s.school_id);
    if (s.active) active.push(s);
    else inactive.add(s.school_id);
  }
  if (duplicates.length)
    warnings.push(W.duplicateRegistryIds(duplicates.length, sample(duplicates)));
  const schools = [...active].sort((a, b) => byCodeUnits(a.school_id, b.school_id));
  const position = new Map(schools.map((s, i) => [s.school_id, i]));
  const registryOrder = active.map((s) => position.get(s.school_id) as number);

  // The accepted response per school and period: the latest timestamp, then the later row.
  // Per period, the row chosen for each school position (an array, not a Map per period).
  const chosen = new Map<string, (DataRow | undefined)[]>();
  const unknown = new Set<string>();
  let ignoredInactive = 0;
  for (const row of input.data) {
    const i = position.get(row.school_id);
    if (i === undefined) {
      if (inactive.has(row.school_id)) ignoredInactive++;
      else unknown.add(row.school_id);
      continue;
    }
    let perPeriod = chosen.get(row.period);
    if (!perPeriod) chosen.set(row.period, (perPeriod = new Array(schools.length).fill(undefined)));
    const prev = perPeriod[i];
    if (!prev || timestampOf(row) >= timestampOf(prev)) perPeriod[i] = row;
  }
  if (unknown.size)
    warnings.push(W.unknownSchoolsInData(unknown.size, sample([...unknown].sort(byCodeUnits))));
  if (ignoredInactive) warnings.push(W.inactiveSchoolsInData(ignoredInactive));
  const data = new Map<string, (FieldValues | null)[]>();
  for (const [period, rows] of chosen) {
    const values: (FieldValues | null)[] = new Array(schools.length).fill(null);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row) values[i] = row.values;
    }
    data.set(period, values);
  }

  const lists = new Map<string, Map<string, OfficialStatus>>();
  const unknownListed = new Set<string>();
  for (const e of input.lists) {
    if (!seen.has(e.school_id)) unknownListed.add(e.school_id);
    let m = lists.get(e.period);
    if (!m) lists.set(e.period, (m = new Map()));
    const prev = m.get(e.school_id) ?? '';
    m.set(
      e.school_id,
      combineStatus(hasShnor(prev) || hasShnor(e.status), hasShnsu(prev) || hasShnsu(e.status)),
    );
  }
  if (unknownListed.size) {
    warnings.push(
      W.unknownSchoolsInLists(unknownListed.size, sample([...unknownListed].sort(byCodeUnits))),
    );
  }
  return { schools, position, registryOrder, data, lists, warnings };
}

function choosePeriods(input: MonitoringInput, settings: Settings, idx: Indexed) {
  const settingPeriod = typeof settings.period === 'string' ? settings.period.trim() : '';
  const dataPeriods = [...idx.data.keys()].sort(byCodeUnits);
  const listPeriods = [...idx.lists.keys()].sort(byCodeUnits);
  const current =
    (input.period ?? '').trim() ||
    settingPeriod ||
    dataPeriods[dataPeriods.length - 1] ||
    listPeriods[listPeriods.length - 1] ||
    '';
  const known = new Set([...dataPeriods, ...listPeriods]);
  if (settingPeriod) known.add(settingPeriod);
  if (current) known.add(current);
  const periods = [...known].sort(byCodeUnits);
  const at = periods.indexOf(current);
  return {
    periods,
    current,
    previous: at > 0 ? periods[at - 1] : null,
    previous2: at > 1 ? periods[at - 2] : null,
  };
}

function municipalLookup(cur: PeriodCore, derived: Record<string, number | boolean | null>[]) {
  const cache = new Map<string, number | null>();
  const mean = (xs: (number | null)[]): number | null => {
    let s = 0;
    let n = 0;
    for (const x of xs) {
      if (x === null) continue;
      s += x;
      n++;
    }
    return n ? s / n : null;
  };
  const compute = (code: string): number | null => {
    if (DERIVED_CODES[code] === 'number') {
      return mean(derived.map((d) => (typeof d[code] === 'number' ? (d[code] as number) : null)));
    }
    if (code.startsWith('share_')) {
      const def = fieldByCode(subjectOf(code));
      return def ? municipalFieldShare(cur.columns, def) : null;
    }
    // A results component: its municipal pooled share.
    if (cur.pooled[code]) return cur.municipalPooled[code] ?? null;
    const def = fieldByCode(code);
    if (def?.type === 'int') {
      return mean(
        cur.values.map((v) => (typeof v?.[code] === 'number' ? (v[code] as number) : null)),
      );
    }
    return null;
  };
  return (code: string): number | null => {
    if (!cache.has(code)) cache.set(code, compute(code));
    return cache.get(code) ?? null;
  };
}

function peersOf(cur: PeriodCore, settings: Settings): number[][] {
  const n = cur.isb.length;
  const members: number[] = [];
  for (let i = 0; i < n; i++) if (cur.isb[i] !== null) members.push(i);
  const dim = ISB_COMPONENTS.length;
  // Distance over the ИСБ disadvantages (context only, never results), each weighed as in
  // ИСБ (weight 0 = ignored); a missing component sits at the municipal mean.
  const scale = ISB_COMPONENTS.map((c) =>
    Math.sqrt(Math.max(0, settingNumber(settings, isbWeightSetting(c.code)))),
  );
  const means = cur.isbD.map((col) => {
    let sum = 0;
    let count = 0;
    for (let m = 0; m < members.length; m++) {
      const v = col[members[m]];
      if (v !== v) continue; // NaN: unanswered
      sum += v;
      count++;
    }
    return count ? sum / count : 0;
  });
  const coords = new Float64Array(members.length * dim);
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    for (let d = 0; d < dim; d++) {
      const v = cur.isbD[d][i];
      coords[m * dim + d] = (v === v ? v : means[d]) * scale[d];
    }
  }
  const k = Math.max(0, Math.floor(settingNumber(settings, 'peer_count')));
  const found = nearestNeighbours(coords, members.length, dim, k);
  const out: number[][] = Array.from({ length: n }, () => []);
  members.forEach((i, m) => {
    out[i] = found[m].map((j) => members[j]);
  });
  return out;
}

export function computeMonitoring(input: MonitoringInput): MonitoringResult {
  const settings: Settings = { ...defaultSettings(), ...input.settings };
  const idx = indexInput(input);
  const warnings = [...idx.warnings];
  const { periods, current, previous, previous2 } = choosePeriods(input, settings, idx);
  const { schools } = idx;
  const n = schools.length;
  const empty = (): (FieldValues | null)[] => new Array(n).fill(null);
  const valuesOf = (period: string) => idx.data.get(period) ?? empty();
  const years = Math.max(1, Math.floor(settingNumber(settings, 'results_years')));

  // Each period's answers as columns, built once and shared by the periods pooling them.
  const columns = new Map<string, PeriodColumns>();
  const columnsOf = (period: string): PeriodColumns => {
    let c = columns.get(period);
    if (!c) columns.set(period, (c = new PeriodColumns(valuesOf(period))));
    return c;
  };
  const coreOf = (period: string | null): PeriodCore | null => {
    if (period === null) return null;
    const at = periods.indexOf(period);
    const pooledPeriods = periods.slice(Math.max(0, at - years + 1), at + 1).map(columnsOf);
    return computePeriodCore({
      period,
      pooledPeriods,
      columns: columnsOf(period),
      list: idx.lists.get(period) ?? null,
      schoolIds: schools.map((s) => s.school_id),
      settings,
    });
  };
  const cur = coreOf(current) as PeriodCore;
  const prev = coreOf(previous);
  const prev2 = coreOf(previous2);

  if (cur.usedComputedForOfficial) warnings.push(W.noOfficialList(current));
  if (prev && prev.usedComputedForOfficial && prev.hasData)
    warnings.push(W.noOfficialList(prev.period));
  if (!cur.hasData) warnings.push(W.noResponses(current));

  const minP = settingNumber(settings, 'min_participants');
  const ri = cur.resultsIndex;
  const medianRi = median(ri);
  const residual = residuals(cur.isb, ri);
  const resilient = resilientOf(cur.lowIsb, ri, medianRi);
  const leaders = suggestLeaders(
    schools.map((s, i) => ({
      id: s.school_id,
      locality: s.locality,
      flagged: cur.flagged[i],
      hasLeader: s.leader_school_id !== '',
    })),
    ri,
    residual,
    medianRi,
  );
  const peers = peersOf(cur, settings);
  const municipalRank = rankDescending(ri);
  const levels = riskLevels(cur, settings);

  const noIndex: string[] = [];
  const sharesOf = schoolSharesOf(cur.columns, cur.pooled, minP);
  const perSchool = schools.map((s, i) => {
    const values = cur.values[i];
    const responded = values !== null;
    if (responded && ri[i] === null) noIndex.push(s.name);
    const objectivity = cur.objectivity[i];
    const profile = riskProfileOf(levels[i]);
    const myRi = ri[i];
    let peerRank: number | null = null;
    if (myRi !== null) {
      let above = 0;
      const mine = peers[i];
      for (let p = 0; p < mine.length; p++) {
        const rj = ri[mine[p]];
        if (rj !== null && rj > myRi) above++;
      }
      peerRank = 1 + above;
    }
    const effective =
      hasInfo(prev) &&
      hasInfo(prev2) &&
      prev2.flagged[i] &&
      !prev.flagged[i] &&
      !cur.flagged[i] &&
      myRi !== null &&
      prev2.resultsIndex[i] !== null &&
      myRi >= (prev2.resultsIndex[i] as number);
    // The template's keys in DERIVED_KEYS order, set in place (no temporary object).
    const derived = emptyFieldValues(DERIVED_KEYS) as Record<string, number | boolean | null>;
    derived.flagged = cur.flagged[i];
    derived.has_leader_school = s.leader_school_id !== '';
    derived.objectivity_flag = responded ? objectivity.length > 0 : null;
    derived.vpr_inflation = responded ? hasFlag(objectivity, VPR_INFLATION) : null;
    derived.journal_inflation = responded ? hasFlag(objectivity, JOURNAL_INFLATION) : null;
    derived.risk_zone = responded ? cur.riskZone[i] : null;
    derived.resilient = myRi !== null && cur.isb[i] !== null ? resilient[i] : null;
    derived.effective_mode = effective;
    derived.status_mismatch =
      cur.hasList && responded ? cur.official[i] !== cur.computed[i] : false;
    derived.results_index = myRi;
    derived.results_index_no_vpr = cur.resultsIndexNoVpr[i];
    derived.isb = cur.isb[i];
    derived.residual = residual[i];
    for (let r = 0; r < RISK_KEYS.length; r++) {
      const l = levels[i][RISK_KEYS[r][0]];
      derived[RISK_KEYS[r][1]] = l === null ? null : LEVEL_RANK[l];
    }
    return {
      values,
      responded,
      shares: sharesOf(i),
      objectivity,
      profile,
      peerRank,
      effective,
      derived,
    };
  });
  if (noIndex.length) warnings.push(W.noResultsIndex(noIndex.length, sample(noIndex)));

  // Recommendations.
  const { rules, errors: ruleErrors } = compileRules(input.rules ?? DEFAULT_RULES);
  const municipal = municipalLookup(
    cur,
    perSchool.map((p) => p.derived),
  );
  // Each school's record holds what the rules read (values, shares, derived facts).
  const subjects: readonly RuleSubject[] = perSchool;
  const quartile = quartileLookup(cur, subjects, settingNumber(settings, 'shrinkage_k'));
  const maxRecommendations = Math.max(
    1,
    Math.floor(settingNumber(settings, 'max_recommendations')),
  );
  const nameOf = new Map(schools.map((s) => [s.school_id, s.name]));
  // The school being targeted: the fills and the quartile test below read it, so that no
  // function is made per school or per rule (at 40,000 schools they were a good part of it).
  let at = 0;
  let hit: (typeof rules)[number] = rules[0];
  let leaderNames: string[] | null = null;
  let worst: string | null = null;
  // Placeholder fills, computed only when a text asks for them, once per school.
  const fill = {
    leaders: () => (leaderNames ??= leaders[at].map((id) => nameOf.get(id) ?? id)),
    worstVpr: () => (worst ??= worstVpr(perSchool[at].values, VPR_TESTS, minP)),
    value: () => valueText(hit, subjects[at], municipal),
  };
  // Each rule's code places, thresholds and quartile columns found once, not per school.
  const fires = rules.map((r) => preparedFires(r, municipal, quartile, cur.columns));
  const targeting = perSchool.map((_, i) => {
    at = i;
    leaderNames = null;
    worst = null;
    const subject = subjects[i];
    const hits: typeof rules = [];
    const flagged = cur.flagged[i];
    for (let r = 0; r < rules.length; r++) if (fires[r](subject, flagged, i)) hits.push(rules[r]);
    const ordered = orderByRiskLevels(hits, levels[i]);
    const texts: Record<string, string> = {};
    for (const r of hits) {
      hit = r;
      texts[r.rule_id] = renderForSchool(r.text, fill);
    }
    // rev 2: at most `max_recommendations`, the rest go to the letter as «дополнительно».
    return {
      targeted: ordered.slice(0, maxRecommendations),
      additional: ordered.slice(maxRecommendations),
      texts,
    };
  });

  const results: SchoolResult[] = idx.registryOrder.map((i) => {
    const s = schools[i];
    const p = perSchool[i];
    return {
      school_id: s.school_id,
      name: s.name,
      locality: s.locality,
      responded: p.responded,
      official_status: cur.official[i],
      computed_status: cur.computed[i],
      status: cur.status[i],
      status_prev: prev ? prev.status[i] : null,
      status_mismatch: p.derived.status_mismatch === true,
      flagged: cur.flagged[i],
      results_index: ri[i],
      results_index_no_vpr: cur.resultsIndexNoVpr[i],
      results_index_prev: prev ? prev.resultsIndex[i] : null,
      isb: cur.isb[i],
      isb_prev: prev ? prev.isb[i] : null,
      risk_zone: cur.riskZone[i],
      resilient: resilient[i],
      residual: residual[i],
      leader_suggestions: leaders[i],
      objectivity_flags: p.objectivity,
      risk_profile: p.profile,
      risk_levels: levels[i],
      peers: peers[i].map((j) => schools[j].school_id),
      peer_rank: p.peerRank,
      municipal_rank: municipalRank[i],
      dynamics: dynamicsOf(prev, cur, i),
      effective_mode: p.effective,
      shares: p.shares,
      recommendations: targeting[i].targeted,
      additional_recommendations: targeting[i].additional,
      recommendation_texts: targeting[i].texts,
    };
  });

  // The schools each rule is targeted at, in registry order, in one pass over the schools.
  const targetedBy = new Map<string, string[]>(rules.map((r) => [r.rule_id, []]));
  for (const i of idx.registryOrder) {
    const targeted = targeting[i].targeted;
    for (let j = 0; j < targeted.length; j++) {
      // Each id once, at its first place (as a Set of them would give it).
      if (targeted.indexOf(targeted[j]) === j)
        targetedBy.get(targeted[j])?.push(schools[i].school_id);
    }
  }
  const recommendations: RecommendationAggregate[] = rules.map((r) => ({
    rule_id: r.rule_id,
    addressee: r.addressee,
    text: r.text,
    // The schools the rule is targeted at (within their first `max_recommendations`), named
    // in the municipal part (a choice: a rule a school gets only as «дополнительно» is in its
    // letter, not in the municipal list).
    school_ids: [...(targetedBy.get(r.rule_id) as string[])],
  }));

  const indicators = computeIndicators(
    cur,
    prev,
    prev2,
    schools,
    settings,
    input.registryHistory ?? [],
  );
  return {
    period: current,
    previousPeriod: previous,
    schoolsTotal: n,
    responded: cur.values.filter((v) => v !== null).length,
    notResponded: idx.registryOrder
      .filter((i) => cur.values[i] === null)
      .map((i) => schools[i].school_id),
    schools: results,
    indicators,
    recommendations,
    ruleErrors,
    warnings,
  };
}
