/**
 * The municipal summary (domain spec, section 5): each catalogue indicator with its count,
 * denominator, percent, the previous period's percent and the change in п.п.
 */
import { RESULT_COMPONENTS } from '../catalogue/components';
import { INDICATORS, type IndicatorDef, type IndicatorOf } from '../catalogue/indicators';
import { SUMMARY_NOTES as N } from '../messages';
import { hasShnor, hasShnsu } from '../registry';
import { settingBool, settingNumber } from '../settings';
import { diffOneDecimal, formatPercent, roundBigRatio, roundPercent } from '../text';
import type { IndicatorResult, RegistrySchool, Settings } from '../types';
import { periodRegistry, type PeriodRegistry, type RegistryFact } from '../registryHistory';
import { dynamicsOf } from './dynamics';
import { hasInfo, type PeriodCore } from './periodCore';
import { numAt } from './columns';
import { componentPairs } from './shares';

interface Figure {
  count: number | null;
  denominator: number | null;
  percent: number | null;
  covered?: number;
  note?: string;
}

const EMPTY: Figure = { count: null, denominator: null, percent: null };

function schoolMeets(
  def: IndicatorOf<'school_share'>,
  core: PeriodCore,
  school: RegistrySchool,
  i: number,
): boolean {
  // An unanswered yes/no counts as "no", as the seed's tables do.
  if (typeof def.subject === 'object') return core.columns.bool(def.subject.field)[i] === 1;
  switch (def.subject) {
    case 'flagged':
      return core.flagged[i];
    case 'shnor':
      return hasShnor(core.status[i]);
    case 'shnsu':
      return hasShnsu(core.status[i]);
    case 'risk_zone':
      return core.riskZone[i];
    case 'leader_school':
      return school.leader_school_id !== '';
  }
}

function coverageNote(covered: number, total: number): string | undefined {
  return covered < total ? N.covered(covered, total) : undefined;
}

function gapFigure(def: IndicatorOf<'gap'>, core: PeriodCore, minParticipants: number): Figure {
  const component = RESULT_COMPONENTS.find((c) => c.code === def.subject);
  if (!component) return EMPTY;
  // Sums of counts and participants in the flagged schools (f) and in the others (o), this
  // period only, over the component's tests.
  let fc = 0;
  let fp = 0;
  let oc = 0;
  let op = 0;
  // Indexed loops over the columns (NaN = unanswered), in the order of schools and pairs.
  const countCols = componentPairs(component).map(([countCode]) => core.columns.num(countCode));
  const partCols = componentPairs(component).map(([, partsCode]) => core.columns.num(partsCode));
  const { flagged } = core;
  const { responded } = core.columns;
  for (let i = 0; i < responded.length; i++) {
    if (responded[i] === 0) continue;
    const isFlagged = flagged[i];
    for (let t = 0; t < countCols.length; t++) {
      const c = countCols[t][i];
      const p = partCols[t][i];
      if (c !== c || p !== p) continue;
      if (isFlagged) {
        fc += c;
        fp += p;
      } else {
        oc += c;
        op += p;
      }
    }
  }
  if (fp < minParticipants || op < minParticipants || fp === 0 || op === 0) {
    return { ...EMPTY, note: N.gapTooFew };
  }
  // 100·(fc/fp − oc/op) exactly: 100·(fc·op − oc·fp) / (fp·op).
  const gap = roundBigRatio(
    100n * (BigInt(fc) * BigInt(op) - BigInt(oc) * BigInt(fp)),
    BigInt(fp) * BigInt(op),
    1,
  );
  return {
    count: null,
    denominator: null,
    percent: gap,
    note: N.gap(formatPercent(roundPercent(fc, fp)), formatPercent(roundPercent(oc, op))),
  };
}

