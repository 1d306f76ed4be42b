/**
 * Russian words for what the computation keeps as codes (rev 2): objectivity flags and the
 * «500+» risk factors with their levels. Every output (sheets, report, letters) shows these,
 * never the codes.
 */
import { RISKS, RISK_LEVELS, type RiskLevel } from '../catalogue/components';
import { RESULT_TESTS } from '../catalogue/fields';
import { OBJECTIVITY_WORDS } from '../messages';
import { RISK_LEVEL } from '../words';

import type { MonitoringResult, SchoolResult } from '../monitoring';
import { REPORT_DOC as R } from './wording';

/** `ВПР, математика, 8 класс` -> `математика, 8 класс`. */
export function vprTitle(test: string): string {
  const title = RESULT_TESTS.find((t) => t.test === test)?.title ?? test;
  return title.replace(/^ВПР,\s*/, '');
}

/** `vpr_inflation:vpr_math8` -> `ВПР выше журнала: математика, 8 класс`. */
export function objectivityText(flag: string): string {
  const [kind, test] = flag.split(':');
  const words = OBJECTIVITY_WORDS[kind as keyof typeof OBJECTIVITY_WORDS] ?? kind;
  return `${words}: ${vprTitle(test ?? '')}`;
}

export function objectivityList(flags: readonly string[]): string {
  return flags.map(objectivityText).join('; ');
}

export function riskLabel(code: string): string {
  return RISKS.find((r) => r.code === code)?.label ?? code;
}

export function levelWord(level: RiskLevel | null): string {
  return level === null ? '' : RISK_LEVEL.show(level);
}

/**
 * The profile in words, worst level first: `высокий — низкая оснащённость; средний — …`.
 * Low levels are left out; empty when no factor is high or medium.
 */
export function riskProfileText(levels: Readonly<Record<string, RiskLevel | null>>): string {
  return RISK_LEVELS.filter((l) => l !== 'low')
    .map((l) => {
      const factors = RISKS.filter((r) => levels[r.code] === l).map((r) => r.label);
      return factors.length ? `${RISK_LEVEL.show(l)} — ${factors.join(', ')}` : '';
    })
    .filter((x) => x !== '')
    .join('; ');
}

/** A school's registry name; the code is added in brackets when two schools share the name. */
export function schoolNamer(schools: readonly SchoolResult[]): (s: SchoolResult) => string {
  const count = new Map<string, number>();
  for (const s of schools) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return (s) => ((count.get(s.name) ?? 0) > 1 || !s.name ? `${s.name} (${s.school_id})` : s.name);
}

/**
 * A list of school names as Russian reports write it: a legal form shared by all of them is
 * said once (`МБОУ «Средняя школа № 1», «Средняя школа № 2»`).
 */
export function joinNames(names: readonly string[]): string {
  const form = /^(\S+)\s+/.exec(names[0] ?? '')?.[1];
  const shared =
    names.length > 1 &&
    form &&
    /^[А-ЯЁA-Z]{2,}$/.test(form) &&
    names.every((n) => n.startsWith(`${form} `));
  if (!shared) return names.join(', ');
  return `${form} ${names.map((n) => n.slice(form.length + 1)).join(', ')}`;
}

/** A status in words: `ШНОР`, `ШНОР и ШНСУ`, `вне списков`. */
export const statusText = (st: string): string =>
  st === 'ШНОР+ШНСУ' ? R.statusBoth : st === '' ? R.statusNone.toLowerCase() : st;

/** `ШНОР`, `ШНОР и ШНСУ`, with the computed status in brackets when it differs. */
export function statusWord(s: SchoolResult): string {
  const word = statusText;
  const main = word(s.status);
  return s.computed_status !== s.status
    ? `${main} (${R.computedWord} ${word(s.computed_status)})`
    : main;
}

/**
 * The school's «500+» factors at a high or medium level, one line per level:
 * `Высокий уровень: низкая оснащённость; дефицит педагогических кадров`.
 */
export function riskWords(s: SchoolResult): string[] {
  const levels = s.risk_levels ?? {};
  return RISK_LEVELS.filter((l) => l !== 'low')
    .map((l) => {
      const factors = RISKS.filter((r) => levels[r.code] === l).map((r) => r.label);
      return factors.length ? R.riskLevelLine(levelWord(l), factors.join('; ')) : '';
    })
    .filter((x) => x !== '');
}

/**
 * Objectivity signs in words, the tests grouped under each kind of sign:
 * `отметки ВПР ниже журнальных (…): русский язык, 5 класс; математика, 8 класс`.
 */
export function objectivityWords(flags: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const flag of flags) {
    const [kind, test] = flag.split(':');
    const words = OBJECTIVITY_WORDS[kind as keyof typeof OBJECTIVITY_WORDS] ?? kind;
    groups.set(words, [...(groups.get(words) ?? []), vprTitle(test ?? '')]);
  }
  const upper = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  return [...groups].map(([words, tests]) => `${upper(words)}: ${tests.join('; ')}`).join('. ');
}

export const recommendationTexts = {
  /**
   * A function giving each school its recommendation texts in its order (rev 2: rendered per
   * school by the core, placeholders filled): the targeted ones, then the additional ones.
   */
  forResult(result: MonitoringResult): (s: SchoolResult) => { main: string[]; more: string[] } {
    const texts = new Map(result.recommendations.map((r) => [r.rule_id, r.text]));
    const text = (s: SchoolResult, id: string) =>
      (s.recommendation_texts?.[id] ?? texts.get(id) ?? '').replace(/\{[a-z_]+\}/g, '').trim();
    return (s) => ({
      main: s.recommendations.map((id) => text(s, id)).filter(Boolean),
      more: (s.additional_recommendations ?? []).map((id) => text(s, id)).filter(Boolean),
    });
  },
};
