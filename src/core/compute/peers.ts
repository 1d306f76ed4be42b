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

/**
 * One search's state: the bounded max-heap of candidates (distance, index; the worst on top),
 * the query and the offsets of the incremental bound. One object for all queries, read by
 * top-level functions (a closure over mutable variables was most of the search's time).
 */
class Search {
  readonly dist: Float64Array;
  readonly idx: Int32Array;
  size = 0;
  /** The query point (its index and its coordinates). */
  q = 0;
  readonly qc: Float64Array;
  /** Offsets from the query to the current cell, per dimension. */
  readonly off: Float64Array;
  examined = 0;
  /** The dimensions a distance sums, in order: all of them, or (in the query's own bucket)
   * those that are not the bucket's discrete ones, where every difference is exactly 0 and
   * leaving its +0 out of the sum changes no bit of it. */
  dims: Int32Array;
  /** The bound of the cell at each depth of the descent (a double passed as an argument would
   * be boxed at every call). */
  bounds = new Float64Array(64);
  constructor(
    readonly k: number,
    readonly dim: number,
    readonly budget: number,
  ) {
    this.dist = new Float64Array(k);
    this.idx = new Int32Array(k);
    this.qc = new Float64Array(dim);
    this.off = new Float64Array(dim);
    this.dims = new Int32Array(0);
  }
}

/** Whether heap entry a is worse than b (farther, or as far with a higher index). */
function worse(s: Search, a: number, b: number): boolean {
  return s.dist[a] > s.dist[b] || (s.dist[a] === s.dist[b] && s.idx[a] > s.idx[b]);
}

/** Whether (d, i) would enter the heap. */
function accepts(s: Search, d: number, i: number): boolean {
  if (s.size < s.k) return true;
  return d < s.dist[0] || (d === s.dist[0] && i < s.idx[0]);
}

/** Whether a cell at lower bound d may still hold an entering point. */
function mayEnter(s: Search, d: number): boolean {
  // Slack for the rounding of incremental bounds, so equal-distance ties are not missed.
  return s.size < s.k || d <= s.dist[0] * (1 + 1e-9) + 1e-12;
}

function swap(s: Search, a: number, b: number): void {
  const d = s.dist[a];
  s.dist[a] = s.dist[b];
  s.dist[b] = d;
  const i = s.idx[a];
  s.idx[a] = s.idx[b];
  s.idx[b] = i;
}

function push(s: Search, d: number, i: number): void {
  if (s.size < s.k) {
    let c = s.size++;
    s.dist[c] = d;
    s.idx[c] = i;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!worse(s, c, p)) break;
      swap(s, c, p);
      c = p;
    }
    return;
  }
  s.dist[0] = d;
  s.idx[0] = i;
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    const r = l + 1;
    let m = c;
    if (l < s.size && worse(s, l, m)) m = l;
    if (r < s.size && worse(s, r, m)) m = r;
    if (m === c) break;
    swap(s, c, m);
    c = m;
  }
}

/** The heap's indices nearest first (insertion sort: k is small). */
function sortedCandidates(s: Search): number[] {
  const out: number[] = new Array(s.size);
  const ds: number[] = new Array(s.size);
  for (let j = 0; j < s.size; j++) {
    const d = s.dist[j];
    const i = s.idx[j];
    let p = j;
    while (p > 0 && (ds[p - 1] > d || (ds[p - 1] === d && out[p - 1] > i))) {
      ds[p] = ds[p - 1];
      out[p] = out[p - 1];
      p--;
    }
    ds[p] = d;
    out[p] = i;
  }
  return out;
}

/** A bucket's k-d tree with its points' coordinates and indices laid out in tree order. */
interface LaidTree {
  tree: Tree;
  /** Coordinates of the point at each position of tree.order, `dim` each. */
  coords: Float64Array;
  /** The point (global index) at each position. */
  ids: Int32Array;
}

function laidOut(tree: Tree, members: Int32Array): LaidTree {
  const { dim, order } = tree;
  const coords = new Float64Array(order.length * dim);
  const ids = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
    const li = order[p];
    ids[p] = members[li];
    for (let j = 0; j < dim; j++) coords[p * dim + j] = tree.coords[li * dim + j];
  }
  return { tree, coords, ids };
}

