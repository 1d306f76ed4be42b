/**
 * The ten «500+» risk factors with levels (domain spec, section 6, rev 2). Each factor gets
 * `high`, `medium` or `low` from the school's answers; an unanswered input gives no level
 * (an unanswered question is not evidence of a problem, nor of its absence).
 *
 * Conditions combine in three-valued logic (true / false / unknown): «A and B» is false as
 * soon as one part is false, unknown while a part is unknown; «A or B» is true as soon as one
 * part is true. A level is given only when the answers decide it.
 */
import { RISKS, type RiskLevel } from '../catalogue/components';
import { settingNumber } from '../settings';
import { emptyFieldValues } from '../fieldValues';
import type { Settings } from '../types';
import { numAt } from './columns';
import type { PeriodCore } from './periodCore';
import { share, shrink } from './shares';
import { lowestShare, type Column } from './stats';

type Tri = boolean | null;

function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

function not(x: Tri): Tri {
  return x === null ? null : !x;
}

function less(a: number | null, b: number): Tri {
  return a === null ? null : a < b;
}

function more(a: number | null, b: number): Tri {
  return a === null ? null : a > b;
}

function level(high: Tri, medium: Tri): RiskLevel | null {
  if (high === true) return 'high';
  if (high === null) return null;
  if (medium === true) return 'medium';
  return medium === null ? null : 'low';
}

/**
 * The worst quartile of a column where higher is worse: the highest ceil(n/4) values, ties
 * at the boundary included, and only values above the municipal share `p` (a choice: when
 * most schools share one value, e.g. no truancy at all, the boundary would otherwise take
 * schools that are not worse than the municipality).
 */
export function worstQuartile(values: Column, p: number | null): boolean[] {
  const low = lowestShare(
    values.map((v) => (v === null ? null : -v)),
    0.25,
  );
  return values.map((v, i) => low[i] && v !== null && (p === null || v > p));
}

/** A share per school and its municipal sum-over-sum, then each school's shrunk share. */
function shrunkColumn(
  counts: readonly ({ count: number; base: number } | null)[],
  k: number,
): { shrunk: (number | null)[]; p: number | null } {
  let c = 0;
  let b = 0;
  for (const x of counts) {
    if (!x) continue;
    c += x.count;
    b += x.base;
  }
  const p = share(c, b);
  return {
    p,
    shrunk: counts.map((x) => (x && x.base > 0 ? shrink(x.count, x.base, p, k) : null)),
  };
}

/** count / base per school where both are answered and base > 0. */
function countsOf(core: PeriodCore, code: string, base: string) {
  const counts = core.columns.num(code);
  const bases = core.columns.num(base);
  return core.values.map((_, i) => {
    const c = numAt(counts, i);
    const b = numAt(bases, i);
    return c === null || b === null || b <= 0 ? null : { count: c, base: b };
  });
}

/** Registered (the larger list, as in ИСБ) plus truancy, of the students. */
function environmentCounts(core: PeriodCore) {
  const col = (code: string) => core.columns.num(code);
  const [totals, kdns, schools, truancies] = [
    'students_total',
    'students_registered_kdn',
    'students_registered_school',
    'students_truancy',
  ].map(col);
  return core.values.map((_, i) => {
    const total = numAt(totals, i);
    const kdn = numAt(kdns, i);
    const school = numAt(schools, i);
    const truancy = numAt(truancies, i);
    if (total === null || total <= 0 || truancy === null || (kdn === null && school === null))
      return null;
    return { count: Math.max(kdn ?? 0, school ?? 0) + truancy, base: total };
  });
}

export type RiskLevels = Record<string, RiskLevel | null>;

