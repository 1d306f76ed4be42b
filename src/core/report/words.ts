/**
 * Russian words for what the computation keeps as codes (rev 2): objectivity flags and the
 * «500+» risk factors with their levels. Every output (sheets, report, letters) shows these,
 * never the codes.
 */
import { RISKS, RISK_LEVELS, type RiskLevel } from '../catalogue/components';
import { RESULT_TESTS } from '../catalogue/fields';
import { OBJECTIVITY_WORDS } from '../messages';
import { RISK_LEVEL } from '../words';

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