/** Nearest-first descent with incremental distance bounds (s.bounds[depth]: this cell's). */
function visit(s: Search, lt: LaidTree, node: number, depth: number): void {
  const t = lt.tree;
  const dim = s.dim;
  if (t.left[node] < 0) {
    const end = t.end[node];
    const tc = lt.coords;
    const qc = s.qc;
    const dims = s.dims;
    const nd = dims.length;
    // Every dimension, in order: summed without looking each one up in dims.
    const all = nd === dim;
    for (let p = t.start[node]; p < end; p++) {
      const i = lt.ids[p];
      if (i === s.q) continue;
      s.examined++;
      // Partial distance: stop summing once the point is already worse than the k-th.
      const worst = s.size < s.k ? Infinity : s.dist[0];
      let d = 0;
      const b = p * dim;
      if (all) {
        for (let j = 0; j < dim && d <= worst; j++) {
          const diff = tc[b + j] - qc[j];
          d += diff * diff;
        }
      } else {
        for (let jj = 0; jj < nd && d <= worst; jj++) {
          const j = dims[jj];
          const diff = tc[b + j] - qc[j];
          d += diff * diff;
        }
      }
      if (d <= worst && accepts(s, d, i)) push(s, d, i);
    }
    return;
  }
  const sd = t.splitDim[node];
  const x = s.qc[sd];
  // Offsets from the query to each child cell along the split dimension.
  const lMax = t.leftMax[node];
  const rMin = t.rightMin[node];
  const offLeft = x > lMax ? x - lMax : 0;
  const offRight = x < rMin ? rMin - x : 0;
  const leftFirst = offLeft < offRight || (offLeft === offRight && x <= lMax);
  const off = s.off;
  const old = off[sd];
  const o1 = leftFirst ? offLeft : offRight;
  const o2 = leftFirst ? offRight : offLeft;
  const rd = s.bounds[depth];
  if (depth + 1 >= s.bounds.length) {
    const grown = new Float64Array(s.bounds.length * 2);
    grown.set(s.bounds);
    s.bounds = grown;
  }
  const rd1 = rd - old * old + o1 * o1;
  if (mayEnter(s, rd1)) {
    off[sd] = o1;
    s.bounds[depth + 1] = rd1;
    visit(s, lt, leftFirst ? t.left[node] : t.right[node], depth + 1);
    off[sd] = old;
  }
  const rd2 = rd - old * old + o2 * o2;
  if (s.examined < s.budget && mayEnter(s, rd2)) {
    off[sd] = o2;
    s.bounds[depth + 1] = rd2;
    visit(s, lt, leftFirst ? t.right[node] : t.left[node], depth + 1);
    off[sd] = old;
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
  /** The dimensions the buckets are made of (equal values inside a bucket). */
  discrete: number[];
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
  const dims = discrete.map(([d]) => d);
  const valuesOf = discrete.map(([, ...values]) => values);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let j = 0; j < dims.length; j++) {
      const values = valuesOf[j];
      key = key * values.length + values.indexOf(coords[i * dim + dims[j]]);
    }
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
  return { members: lists.map((l) => Int32Array.from(l)), of, discrete: dims, nearest };
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
    return laidOut(buildTree(local, m.length, dim), m);
  });
  const out: number[][] = new Array(n);
  const s = new Search(kk, dim, budget);
  const all = Int32Array.from({ length: dim }, (_, j) => j);
  const continuous = all.filter((j) => !buckets.discrete.includes(j));
  for (let q = 0; q < n; q++) {
    s.size = 0;
    s.examined = 0;
    s.q = q;
    for (let j = 0; j < dim; j++) s.qc[j] = coords[q * dim + j];
    const nearest = buckets.nearest[buckets.of[q]];
    for (let b = 0; b < nearest.length; b++) {
      const { bucket, d } = nearest[b];
      // Buckets come nearest first: once one cannot hold an entering point, none further can.
      if (!mayEnter(s, d)) break;
      if (s.examined >= budget && s.size === kk) break;
      s.off.fill(0);
      s.dims = bucket === buckets.of[q] ? continuous : all;
      s.bounds[0] = d;
      visit(s, trees[bucket], 0, 0);
    }
    out[q] = sortedCandidates(s);
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
