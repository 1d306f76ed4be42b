/**
 * Objectivity flags and the risk profile of a school (domain spec, section 6).
 */
import { VPR_TESTS } from '../catalogue/components';
import { fieldByCode } from '../catalogue/fields';
import { settingNumber } from '../settings';
import type { FieldValues, Settings } from '../types';
import { bool, municipalFieldShare, num, pooledShare, share, type Pooled } from './shares';

/** ВПР whose share of lowered grades exceeds the threshold (with at least min participants). */
const VPR_KEYS = VPR_TESTS.map((test) => ({
  test,
  participants: `${test}_participants`,
  lower: `${test}_lower`,
}));

export function objectivityFlags(
  values: FieldValues | null,
  threshold: number,
  minParticipants: number,
): string[] {
  const flags: string[] = [];
  if (!values) return flags;
  for (const { test, participants, lower: lowerCode } of VPR_KEYS) {
    const p = num(values, participants);
    const lower = num(values, lowerCode);
    if (p === null || lower === null || p < minParticipants) continue;
    const s = share(lower, p);
    if (s !== null && s > threshold) flags.push(test);
  }
  return flags;
}

/** Municipal reference values the profile compares a school with. */
export interface MunicipalReference {
  notAttested: number | null;
  vprFail: number | null;
  specialNeeds: number | null;
  behaviour: number | null;
}

function behaviourCount(values: FieldValues | null): { count: number; base: number } | null {
  const kdn = num(values, 'students_registered_kdn');
  const school = num(values, 'students_registered_school');
  const total = num(values, 'students_total');
  if (kdn === null || school === null || total === null) return null;
  return { count: kdn + school, base: total };
}

export function municipalReference(
  all: readonly (FieldValues | null)[],
  vprPooled: readonly (Pooled | null)[],
): MunicipalReference {
  const def = (code: string) => {
    const d = fieldByCode(code);
    if (!d) throw new Error(`unknown field ${code}`);
    return d;
  };
  let vc = 0;
  let vp = 0;
  for (const p of vprPooled) {
    if (!p) continue;
    vc += p.count;
    vp += p.participants;
  }
  let bc = 0;
  let bb = 0;
  for (const values of all) {
    const b = behaviourCount(values);
    if (!b) continue;
    bc += b.count;
    bb += b.base;
  }
  return {
    notAttested: municipalFieldShare(all, def('students_not_attested')),
    vprFail: share(vc, vp),
    specialNeeds: municipalFieldShare(all, def('students_special_needs')),
    behaviour: share(bc, bb),
  };
}

/** `a > factor × b`, false when either is missing. */
function above(a: number | null, factor: number, b: number | null): boolean {
  return a !== null && b !== null && a > factor * b;
}

/**
 * The school's risks in catalogue order (RISKS). A risk needs an answered value: an
 * unanswered question is not evidence of a problem.
 */
export function riskProfile(
  values: FieldValues | null,
  vprPooled: Pooled | null,
  ref: MunicipalReference,
  settings: Settings,
): string[] {
  if (!values) return [];
  const s = (code: string) => share(num(values, code), num(values, 'students_total'));
  const t = (code: string) => share(num(values, code), num(values, 'teachers_total'));
  const minP = settingNumber(settings, 'min_participants');
  const out: string[] = [];

  if (
    bool(values, 'no_stable_internet') ||
    bool(values, 'insufficient_computers') ||
    bool(values, 'infrastructure_deficit')
  ) {
    out.push('equipment');
  }
  if (bool(values, 'staff_shortage')) out.push('staff');

  const diagnosed = t('teachers_diagnosed');
  const iom = t('teachers_with_iom');
  if (
    (diagnosed !== null && diagnosed < settingNumber(settings, 'risk_teachers_diagnosed_min')) ||
    (iom !== null && iom < settingNumber(settings, 'risk_teachers_with_iom_min'))
  ) {
    out.push('teacher_competence');
  }

  const failFactor = settingNumber(settings, 'risk_learning_failure_factor');
  const vpr = vprPooled ? pooledShare(vprPooled, minP) : null;
  if (
    above(s('students_not_attested'), failFactor, ref.notAttested) ||
    above(vpr, failFactor, ref.vprFail)
  ) {
    out.push('learning_failure');
  }
  if (
    above(
      s('students_special_needs'),
      settingNumber(settings, 'risk_special_needs_factor'),
      ref.specialNeeds,
    )
  ) {
    out.push('special_needs');
  }
  const nonNative = s('students_non_native');
  if (nonNative !== null && nonNative > settingNumber(settings, 'risk_language_share'))
    out.push('language');

  const b = behaviourCount(values);
  if (
    above(
      b ? share(b.count, b.base) : null,
      settingNumber(settings, 'risk_behaviour_factor'),
      ref.behaviour,
    )
  ) {
    out.push('behaviour');
  }
  if (bool(values, 'parents_involved') === false) out.push('parents');
  const monitorings = num(values, 'internal_monitorings');
  if (
    monitorings !== null &&
    monitorings < settingNumber(settings, 'risk_internal_monitorings_min')
  ) {
    out.push('internal_assessment');
  }
  return out;
}