/** Each school's level of each factor (RISKS order), aligned with the core's schools. */
export function riskLevels(core: PeriodCore, settings: Settings): RiskLevels[] {
  const k = settingNumber(settings, 'shrinkage_k');
  const n = core.values.length;
  const env = shrunkColumn(environmentCounts(core), k);
  const notAttested = shrunkColumn(countsOf(core, 'students_not_attested', 'students_total'), k);
  const noCertificate = shrunkColumn(countsOf(core, 'grads_no_certificate', 'grads_total'), k);
  const vpr = { shrunk: core.shrunk.vpr_fail, p: core.municipalPooled.vpr_fail };
  const failure = [vpr, notAttested, noCertificate].map((m) => ({
    ...m,
    worst: worstQuartile(m.shrunk, m.p),
  }));
  const envWorst = worstQuartile(env.shrunk, env.p);

  const t = (name: string) => settingNumber(settings, name);
  const thresholds = {
    monitorings: t('risk_internal_monitorings_min'),
    diagnosed: t('risk_teachers_diagnosed_min'),
    withIom: t('risk_teachers_with_iom_min'),
    languageHigh: t('risk_language_high'),
    languageMedium: t('risk_language_medium'),
    motivationHigh: t('risk_motivation_high'),
    motivationMedium: t('risk_motivation_medium'),
  };
  const cols = core.columns;
  // boolAt and share over the columns, written out: called per school and factor.
  const yes = (code: string) => {
    const col = cols.bool(code);
    return (i: number): Tri => {
      const v = col[i];
      return v < 0 ? null : v === 1;
    };
  };
  const ofTotal = (code: string, total: string) => {
    const counts = cols.num(code);
    const totals = cols.num(total);
    return (i: number): number | null => {
      const c = counts[i];
      const t = totals[i];
      return c !== c || t !== t || t <= 0 ? null : c / t;
    };
  };
  const infrastructureDeficit = yes('infrastructure_deficit');
  const noStableInternet = yes('no_stable_internet');
  const insufficientComputers = yes('insufficient_computers');
  const staffShortage = yes('staff_shortage');
  const differentiated = yes('has_differentiated_instruction');
  const iup = yes('has_iup');
  const inschoolPd = yes('has_inschool_pd');
  const parentsInvolved = yes('parents_involved');
  const diagnosed = ofTotal('teachers_diagnosed', 'teachers_total');
  const withIom = ofTotal('teachers_with_iom', 'teachers_total');
  const nonNativeShare = ofTotal('students_non_native', 'students_total');
  const motivationShare = ofTotal('students_low_motivation', 'students_total');
  const measuresCol = cols.num('staff_support_measures');
  const monitoringsCol = cols.num('internal_monitorings');

  const out: RiskLevels[] = [];
  const { responded } = cols;
  for (let i = 0; i < n; i++) {
    // A copy of one template, every factor null, in RISKS order (the order set below): a
    // small fast object rather than one grown key by key.
    const levels = emptyFieldValues(RISKS) as RiskLevels;
    if (responded[i] === 0) {
      out.push(levels);
      continue;
    }
    const measures = numAt(measuresCol, i);
    const monitoringsLow = less(numAt(monitoringsCol, i), thresholds.monitorings);

    levels.equipment = level(
      infrastructureDeficit(i),
      or(noStableInternet(i), insufficientComputers(i)),
    );
    levels.staff = level(
      and(staffShortage(i), measures === null ? null : measures === 0),
      staffShortage(i),
    );
    levels.teacher_competence = level(
      less(diagnosed(i), thresholds.diagnosed),
      less(withIom(i), thresholds.withIom),
    );
    levels.adaptivity = level(
      and(not(differentiated(i)), not(iup(i))),
      or(not(differentiated(i)), not(iup(i))),
    );
    levels.inschool_pd = level(
      and(not(inschoolPd(i)), monitoringsLow),
      or(not(inschoolPd(i)), monitoringsLow),
    );
    const nonNative = nonNativeShare(i);
    levels.language = level(
      more(nonNative, thresholds.languageHigh),
      more(nonNative, thresholds.languageMedium),
    );
    const e = env.shrunk[i];
    levels.environment = level(
      e === null ? null : envWorst[i],
      e === null || env.p === null ? null : e > env.p,
    );
    // Any of the three measures the school answered decides (a choice: a small school without
    // ВПР still gets a level from its attestation and certificates).
    let answered = false;
    let worst = false;
    let above = false;
    for (const m of failure) {
      const v = m.shrunk[i];
      if (v === null) continue;
      answered = true;
      if (m.worst[i]) worst = true;
      if (m.p !== null && v > m.p) above = true;
    }
    levels.learning_failure = answered ? level(worst, above) : null;
    levels.parents = level(not(parentsInvolved(i)), false);
    const motivation = motivationShare(i);
    levels.motivation = level(
      more(motivation, thresholds.motivationHigh),
      more(motivation, thresholds.motivationMedium),
    );
    out.push(levels);
  }
  return out;
}

/** The profile: factors at `high`, then at `medium`, each group in catalogue order. */
export function riskProfileOf(levels: RiskLevels): string[] {
  const out: string[] = [];
  for (const r of RISKS) if (levels[r.code] === 'high') out.push(r.code);
  for (const r of RISKS) if (levels[r.code] === 'medium') out.push(r.code);
  return out;
}
