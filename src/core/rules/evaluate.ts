/**
 * Evaluating compiled rules on a school. A rule never fires on an unanswered value; with
 * several codes it fires when any of them matches.
 */
import { LEADERS_PLACEHOLDER } from '../catalogue/rules';
import { RULE_MESSAGES as M } from '../messages';
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

/** Rule ids that fired, those addressing the school's risks first (in profile order). */
export function orderByRiskProfile(
  fired: readonly CompiledRule[],
  profile: readonly string[],
): string[] {
  const rank = (r: CompiledRule) => {
    const p = r.risk === null ? -1 : profile.indexOf(r.risk);
    return p < 0 ? profile.length : p;
  };
  return fired
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r.rule_id);
}

/** A rule's text for one school: `{leaders}` becomes the suggested leader schools' names. */
export function renderRuleText(text: string, leaderNames: readonly string[]): string {
  if (!text.includes(LEADERS_PLACEHOLDER)) return text;
  const names = leaderNames.length ? leaderNames.join(', ') : M.noLeaderSuggestions;
  return text.split(LEADERS_PLACEHOLDER).join(names);
}
