/**
 * "Schools like yours": the k nearest schools by the standardised ИСБ components, found with
 * a k-d tree (median splits on the widest dimension, incremental distance bounds after Arya
 * and Mount) so that 40,000 schools do not cost 40,000² distances.
 *
 * Exact: equal distances are broken by the lower point index, which the caller makes the
 * canonical (school id) order. A search that has examined `budget` points stops opening new
 * cells and returns the best found so far (the approximation of best-bin-first searches);
 * see defaultPeerBudget for when that happens.
 */

const LEAF_SIZE = 8;

interface Tree {
  dim: number;
  coords: Float64Array;
  /** Point indices, permuted so each node owns a contiguous range. */
  order: Int32Array;
  // Node arrays: children (-1 = leaf), split dimension and value, owned range.
  left: Int32Array;
  right: Int32Array;
  splitDim: Int32Array;
  /** Every point of the left child is <= leftMax along splitDim; of the right, >= rightMin. */
  leftMax: Float64Array;
  rightMin: Float64Array;
  start: Int32Array;
  end: Int32Array;
}

/** Partially sorts order[lo..hi) so that position k holds the element of rank k along d. */
function select(
  order: Int32Array,
  coords: Float64Array,
  dim: number,
  d: number,
  lo: number,
  hi: number,
  k: number,
): void {
  const key = (p: number) => coords[order[p] * dim + d];
  const swap = (a: number, b: number) => {
    const t = order[a];
    order[a] = order[b];
    order[b] = t;
  };
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    // Median-of-three pivot keeps sorted input from going quadratic.
    const m = (l + r) >> 1;
    if (key(m) < key(l)) swap(m, l);
    if (key(r) < key(l)) swap(r, l);
    if (key(r) < key(m)) swap(r, m);
    const pivot = key(m);
    let i = l;
    let j = r;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/**
 * Moves the points of order[lo..hi) with coordinate d below (or, with `orEqual`, at most) m to
 * the front; returns the first position of the rest.
 */
function partition(
  order: Int32Array,
  coords: Float64Array,
  dim: number,
  d: number,
  lo: number,
  hi: number,
  m: number,
  orEqual: boolean,
): number {
  let i = lo;
  for (let p = lo; p < hi; p++) {
    const v = coords[order[p] * dim + d];
    if (v < m || (orEqual && v === m)) {
      const t = order[i];
      order[i] = order[p];
      order[p] = t;
      i++;
    }
  }
  return i;
}

function buildTree(coords: Float64Array, n: number, dim: number): Tree {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Every split leaves at least one point on each side, so there are fewer than 2n nodes.
  const maxNodes = Math.max(1, 2 * n);
  const t: Tree = {
    dim,
    coords,
    order,
    left: new Int32Array(maxNodes).fill(-1),
    right: new Int32Array(maxNodes).fill(-1),
    splitDim: new Int32Array(maxNodes),
    leftMax: new Float64Array(maxNodes),
    rightMin: new Float64Array(maxNodes),
    start: new Int32Array(maxNodes),
    end: new Int32Array(maxNodes),
  };
  let nodes = 0;
  const stack: number[] = [];
  // Dimensions along which the points differ at all: only they can be split.
  const varying: number[] = [];
  for (let d = 0; d < dim; d++) {
    for (let p = 1; p < n; p++) {
      if (coords[p * dim + d] !== coords[d]) {
        varying.push(d);
        break;
      }
    }
  }
  const make = (lo: number, hi: number): number => {
    const id = nodes++;
    t.start[id] = lo;
    t.end[id] = hi;
    return id;
  };
  stack.push(make(0, n));
  while (stack.length) {
    const id = stack.pop() as number;
    const lo = t.start[id];
    const hi = t.end[id];
    if (hi - lo <= LEAF_SIZE) continue;
    // Split the widest dimension of this cell.
    let bestD = 0;
    let bestSpread = -1;
    for (const d of varying) {
      let min = Infinity;
      let max = -Infinity;
      for (let p = lo; p < hi; p++) {
        const v = coords[order[p] * dim + d];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        bestD = d;
      }
    }
    if (bestSpread <= 0) continue; // all points identical: keep as a (large) leaf
    const mid = (lo + hi) >> 1;
    select(order, coords, dim, bestD, lo, hi, mid);
    const m = coords[order[mid] * dim + bestD];
    // Prefer a split with a gap between the sides (values < m | >= m, or <= m | > m): with
    // yes/no components many points share the median, and a gap lets the search prune.
    // A very lopsided gap split falls back to the plain median split, bounding the depth.
    let cut = partition(order, coords, dim, bestD, lo, hi, m, false);
    if (cut === lo) cut = partition(order, coords, dim, bestD, lo, hi, m, true);
    const size = hi - lo;
    if (Math.min(cut - lo, hi - cut) * 16 < size) {
      select(order, coords, dim, bestD, lo, hi, mid);
      cut = mid;
    }
    let lMax = -Infinity;
    for (let p = lo; p < cut; p++) lMax = Math.max(lMax, coords[order[p] * dim + bestD]);
    let rMin = Infinity;
    for (let p = cut; p < hi; p++) rMin = Math.min(rMin, coords[order[p] * dim + bestD]);
    t.splitDim[id] = bestD;
    t.leftMax[id] = lMax;
    t.rightMin[id] = rMin;
    t.left[id] = make(lo, cut);
    t.right[id] = make(cut, hi);
    stack.push(t.left[id], t.right[id]);
  }
  return t;
}

/** Bounded max-heap of (distance, index): the worst candidate on top. */
class Candidates {
  readonly dist: Float64Array;
  readonly idx: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.idx = new Int32Array(k);
  }
  private worse(a: number, b: number): boolean {
    return (
      this.dist[a] > this.dist[b] || (this.dist[a] === this.dist[b] && this.idx[a] > this.idx[b])
    );
  }
  /** Whether (d, i) would enter the heap. */
  accepts(d: number, i: number): boolean {
    if (this.size < this.k) return true;
    return d < this.dist[0] || (d === this.dist[0] && i < this.idx[0]);
  }
  /** Whether a cell at lower bound d may still hold an entering point. */
  mayEnter(d: number): boolean {
    // Slack for the rounding of incremental bounds, so equal-distance ties are not missed.
    return this.size < this.k || d <= this.dist[0] * (1 + 1e-9) + 1e-12;
  }
  push(d: number, i: number): void {
    if (this.size < this.k) {
      let c = this.size++;
      this.dist[c] = d;
      this.idx[c] = i;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!this.worse(c, p)) break;
        this.swap(c, p);
        c = p;
      }
      return;
    }
    this.dist[0] = d;
    this.idx[0] = i;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === c) break;
      this.swap(c, m);
      c = m;
    }
  }
  private swap(a: number, b: number): void {
    const d = this.dist[a];
    this.dist[a] = this.dist[b];
    this.dist[b] = d;
    const i = this.idx[a];
    this.idx[a] = this.idx[b];
    this.idx[b] = i;
  }
  /** Indices nearest first (insertion sort: k is small). */
  sorted(): number[] {
    const order: number[] = [];
    for (let j = 0; j < this.size; j++) {
      let p = order.length;
      while (
        p > 0 &&
        (this.dist[order[p - 1]] > this.dist[j] ||
          (this.dist[order[p - 1]] === this.dist[j] && this.idx[order[p - 1]] > this.idx[j]))
      ) {
        p--;
      }
      order.splice(p, 0, j);
    }
    return order.map((j) => this.idx[j]);
  }
}

