/**
 * Evaluating compiled rules on a school. A rule never fires on an unanswered value; with
 * several codes it fires when any of them matches.
 */
import { fieldByCode } from '../catalogue/fields';
import type { PeriodColumns } from '../compute/columns';
import { placeOf, subjectValue, valueAtPlace, type RuleSubject } from './codes';
import type { CompiledRule } from './compile';

function compare(value: number, op: CompiledRule['operator'], threshold: number): boolean {
  switch (op) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '=':
      return value === threshold;
    case '!=':
      return value !== threshold;
    default:
      return false;
  }
}

/**
 * Whether a rule fires for a school. `municipal(code)` gives the municipal value of a code
 * for thresholds like `mun`; null there means the rule cannot be judged and does not fire.
 */
export function ruleFires(
  rule: CompiledRule,
  subject: RuleSubject,
  flagged: boolean,
  municipal: (code: string) => number | null,
  /** Whether the school is in the worst quartile of a code; `high`: higher is worse. */
  quartile: (code: string, high: boolean) => boolean = () => false,
): boolean {
  if (rule.appliesTo === 'flagged' && !flagged) return false;
  for (const code of rule.codes) {
    const value = subjectValue(subject, code);
    if (value === null) continue;
    if (rule.kind === 'bool') {
      if (typeof value !== 'boolean') continue;
      if (value === (rule.operator === 'да')) return true;
      continue;
    }
    if (typeof value !== 'number') continue;
    if (rule.threshold.kind === 'quartile') {
      if (quartile(code, rule.operator === '>' || rule.operator === '>=')) return true;
      continue;
    }
    let threshold: number | null = null;
    if (rule.threshold.kind === 'number') threshold = rule.threshold.value;
    else if (rule.threshold.kind === 'municipal') {
      const m = municipal(code);
      threshold = m === null ? null : rule.threshold.factor * m;
    }
    if (threshold !== null && compare(value, rule.operator, threshold)) return true;
  }
  return false;
}

/**
 * ruleFires for one computation, prepared once per rule: each code's place, its municipal
 * threshold and its worst-quartile column are found once (the latter two on first need, as
 * ruleFires asks for them) instead of per school. `fires(subject, flagged, i)` answers as
 * `ruleFires(rule, subject, flagged, municipal, (code, high) => quartile(code, high)[i])`.
 *
 * With `answers` (the period's answers as columns, school i's being `subject.values`), a
 * catalogue field's answer is read from its column; where the column has none (NaN, -1) the
 * response itself is read, so the value is always the one subjectValue gives.
 */
export function preparedFires(
  rule: CompiledRule,
  municipal: (code: string) => number | null,
  quartile: (code: string, high: boolean) => readonly boolean[],
  answers?: PeriodColumns,
): (subject: RuleSubject, flagged: boolean, i: number) => boolean {
  const { codes, kind, operator, threshold: th } = rule;
  const places = codes.map(placeOf);
  const numbers = places.map((p) =>
    answers && p.place === 3 && fieldByCode(p.key)?.type === 'int' ? answers.num(p.key) : null,
  );
  const flags = places.map((p) =>
    answers && p.place === 3 && fieldByCode(p.key)?.type === 'bool' ? answers.bool(p.key) : null,
  );
  const n = places.length;
  const onlyFlagged = rule.appliesTo === 'flagged';
  const wanted = operator === 'да';
  const high = operator === '>' || operator === '>=';
  const thresholds: (number | null | undefined)[] = codes.map(() => undefined);
  const columns: (readonly boolean[] | undefined)[] = codes.map(() => undefined);
  return (subject, flagged, i) => {
    if (onlyFlagged && !flagged) return false;
    for (let c = 0; c < n; c++) {
      const nums = numbers[c];
      const bools = flags[c];
      let value: number | boolean | null;
      if (nums !== null && nums[i] === nums[i]) value = nums[i];
      else if (bools !== null && bools[i] >= 0) value = bools[i] === 1;
      else value = valueAtPlace(subject, places[c]);
      if (value === null) continue;
      if (kind === 'bool') {
        if (typeof value !== 'boolean') continue;
        if (value === wanted) return true;
        continue;
      }
      if (typeof value !== 'number') continue;
      if (th.kind === 'quartile') {
        let column = columns[c];
        if (column === undefined) columns[c] = column = quartile(codes[c], high);
        if (column[i]) return true;
        continue;
      }
      let threshold: number | null = null;
      if (th.kind === 'number') threshold = th.value;
      else if (th.kind === 'municipal') {
        let t = thresholds[c];
        if (t === undefined) {
          const m = municipal(codes[c]);
          thresholds[c] = t = m === null ? null : th.factor * m;
        }
        threshold = t;
      }
      if (threshold !== null && compare(value, operator, threshold)) return true;
    }
    return false;
  };
}
