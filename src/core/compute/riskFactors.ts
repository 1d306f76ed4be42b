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
import type { FieldValues, Settings } from '../types';
import type { PeriodCore } from './periodCore';
import { bool, num, share, shrink } from './shares';
import { lowestShare, type Column } from './stats';

type Tri = boolean | null;

function and(...xs: Tri[]): Tri {
  if (xs.some((x) => x === false)) return false;
  return xs.some((x) => x === null) ? null : true;
}

function or(...xs: Tri[]): Tri {
  if (xs.some((x) => x === true)) return true;
  return xs.some((x) => x === null) ? null : false;
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

function countOf(values: FieldValues | null, code: string, base: string) {
  const c = num(values, code);
  const b = num(values, base);
  return c === null || b === null || b <= 0 ? null : { count: c, base: b };
}

/** Registered (the larger list, as in ИСБ) plus truancy, of the students. */
function environmentCount(values: FieldValues | null) {
  const total = num(values, 'students_total');
  const kdn = num(values, 'students_registered_kdn');
  const school = num(values, 'students_registered_school');
  const truancy = num(values, 'students_truancy');
  if (total === null || total <= 0 || truancy === null || (kdn === null && school === null))
    return null;
  return { count: Math.max(kdn ?? 0, school ?? 0) + truancy, base: total };
}

export type RiskLevels = Record<string, RiskLevel | null>;

/** Each school's level of each factor (RISKS order), aligned with the core's schools. */
export function riskLevels(core: PeriodCore, settings: Settings): RiskLevels[] {
  const k = settingNumber(settings, 'shrinkage_k');
  const n = core.values.length;
  const env = shrunkColumn(core.values.map(environmentCount), k);
  const notAttested = shrunkColumn(
    core.values.map((v) => countOf(v, 'students_not_attested', 'students_total')),
    k,
  );
  const noCertificate = shrunkColumn(
    core.values.map((v) => countOf(v, 'grads_no_certificate', 'grads_total')),
    k,
  );
  const vpr = { shrunk: core.shrunk.vpr_fail, p: core.municipalPooled.vpr_fail };
  const failure = [vpr, notAttested, noCertificate].map((m) => ({
    ...m,
    worst: worstQuartile(m.shrunk, m.p),
  }));
  const envWorst = worstQuartile(env.shrunk, env.p);

  const t = (name: string) => settingNumber(settings, name);
  const out: RiskLevels[] = [];
  for (let i = 0; i < n; i++) {
    const v = core.values[i];
    const levels: RiskLevels = {};
    if (!v) {
      for (const r of RISKS) levels[r.code] = null;
      out.push(levels);
      continue;
    }
    const b = (code: string) => bool(v, code);
    const students = (code: string) => share(num(v, code), num(v, 'students_total'));
    const teachers = (code: string) => share(num(v, code), num(v, 'teachers_total'));
    const measures = num(v, 'staff_support_measures');
    const monitoringsLow = less(num(v, 'internal_monitorings'), t('risk_internal_monitorings_min'));

    levels.equipment = level(
      b('infrastructure_deficit'),
      or(b('no_stable_internet'), b('insufficient_computers')),
    );
    levels.staff = level(
      and(b('staff_shortage'), measures === null ? null : measures === 0),
      b('staff_shortage'),
    );
    levels.teacher_competence = level(
      less(teachers('teachers_diagnosed'), t('risk_teachers_diagnosed_min')),
      less(teachers('teachers_with_iom'), t('risk_teachers_with_iom_min')),
    );
    levels.adaptivity = level(
      and(not(b('has_differentiated_instruction')), not(b('has_iup'))),
      or(not(b('has_differentiated_instruction')), not(b('has_iup'))),
    );
    levels.inschool_pd = level(
      and(not(b('has_inschool_pd')), monitoringsLow),
      or(not(b('has_inschool_pd')), monitoringsLow),
    );
    const nonNative = students('students_non_native');
    levels.language = level(
      more(nonNative, t('risk_language_high')),
      more(nonNative, t('risk_language_medium')),
    );
    const e = env.shrunk[i];
    levels.environment = level(
      e === null ? null : envWorst[i],
      e === null || env.p === null ? null : e > env.p,
    );
    // Any of the three measures the school answered decides (a choice: a small school without
    // ВПР still gets a level from its attestation and certificates).
    const answered = failure.filter((m) => m.shrunk[i] !== null);
    levels.learning_failure =
      answered.length === 0
        ? null
        : level(
            answered.some((m) => m.worst[i]),
            answered.some((m) => m.p !== null && (m.shrunk[i] as number) > m.p),
          );
    levels.parents = level(not(b('parents_involved')), false);
    const motivation = students('students_low_motivation');
    levels.motivation = level(
      more(motivation, t('risk_motivation_high')),
      more(motivation, t('risk_motivation_medium')),
    );
    out.push(levels);
  }
  return out;
}

/** The profile: factors at `high`, then at `medium`, each group in catalogue order. */
export function riskProfileOf(levels: RiskLevels): string[] {
  const at = (l: RiskLevel) => RISKS.filter((r) => levels[r.code] === l).map((r) => r.code);
  return [...at('high'), ...at('medium')];
}
