/**
 * The results index and the social well-being index (ИСБ) (domain spec, section 6): each
 * component standardised across the municipality's schools, oriented so that higher = better,
 * then averaged over the components a school has.
 */
import { ISB_COMPONENTS, RESULT_COMPONENTS } from '../catalogue/components';
import type { FieldValues } from '../types';
import { bool, fieldShare } from './shares';
import { fieldByCode } from '../catalogue/fields';
import { zScores, type Column } from './stats';

/** Oriented z-scores of one component column. */
export function orientedZ(column: Column, higherIsBetter: boolean): (number | null)[] {
  const z = zScores(column);
  return higherIsBetter ? z : z.map((v) => (v === null ? null : v === 0 ? 0 : -v));
}

/**
 * Weighted mean across components for each school, over the components present with a
 * positive weight; null when a school has none.
 */
export function weightedMean(
  columns: readonly Column[],
  weights: readonly number[],
  n: number,
): (number | null)[] {
  const out: (number | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let w = 0;
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c][i];
      const wc = weights[c];
      if (v === null || !(wc > 0)) continue;
      sum += wc * v;
      w += wc;
    }
    out[i] = w > 0 ? sum / w : null;
  }
  return out;
}

/**
 * Results index from the pooled component shares (keyed by component code, aligned with the
 * schools): the mean of the oriented z-scores a school has.
 */
export function resultsIndex(
  componentShares: Readonly<Record<string, Column>>,
  n: number,
): (number | null)[] {
  const columns = RESULT_COMPONENTS.map((c) =>
    orientedZ(componentShares[c.code] ?? new Array(n).fill(null), c.higherIsBetter),
  );
  return weightedMean(
    columns,
    columns.map(() => 1),
    n,
  );
}

/** Raw ИСБ component values: shares of students_total, and conditions as 0/1. */
export function isbComponentColumns(all: readonly (FieldValues | null)[]): (number | null)[][] {
  return ISB_COMPONENTS.map((c) => {
    if (c.kind === 'bool') {
      return all.map((values) => {
        const b = bool(values, c.field);
        return b === null ? null : b ? 1 : 0;
      });
    }
    const def = fieldByCode(c.field);
    if (!def) throw new Error(`ISB component ${c.field} is not a catalogue field`);
    // min_participants does not apply to contingent shares.
    return all.map((values) => fieldShare(values, def, 0));
  });
}

export interface IsbResult {
  isb: (number | null)[];
  /** Oriented z-scores per component (ISB_COMPONENTS order), used for peers. */
  z: (number | null)[][];
}

export function isbIndex(
  columns: readonly Column[],
  weights: readonly number[],
  n: number,
): IsbResult {
  const z = columns.map((col, i) => orientedZ(col, ISB_COMPONENTS[i].higherIsBetter));
  return { isb: weightedMean(z, weights, n), z };
}