/**
 * Points examined per query before the search stops opening new cells: all of them up to
 * about 11,000 schools (exact), then a total of ~1.2·10⁸ distance evaluations shared out
 * (3,000 per school at 40,000 schools, about 2–3 s). Measured on 40,000 synthetic schools:
 * exact for contexts driven by a common social factor (as real ИСБ components are) and for
 * 8 shares + 4 yes/no components; with 12 independent uniform components (the worst case)
 * about four in five true neighbours are found, the others replaced by slightly farther ones.
 */
export function defaultPeerBudget(n: number): number {
  return Math.max(3000, Math.floor(1.2e8 / Math.max(1, n)));
}

/** Dimensions with at most this many distinct values may split the points into buckets. */
const MAX_DISCRETE_VALUES = 3;
/** At most this many buckets (products of the discrete dimensions' value counts). */
const MAX_BUCKETS = 128;

interface Buckets {
  /** Points of each bucket, ascending. */
  members: Int32Array[];
  /** Bucket of each point. */
  of: Int32Array;
  /** For each bucket, every bucket with its squared distance along the discrete dimensions
   * (exact for all their points), nearest first. */
  nearest: { bucket: number; d: number }[][];
}

/**
 * Groups the points by their values along the dimensions that take only a few values (yes/no
 * components): inside a group those dimensions add nothing to a distance, and between groups
 * they add a known amount, so a query searches its own group first and skips the groups too
 * far away. The k-d trees then split only the continuous dimensions.
 */
function bucketsOf(coords: Float64Array, n: number, dim: number): Buckets {
  const discrete: number[][] = []; // [dimension, ...its values]
  let product = 1;
  for (let d = 0; d < dim; d++) {
    const values: number[] = [];
    for (let i = 0; i < n && values.length <= MAX_DISCRETE_VALUES; i++) {
      const v = coords[i * dim + d];
      if (!values.includes(v)) values.push(v);
    }
    if (values.length < 2 || values.length > MAX_DISCRETE_VALUES) continue;
    if (product * values.length > MAX_BUCKETS) continue;
    product *= values.length;
    discrete.push([d, ...values]);
  }
  const of = new Int32Array(n);
  const keyOf = new Map<number, number>();
  const lists: number[][] = [];
  const at: number[][] = []; // coordinates of each bucket along the discrete dimensions
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const [d, ...values] of discrete)
      key = key * values.length + values.indexOf(coords[i * dim + d]);
    let b = keyOf.get(key);
    if (b === undefined) {
      keyOf.set(key, (b = lists.length));
      lists.push([]);
      at.push(discrete.map(([d]) => coords[i * dim + d]));
    }
    lists[b].push(i);
    of[i] = b;
  }
  const nearest = at.map((from) =>
    at
      .map((to, bucket) => {
        let d = 0;
        for (let j = 0; j < from.length; j++) d += (from[j] - to[j]) * (from[j] - to[j]);
        return { bucket, d };
      })
      .sort((x, y) => x.d - y.d || x.bucket - y.bucket),
  );
  return { members: lists.map((l) => Int32Array.from(l)), of, nearest };
}