/** One indicator in one period; `before` is the period before it (for list dynamics). */
function figure(
  def: IndicatorDef,
  core: PeriodCore,
  before: PeriodCore | null,
  reg: PeriodRegistry,
  settings: Settings,
): Figure {
  const { schools } = reg;
  const n = schools.length;
  switch (def.kind) {
    case 'fact':
      return EMPTY;
    case 'school_share': {
      let count = 0;
      let denominator = 0;
      // A yes/no field's column found once (schoolMeets would look it up per school).
      const field = typeof def.subject === 'object' ? core.columns.bool(def.subject.field) : null;
      for (let i = 0; i < n; i++) {
        if (!reg.active[i]) continue; // not in that period's registry
        if (def.population === 'flagged' && !core.flagged[i]) continue;
        denominator++;
        if (field ? field[i] === 1 : schoolMeets(def, core, schools[i], i)) count++;
      }
      return { count, denominator, percent: roundPercent(count, denominator) };
    }
    case 'teacher_share': {
      const counts = core.columns.num(def.subject);
      const teachers = core.columns.num('teachers_total');
      let count = 0;
      let denominator = 0;
      let covered = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (!reg.active[i]) continue; // not in that period's registry
        if (!core.flagged[i]) continue;
        total++;
        const c = numAt(counts, i);
        const b = numAt(teachers, i);
        // An unanswered number leaves the school out of both sides of the share.
        if (c === null || b === null) continue;
        covered++;
        count += c;
        denominator += b;
      }
      // No school answered: nothing to show rather than 0 of 0.
      return {
        count: covered ? count : null,
        denominator: covered ? denominator : null,
        percent: roundPercent(count, denominator),
        covered,
        note: coverageNote(covered, total),
      };
    }
    case 'sum': {
      const values = core.columns.num(def.subject);
      let sum = 0;
      let covered = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        if (!reg.active[i]) continue; // not in that period's registry
        if (!core.flagged[i]) continue;
        total++;
        const v = numAt(values, i);
        if (v === null) continue;
        covered++;
        sum += v;
      }
      return {
        count: covered > 0 || total === 0 ? sum : null,
        denominator: null,
        percent: null,
        covered,
        note: coverageNote(covered, total),
      };
    }
    case 'registry_count': {
      const count = schools.filter((s, i) => reg.active[i] && s[def.subject]).length;
      return { count, denominator: null, percent: null };
    }
    case 'dynamics': {
      if (!hasInfo(before)) return { ...EMPTY, note: N.noPreviousPeriod };
      let count = 0;
      let denominator = 0;
      let silent = 0;
      for (let i = 0; i < n; i++) {
        if (!reg.active[i]) continue; // not in that period's registry
        const was = before.flagged[i];
        const is = core.flagged[i];
        if (def.subject === 'left' ? !was : was) continue;
        // rev 2: a school without the response its status would rest on is «нет данных»,
        // never «вышла»: it leaves both sides of the share, and the note counts it.
        if (dynamicsOf(before, core, i) === 'no_data') {
          silent++;
          continue;
        }
        denominator++;
        if (def.subject === 'left' ? !is : is) count++;
      }
      return {
        count,
        denominator,
        percent: roundPercent(count, denominator),
        note: silent > 0 ? N.silentSchools(silent) : undefined,
      };
    }
    case 'gap':
      return gapFigure(def, core, settingNumber(settings, 'min_participants'));
  }
}

/**
 * The summary table. `prev` and `prev2` are the previous two periods (null when unknown);
 * `schools` are the active registry schools in the order the cores are aligned with.
 */
export function computeIndicators(
  cur: PeriodCore,
  prev: PeriodCore | null,
  prev2: PeriodCore | null,
  schools: readonly RegistrySchool[],
  settings: Settings,
  history: readonly RegistryFact[] = [],
): IndicatorResult[] {
  const today = periodRegistry(cur.period, schools, []);
  const previous = prev ? periodRegistry(prev.period, schools, history) : today;
  return INDICATORS.map((def) => {
    if (def.kind === 'fact') {
      return {
        code: def.code,
        section: def.section,
        title: def.title,
        count: null,
        denominator: null,
        percent: null,
        previous_percent: null,
        change_pp: null,
        value: settingBool(settings, def.code) ? N.present : N.absent,
      };
    }
    const now = figure(def, cur, prev, today, settings);
    const before = hasInfo(prev) ? figure(def, prev, prev2, previous, settings) : EMPTY;
    const result: IndicatorResult = {
      code: def.code,
      section: def.section,
      title: def.title,
      count: now.count,
      denominator: now.denominator,
      percent: now.percent,
      previous_percent: before.percent,
      change_pp: diffOneDecimal(now.percent, before.percent),
      value: null,
    };
    if (now.covered !== undefined) result.covered = now.covered;
    // rev 2: last period's registry facts come from its snapshot; without one, say so.
    const registryFacts = def.kind === 'registry_count' || def.subject === 'leader_school';
    const note =
      registryFacts && hasInfo(prev) && !previous.fromHistory
        ? [now.note, N.currentRegistry].filter(Boolean).join('; ')
        : now.note;
    if (note !== undefined) result.note = note;
    return result;
  });
}
