/**
 * Codes turned into the words a reader sees: school names (with the code where two names
 * coincide), statuses, «500+» risks, objectivity signs, recommendation texts.
 */
import { LEADERS_PLACEHOLDER, RESULT_TESTS, RISKS } from '../catalogue';
import type { MonitoringResult, SchoolResult } from '../monitoring';
import { renderRuleText } from '../rules/evaluate';
import { REPORT_DOC as R } from './wording';

/** A school's registry name; the code is added in brackets when two schools share the name. */
export function schoolNamer(schools: readonly SchoolResult[]): (s: SchoolResult) => string {
  const count = new Map<string, number>();
  for (const s of schools) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return (s) => ((count.get(s.name) ?? 0) > 1 || !s.name ? `${s.name} (${s.school_id})` : s.name);
}

/** `ШНОР`, `ШНОР и ШНСУ`, with the computed status in brackets when it differs. */
export function statusWord(s: SchoolResult): string {
  const word = (st: string) =>
    st === 'ШНОР+ШНСУ' ? R.statusBoth : st === '' ? R.statusNone.toLowerCase() : st;
  const main = word(s.status);
  return s.computed_status !== s.status
    ? `${main} (${R.computedWord} ${word(s.computed_status)})`
    : main;
}

/**
 * The school's «500+» risks in words. The profile holds risk codes (optionally `code:level`);
 * a level, when present, is shown after the factor.
 */
export function riskWords(s: SchoolResult): string[] {
  const levels = (s as SchoolResult & { risk_levels?: Record<string, string> }).risk_levels;
  const out: string[] = [];
  for (const entry of s.risk_profile) {
    const [code, inlineLevel] = entry.split(':');
    const def = RISKS.find((r) => r.code === code);
    if (!def) continue;
    const level = inlineLevel ?? levels?.[code];
    out.push(level ? `${def.label} — ${level}` : def.label);
  }
  return out;
}

const TEST_TITLES = new Map(RESULT_TESTS.map((t) => [t.test, t.title]));

/** `отметки журнала выше отметок ВПР: русский язык, 5 класс; математика, 8 класс`. */
export function objectivityWords(flags: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const flag of flags) {
    const [kind, test] = flag.includes(':') ? flag.split(':') : ['journal_inflation', flag];
    const what = kind === 'vpr_inflation' ? R.objectivityHigher : R.objectivityLower;
    const title = (TEST_TITLES.get(test) ?? '').replace(/^ВПР, /, '');
    groups.set(what, [...(groups.get(what) ?? []), ...(title ? [title] : [])]);
  }
  return [...groups]
    .map(([what, tests]) => (tests.length ? `${what}: ${tests.join('; ')}` : what))
    .join('; ');
}

export const recommendationTexts = {
  /** A rule's text for the municipal list: leader schools differ per school (the annex has them). */
  aggregate(text: string): string {
    return text
      .split(LEADERS_PLACEHOLDER)
      .join(R.leadersInAnnex)
      .replace(/\{[a-z_]+\}/g, '')
      .trim();
  },
  /** A function giving each school its recommendation texts, in its order. */
  forResult(result: MonitoringResult): (s: SchoolResult) => string[] {
    const texts = new Map(result.recommendations.map((r) => [r.rule_id, r.text]));
    const names = new Map(result.schools.map((s) => [s.school_id, s.name]));
    return (s) => {
      const leaders = s.leader_suggestions.map((l) => names.get(l) ?? l);
      return s.recommendations
        .map((id) => texts.get(id))
        .filter((t): t is string => Boolean(t))
        .map((t) =>
          renderRuleText(t, leaders)
            .replace(/\{[a-z_]+\}/g, '')
            .trim(),
        );
    };
  },
};
