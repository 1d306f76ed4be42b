/**
 * What a rule's code can name and how a school's value for it is found: a field, a school
 * share (`share_<field>`), a pooled results component, or a derived fact of the computation.
 */
import { RESULT_COMPONENTS, RISKS } from '../catalogue/components';
import { fieldByCode } from '../catalogue/fields';
import { SHARE_FIELDS } from '../compute/shares';
import type { FieldValues } from '../types';

import type { RiskLevel } from '../catalogue/components';

/** `level`: a «500+» risk factor's level, compared as low < medium < high (rev 2). */
export type CodeKind = 'number' | 'bool' | 'level';

export const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2 };

/** Derived facts a rule may test, beside fields and shares. */
export const DERIVED_CODES: Readonly<Record<string, CodeKind>> = {
  flagged: 'bool',
  has_leader_school: 'bool',
  objectivity_flag: 'bool',
  vpr_inflation: 'bool',
  journal_inflation: 'bool',
  risk_zone: 'bool',
  resilient: 'bool',
  effective_mode: 'bool',
  status_mismatch: 'bool',
  results_index: 'number',
  results_index_no_vpr: 'number',
  isb: 'number',
  residual: 'number',
  ...Object.fromEntries(RISKS.map((r) => [`risk_${r.code}`, 'level' as const])),
};

const SHARE_CODES = new Set(SHARE_FIELDS.map((f) => `share_${f.code}`));
const COMPONENT_CODES = new Set(RESULT_COMPONENTS.map((c) => c.code));

export function codeKind(code: string): CodeKind | null {
  if (code in DERIVED_CODES) return DERIVED_CODES[code];
  if (SHARE_CODES.has(code) || COMPONENT_CODES.has(code)) return 'number';
  const def = fieldByCode(code);
  if (def?.type === 'int') return 'number';
  if (def?.type === 'bool') return 'bool';
  return null;
}

/** The field or component a code is about (`share_x` -> `x`), for risk ordering. */
export function subjectOf(code: string): string {
  return code.startsWith('share_') ? code.slice('share_'.length) : code;
}

/** A school as the rules see it. */
export interface RuleSubject {
  values: FieldValues | null;
  /** SchoolResult.shares: field shares and pooled components. */
  shares: Readonly<Record<string, number | null>>;
  derived: Readonly<Record<string, number | boolean | null>>;
}

/** Where a code's value lives: 0 derived, 1 a share, 2 a component, 3 a field; and its key. */
export interface CodePlace {
  place: 0 | 1 | 2 | 3;
  key: string;
}

const PLACE = new Map<string, CodePlace>();

export function placeOf(code: string): { place: 0 | 1 | 2 | 3; key: string } {
  let place = PLACE.get(code);
  if (place === undefined) {
    if (code in DERIVED_CODES) place = { place: 0, key: code };
    else if (SHARE_CODES.has(code)) place = { place: 1, key: subjectOf(code) };
    else place = { place: COMPONENT_CODES.has(code) ? 2 : 3, key: code };
    PLACE.set(code, place);
  }
  return place;
}

export function subjectValue(subject: RuleSubject, code: string): number | boolean | null {
  return valueAtPlace(subject, placeOf(code));
}

/** subjectValue with the code's place found beforehand (once per rule, not per school). */
export function valueAtPlace(subject: RuleSubject, at: CodePlace): number | boolean | null {
  const { place, key } = at;
  if (place === 0) return subject.derived[key] ?? null;
  if (place === 1 || place === 2) return subject.shares[key] ?? null;
  const v = subject.values?.[key];
  return typeof v === 'number' || typeof v === 'boolean' ? v : null;
}
