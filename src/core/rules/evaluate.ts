/**
 * Evaluating compiled rules on a school. A rule never fires on an unanswered value; with
 * several codes it fires when any of them matches.
 */
import { subjectValue, type RuleSubject } from './codes';
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
