/**
 * Objectivity of ВПР, checked in both directions (domain spec, section 6, rev 2), as the signs
 * ФИС ОКО reports compare ВПР marks with journal marks:
 * - `vpr_inflation:<vpr>` — the share whose ВПР mark is above the journal's exceeds
 *   `objectivity_higher_threshold`: the ВПР results may not be objective;
 * - `journal_inflation:<vpr>` — the share whose ВПР mark is below the journal's exceeds
 *   `objectivity_threshold`: current marks are inflated.
 */
import { VPR_TESTS } from '../catalogue/components';
import type { FieldValues } from '../types';
import type { PeriodColumns } from './columns';
import { num, share } from './shares';

export const VPR_INFLATION = 'vpr_inflation';
export const JOURNAL_INFLATION = 'journal_inflation';

const VPR_KEYS = VPR_TESTS.map((test) => ({
  test,
  participants: `${test}_participants`,
  higher: `${test}_higher`,
  lower: `${test}_lower`,
  vprFlag: `${VPR_INFLATION}:${test}`,
  journalFlag: `${JOURNAL_INFLATION}:${test}`,
}));

/** Flags in test order, each test's `vpr_inflation` before its `journal_inflation`. */
export function objectivityFlags(
  values: FieldValues | null,
  higherThreshold: number,
  lowerThreshold: number,
  minParticipants: number,
): string[] {
  const flags: string[] = [];
  if (!values) return flags;
  for (const k of VPR_KEYS) {
    const p = num(values, k.participants);
    if (p === null || p < minParticipants) continue;
    const higher = share(num(values, k.higher), p);
    const lower = share(num(values, k.lower), p);
    if (higher !== null && higher > higherThreshold) flags.push(`${VPR_INFLATION}:${k.test}`);
    if (lower !== null && lower > lowerThreshold) flags.push(`${JOURNAL_INFLATION}:${k.test}`);
  }
  return flags;
}

export function hasFlag(flags: readonly string[], kind: string): boolean {
  if (flags.length === 0) return false;
  const prefix = `${kind}:`;
  for (const f of flags) if (f.startsWith(prefix)) return true;
  return false;
}

/** objectivityFlags for every school of a period, from its columns. */
export function objectivityFlagsOf(
  columns: PeriodColumns,
  higherThreshold: number,
  lowerThreshold: number,
  minParticipants: number,
): string[][] {
  const tests = VPR_KEYS.map((k) => ({
    ...k,
    p: columns.num(k.participants),
    h: columns.num(k.higher),
    l: columns.num(k.lower),
  }));
  const out: string[][] = new Array(columns.n);
  // Flags gathered here and copied at their exact length (a growing array keeps spare room).
  const flags: string[] = [];
  for (let i = 0; i < columns.n; i++) {
    flags.length = 0;
    out[i] = [];
    if (columns.responded[i] === 0) continue;
    for (let t = 0; t < tests.length; t++) {
      const k = tests[t];
      // objectivityFlags over the columns (NaN = unanswered), share(x, p) written out.
      const p = k.p[i];
      if (p !== p || p < minParticipants) continue;
      const h = k.h[i];
      const l = k.l[i];
      if (h === h && p > 0 && h / p > higherThreshold) flags.push(k.vprFlag);
      if (l === l && p > 0 && l / p > lowerThreshold) flags.push(k.journalFlag);
    }
    if (flags.length > 0) out[i] = flags.slice();
  }
  return out;
}
