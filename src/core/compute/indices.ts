/**
 * The results index and the social well-being index (ИСБ) (domain spec, section 6).
 *
 * Results index: each component's (shrunk, pooled) share standardised against the
 * municipality's schools, or against regional reference values when the settings hold them,
 * oriented so that higher = better, then averaged over the components a school has.
 *
 * ИСБ (rev 2): an absolute 0–100 scale, 100 × (1 − Σ wᵢ·dᵢ / Σ wᵢ) over the answered
 * components, where dᵢ ∈ [0, 1] is the school's disadvantage. Nothing is standardised, so a
 * school's ИСБ depends on its own answers only and compares across municipalities and years.
 */
import { ISB_COMPONENTS, RESULT_COMPONENTS, type IsbComponent } from '../catalogue/components';
import type { FieldValues } from '../types';
import { numAt, type PeriodColumns } from './columns';
import { bool, num, share } from './shares';
import { zScores, type Column } from './stats';

/** A regional reference for one component: mean and standard deviation of the share. */
export interface Reference {
  mean: number;
  sd: number;
}

/** Oriented standard scores of one component column: municipal z-scores, or against `ref`. */
export function orientedZ(
  column: Column,
  higherIsBetter: boolean,
  ref: Reference | null = null,
): (number | null)[] {
  let z: (number | null)[];
  if (ref) {
    z = new Array(column.length).fill(null);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v !== null) z[i] = (v - ref.mean) / ref.sd;
    }
  } else z = zScores(column);
  // z is this function's own array: oriented in place.
  if (!higherIsBetter) {
    for (let i = 0; i < z.length; i++) {
      const v = z[i];
      if (v !== null) z[i] = v === 0 ? 0 : -v;
    }
  }
  return z;
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
 * Results index from the component shares (keyed by component code, aligned with the
 * schools): the mean of the oriented standard scores a school has. `without` leaves
 * components out (`results_index_no_vpr` leaves out `vpr_fail`).
 */
export function resultsIndex(
  componentShares: Readonly<Record<string, Column>>,
  n: number,
  refs: Readonly<Record<string, Reference | null>> = {},
  without: readonly string[] = [],
): (number | null)[] {
  const used = RESULT_COMPONENTS.filter((c) => !without.includes(c.code));
  const columns = used.map((c) =>
    orientedZ(
      componentShares[c.code] ?? new Array(n).fill(null),
      c.higherIsBetter,
      refs[c.code] ?? null,
    ),
  );
  return weightedMean(
    columns,
    columns.map(() => 1),
    n,
  );
}

/** Disadvantage of a share: share / cap at most 1, or 1 − share / cap at least 0. */
export function shareDisadvantage(s: number, cap: number, inverse = false): number {
  const ratio = cap > 0 ? s / cap : s > 0 ? 1 : 0;
  return inverse ? Math.max(0, 1 - ratio) : Math.min(1, ratio);
}

/** One school's disadvantage on one component; null when unanswered. */
export function componentDisadvantage(
  values: FieldValues | null,
  c: IsbComponent,
  cap: number,
): number | null {
  switch (c.kind) {
    case 'bool': {
      const b = bool(values, c.fields[0]);
      return b === null ? null : b ? 1 : 0;
    }
    case 'any_bool': {
      // 1 when any condition holds; 0 when none does among those answered (a choice: one
      // answered «нет» with the others blank is read as no deficit rather than as missing).
      const answers = c.fields.map((f) => bool(values, f));
      if (answers.some((b) => b === true)) return 1;
      return answers.some((b) => b === false) ? 0 : null;
    }
    case 'share':
    case 'max_share': {
      const total = num(values, 'students_total');
      // The larger of the answered shares (a choice when one of the two is blank).
      let best: number | null = null;
      for (const f of c.fields) {
        const s = share(num(values, f), total);
        if (s !== null && (best === null || s > best)) best = s;
      }
      return best === null ? null : shareDisadvantage(best, cap, c.inverse);
    }
  }
}

/** Disadvantage columns, one per ISB_COMPONENTS entry, aligned with the schools. */
export function isbDisadvantages(
  all: readonly (FieldValues | null)[],
  caps: readonly number[],
): (number | null)[][] {
  return ISB_COMPONENTS.map((c, j) => all.map((v) => componentDisadvantage(v, c, caps[j])));
}

/** isbDisadvantages over a period's columns: componentDisadvantage school by school. */
export function isbDisadvantagesOf(
  columns: PeriodColumns,
  caps: readonly number[],
): (number | null)[][] {
  const { n } = columns;
  const total = columns.num('students_total');
  return ISB_COMPONENTS.map((c, j) => {
    const out: (number | null)[] = new Array(n).fill(null);
    switch (c.kind) {
      case 'bool': {
        const col = columns.bool(c.fields[0]);
        for (let i = 0; i < n; i++) out[i] = col[i] < 0 ? null : col[i];
        break;
      }
      case 'any_bool': {
        const cols = c.fields.map((f) => columns.bool(f));
        for (let i = 0; i < n; i++) {
          let any = false;
          let answered = false;
          for (const col of cols) {
            if (col[i] === 1) any = true;
            else if (col[i] === 0) answered = true;
          }
          out[i] = any ? 1 : answered ? 0 : null;
        }
        break;
      }
      case 'share':
      case 'max_share': {
        const cols = c.fields.map((f) => columns.num(f));
        for (let i = 0; i < n; i++) {
          const t = numAt(total, i);
          let best: number | null = null;
          for (const col of cols) {
            const s = share(numAt(col, i), t);
            if (s !== null && (best === null || s > best)) best = s;
          }
          out[i] = best === null ? null : shareDisadvantage(best, caps[j], c.inverse);
        }
        break;
      }
    }
    return out;
  });
}

/** ИСБ = 100 × (1 − Σ wᵢ·dᵢ / Σ wᵢ) over the answered components with a positive weight. */
export function isbFromDisadvantages(
  d: readonly Column[],
  weights: readonly number[],
  n: number,
): (number | null)[] {
  // Rounded to 1e-9 so floating-point noise never decides a threshold (58.00000000000001
  // is 58, and 59.999999999 below a threshold of 60 would be a false ШНСУ).
  return weightedMean(d, weights, n).map((m) =>
    m === null ? null : Math.round(1e9 * 100 * (1 - m)) / 1e9,
  );
}