/**
 * For each of n points (row-major, `dim` coordinates each) the indices of its k nearest other
 * points, nearest first, ties by lower index.
 */
export function nearestNeighbours(
  coords: Float64Array,
  n: number,
  dim: number,
  k: number,
  budget = defaultPeerBudget(n),
): number[][] {
  const kk = Math.min(k, n - 1);
  if (kk <= 0) return Array.from({ length: n }, () => []);
  const buckets = bucketsOf(coords, n, dim);
  // One k-d tree per bucket over its own points (local indices; members maps them back).
  const trees = buckets.members.map((m) => {
    const local = new Float64Array(m.length * dim);
    for (let p = 0; p < m.length; p++) {
      for (let j = 0; j < dim; j++) local[p * dim + j] = coords[m[p] * dim + j];
    }
    return buildTree(local, m.length, dim);
  });
  const off = new Float64Array(dim);
  const out: number[][] = new Array(n);
  // One heap and one search function for all queries: per-query allocations dominated.
  const heap = new Candidates(kk);
  let q = 0;
  let qBase = 0;
  let examined = 0;
  let t = trees[0];
  let members = buckets.members[0];
  const visit = (node: number, rd: number): void => {
    if (t.left[node] < 0) {
      const end = t.end[node];
      const tc = t.coords;
      for (let p = t.start[node]; p < end; p++) {
        const li = t.order[p];
        const i = members[li];
        if (i === q) continue;
        examined++;
        // Partial distance: stop summing once the point is already worse than the k-th.
        const worst = heap.size < kk ? Infinity : heap.dist[0];
        let d = 0;
        const b = li * dim;
        for (let j = 0; j < dim && d <= worst; j++) {
          const diff = tc[b + j] - coords[qBase + j];
          d += diff * diff;
        }
        if (d <= worst && heap.accepts(d, i)) heap.push(d, i);
      }
      return;
    }
    const sd = t.splitDim[node];
    const x = coords[qBase + sd];
    // Offsets from the query to each child cell along the split dimension.
    const lMax = t.leftMax[node];
    const rMin = t.rightMin[node];
    const offLeft = x > lMax ? x - lMax : 0;
    const offRight = x < rMin ? rMin - x : 0;
    const leftFirst = offLeft < offRight || (offLeft === offRight && x <= lMax);
    const old = off[sd];
    const o1 = leftFirst ? offLeft : offRight;
    const o2 = leftFirst ? offRight : offLeft;
    const rd1 = rd - old * old + o1 * o1;
    if (heap.mayEnter(rd1)) {
      off[sd] = o1;
      visit(leftFirst ? t.left[node] : t.right[node], rd1);
      off[sd] = old;
    }
    const rd2 = rd - old * old + o2 * o2;
    if (examined < budget && heap.mayEnter(rd2)) {
      off[sd] = o2;
      visit(leftFirst ? t.right[node] : t.left[node], rd2);
      off[sd] = old;
    }
  };
  for (q = 0; q < n; q++) {
    heap.size = 0;
    examined = 0;
    qBase = q * dim;
    for (const { bucket, d } of buckets.nearest[buckets.of[q]]) {
      // Buckets come nearest first: once one cannot hold an entering point, none further can.
      if (!heap.mayEnter(d)) break;
      if (examined >= budget && heap.size === kk) break;
      t = trees[bucket];
      members = buckets.members[bucket];
      off.fill(0);
      visit(0, d);
    }
    out[q] = heap.sorted();
  }
  return out;
}

/** The same answer by brute force: the reference the tests compare against. */
export function nearestNeighboursBrute(
  coords: Float64Array,
  n: number,
  dim: number,
  k: number,
): number[][] {
  const kk = Math.min(k, n - 1);
  const out: number[][] = [];
  for (let q = 0; q < n; q++) {
    const all: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      if (i === q) continue;
      let d = 0;
      for (let j = 0; j < dim; j++) {
        const diff = coords[i * dim + j] - coords[q * dim + j];
        d += diff * diff;
      }
      all.push([d, i]);
    }
    all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    out.push(all.slice(0, Math.max(0, kk)).map((x) => x[1]));
  }
  return out;
}
