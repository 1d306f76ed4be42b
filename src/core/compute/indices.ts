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
import type { PeriodColumns } from './columns';
import { bool, num, share } from './shares';
import { zScoresInto, type Column } from './stats';

/** A regional reference for one component: mean and standard deviation of the share. */
export interface Reference {
  mean: number;
  sd: number;
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
  return resultsIndexes(componentShares, n, refs, [without])[0];
}

/**
 * resultsIndex once for each list of components left out, the standard scores computed once
 * for all of them.
 */
export function resultsIndexes(
  componentShares: Readonly<Record<string, Column>>,
  n: number,
  refs: Readonly<Record<string, Reference | null>>,
  withouts: readonly (readonly string[])[],
): (number | null)[][] {
  // The oriented scores as typed columns (NaN = missing): the same numbers as orientedZ's,
  // without a boxed number per school and component.
  const scores = RESULT_COMPONENTS.map((c) => {
    const z = new Float64Array(n).fill(NaN);
    const shares = componentShares[c.code];
    if (shares) orientedZInto(shares, c.higherIsBetter, refs[c.code] ?? null, z);
    return z;
  });
  return withouts.map((without) => {
    const columns = scores.filter((_, j) => !without.includes(RESULT_COMPONENTS[j].code));
    // weightedMean with every weight 1, in the same order (1 × v is v exactly).
    return columnMeans(columns, columns.map(() => 1), n, (mean) => mean);
  });
}

/**
 * For each school i, the weighted mean of the columns' answered values (NaN = unanswered) with
 * a positive weight, in column order, passed through `then`; null when there is none.
 */
function columnMeans(
  columns: readonly Float64Array[],
  weights: readonly number[],
  n: number,
  then: (mean: number) => number,
): (number | null)[] {
  const out: (number | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let w = 0;
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c][i];
      const wc = weights[c];
      if (v !== v || !(wc > 0)) continue;
      sum += wc * v;
      w += wc;
    }
    if (w > 0) out[i] = then(sum / w);
  }
  return out;
}

/** orientedZ written into `out` (NaN where the share is missing), same arithmetic. */
function orientedZInto(
  column: Column,
  higherIsBetter: boolean,
  ref: Reference | null,
  out: Float64Array,
): void {
  const len = column.length;
  if (ref) {
    for (let i = 0; i < len; i++) {
      const v = column[i];
      if (v !== null) out[i] = (v - ref.mean) / ref.sd;
    }
  } else zScoresInto(column, out);
  if (!higherIsBetter) {
    for (let i = 0; i < len; i++) {
      const v = out[i];
      if (v === v) out[i] = v === 0 ? 0 : -v;
    }
  }
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

/**
 * isbDisadvantages over a period's columns: componentDisadvantage school by school, as typed
 * columns (NaN = unanswered).
 */
export function isbDisadvantagesOf(
  columns: PeriodColumns,
  caps: readonly number[],
): Float64Array[] {
  const { n } = columns;
  const total = columns.num('students_total');
  return ISB_COMPONENTS.map((c, j) => {
    const out = new Float64Array(n).fill(NaN);
    switch (c.kind) {
      case 'bool': {
        const col = columns.bool(c.fields[0]);
        for (let i = 0; i < n; i++) if (col[i] >= 0) out[i] = col[i];
        break;
      }
      case 'any_bool': {
        const cols = c.fields.map((f) => columns.bool(f));
        for (let i = 0; i < n; i++) {
          let any = false;
          let answered = false;
          for (let f = 0; f < cols.length; f++) {
            const v = cols[f][i];
            if (v === 1) any = true;
            else if (v === 0) answered = true;
          }
          if (any) out[i] = 1;
          else if (answered) out[i] = 0;
        }
        break;
      }
      case 'share':
      case 'max_share': {
        const cols = c.fields.map((f) => columns.num(f));
        for (let i = 0; i < n; i++) {
          const t = total[i];
          // share(x, t): null when either is missing or t <= 0.
          if (t !== t || t <= 0) continue;
          let best = NaN;
          for (let f = 0; f < cols.length; f++) {
            const x = cols[f][i];
            if (x !== x) continue;
            const s = x / t;
            if (best !== best || s > best) best = s;
          }
          if (best === best) out[i] = shareDisadvantage(best, caps[j], c.inverse);
        }
        break;
      }
    }
    return out;
  });
}

/**
 * ИСБ over typed disadvantage columns (NaN = unanswered): the weighted mean m of the answered
 * components with a positive weight, then 100 × (1 − m), null when there is none.
 */
export function isbOf(
  d: readonly Float64Array[],
  weights: readonly number[],
  n: number,
): (number | null)[] {
  // Rounded to 1e-9 so floating-point noise never decides a threshold (58.00000000000001
  // is 58, and 59.999999999 below a threshold of 60 would be a false ШНСУ).
  return columnMeans(d, weights, n, (m) => Math.round(1e9 * 100 * (1 - m)) / 1e9);
}

/** ИСБ = 100 × (1 − Σ wᵢ·dᵢ / Σ wᵢ) over the answered components with a positive weight. */
export function isbFromDisadvantages(
  d: readonly Column[],
  weights: readonly number[],
  n: number,
): (number | null)[] {
  return isbOf(
    d.map((col) => Float64Array.from(col, (v) => (v === null ? NaN : v))),
    weights,
    n,
  );
}
