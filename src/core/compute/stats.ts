/**
 * Small statistics over arrays aligned with the schools (null = missing). Sums run in array
 * order, and the caller keeps schools in one canonical order, so results do not depend on the
 * order schools were given in.
 */

export type Column = readonly (number | null)[];

/** z-scores with the population standard deviation; a constant column gives 0 everywhere. */
export function zScores(values: Column): (number | null)[] {
  const z = new Float64Array(values.length).fill(NaN);
  zScoresInto(values, z);
  const out: (number | null)[] = new Array(values.length).fill(null);
  for (let i = 0; i < z.length; i++) if (values[i] !== null) out[i] = z[i];
  return out;
}

/** zScores written into `out` at the present values' places (the rest left as they are). */
export function zScoresInto(values: Column, out: Float64Array): void {
  // Indexed loops throughout: at 40,000 schools iterators and callbacks were most of the cost.
  const len = values.length;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== null) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== null) ss += (v - mean) * (v - mean);
  }
  const sd = Math.sqrt(ss / n);
  // Relative tolerance: a column equal up to rounding noise is constant.
  const constant = sd <= 1e-12 * Math.max(1, Math.abs(mean));
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== null) out[i] = constant ? 0 : (v - mean) / sd;
  }
}

/** The present values, in the order of the schools. */
function presentValues(values: Column): Float64Array {
  const len = values.length;
  let n = 0;
  for (let i = 0; i < len; i++) if (values[i] !== null) n++;
  const xs = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (v !== null) xs[j++] = v;
  }
  return xs;
}

/** The present values in ascending order (a typed array sorts numbers without a comparator). */
function sortedPresent(values: Column): Float64Array {
  return presentValues(values).sort();
}

/**
 * The value of rank k (0-based) of xs in ascending order, xs free of NaN; reorders xs
 * (Hoare's selection). Equal to `xs.sort()[k]` but for the sign of a zero, which no `<=`
 * against it can tell.
 */
export function kthSmallest(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}

export function median(values: Column): number | null {
  const xs = sortedPresent(values);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * Number of schools in the lowest share q of n: ceil(q·n), at least one when q > 0 and n > 0.
 * The small epsilon keeps 0.15·20 (3.0000000000000004 in floating point) at 3.
 */
export function lowestCount(q: number, n: number): number {
  if (n <= 0 || !(q > 0)) return 0;
  return Math.min(n, Math.max(1, Math.ceil(q * n - 1e-9)));
}

/**
 * Marks the schools whose value is among the lowest share q. Ties at the boundary are all
 * included (a school is never left out because of the order it was listed in), so the count
 * is ceil(q·n) or more when several schools share the boundary value.
 */
export function lowestShare(values: Column, q: number): boolean[] {
  const present = presentValues(values);
  const k = lowestCount(q, present.length);
  const out: boolean[] = new Array(values.length).fill(false);
  if (k === 0) return out;
  // The k-th smallest present value: found by selection, not a full sort (a NaN, which the
  // comparisons cannot place, makes it sort as before).
  let plain = true;
  for (let i = 0; i < present.length; i++) if (present[i] !== present[i]) plain = false;
  const threshold = plain ? kthSmallest(present, k - 1) : present.sort()[k - 1];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v !== null && v <= threshold;
  }
  return out;
}

/** Least-squares line y = a + b·x over the pairs where both are present. */
export function leastSquares(xs: Column, ys: Column): { a: number; b: number } | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null) continue;
    n++;
    sx += x;
    sy += y;
  }
  if (n === 0) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || y === null) continue;
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  // No spread in x: the best line is flat at the mean.
  const b = sxx <= 1e-12 ? 0 : sxy / sxx;
  return { a: my - b * mx, b };
}

/** Competition rank, higher value = better = rank 1; ties share a rank. */
export function rankDescending(values: Column): (number | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  return values.map((v) => {
    if (v === null) return null;
    // Binary search for the first position holding a value <= v.
    let lo = 0;
    let hi = present.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}
