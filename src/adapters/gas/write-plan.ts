/**
 * Which rectangles to write so that every changed cell of a table is written, at about the
 * least cost in the cost model (a write call costs what `cellsPerCall` written cells do).
 *
 * After new responses most rows of a per-school table differ in a few columns only (values
 * that depend on every school: ranks, the results index, its residual), so writing whole
 * changed rows rewrites nearly the whole sheet. The plan works in bands of adjacent columns:
 * each changed column starts as its own band, written as runs of changed rows (runs closer
 * than a call's worth of cells are joined); adjacent bands are merged while merging costs less
 * than writing them apart (the columns between them, unchanged, are written again as they are).
 */

/** A rectangle to write, 0-based. */
export interface WriteRect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface Band {
  lo: number;
  hi: number;
  /** 1 where some cell of the band's columns in that row changed. */
  mask: Uint8Array;
  runs: Array<[number, number]>;
  cost: number;
}

/** Runs of changed rows of a band `width` wide, and what writing them costs (in cells). */
function runsOf(
  mask: Uint8Array,
  width: number,
  cellsPerCall: number,
): { runs: Array<[number, number]>; cost: number } {
  const runs: Array<[number, number]> = [];
  // Unchanged rows between two runs are written with them when that costs less than a call.
  const gap = Math.max(1, Math.ceil(cellsPerCall / width));
  let cost = 0;
  for (let r = 0; r < mask.length; r++) {
    if (!mask[r]) continue;
    const last = runs[runs.length - 1];
    if (last && r - last[1] - 1 < gap) last[1] = r;
    else runs.push([r, r]);
  }
  for (const [a, b] of runs) cost += cellsPerCall + (b - a + 1) * width;
  return { runs, cost };
}

function band(lo: number, hi: number, mask: Uint8Array, cellsPerCall: number): Band {
  return { lo, hi, mask, ...runsOf(mask, hi - lo + 1, cellsPerCall) };
}

function merged(a: Band, b: Band, cellsPerCall: number): Band {
  const mask = new Uint8Array(a.mask.length);
  for (let r = 0; r < mask.length; r++) mask[r] = a.mask[r] | b.mask[r];
  return band(a.lo, b.hi, mask, cellsPerCall);
}

/**
 * `changed[c][r]` is 1 when cell (r, c) must be written. Returns rectangles covering every
 * such cell (and some unchanged ones where that is cheaper than another call).
 */
export function planWrites(changed: readonly Uint8Array[], cellsPerCall: number): WriteRect[] {
  let bands: Band[] = [];
  changed.forEach((mask, c) => {
    if (mask.some((x) => x === 1)) bands.push(band(c, c, mask, cellsPerCall));
  });
  // Merge the adjacent pair that saves most, while one saves something.
  let candidates = bands.slice(1).map((b, i) => merged(bands[i], b, cellsPerCall));
  for (;;) {
    let best = -1;
    let gain = 0;
    candidates.forEach((m, i) => {
      const g = bands[i].cost + bands[i + 1].cost - m.cost;
      if (g > gain) {
        gain = g;
        best = i;
      }
    });
    if (best < 0) break;
    const m = candidates[best];
    bands = [...bands.slice(0, best), m, ...bands.slice(best + 2)];
    const next = [...candidates.slice(0, best), ...candidates.slice(best + 2)];
    if (best > 0) next[best - 1] = merged(bands[best - 1], m, cellsPerCall);
    if (best < bands.length - 1) next.splice(best, 0, merged(m, bands[best + 1], cellsPerCall));
    candidates = next;
  }
  return bands.flatMap((b) =>
    b.runs.map(([a, z]) => ({ row: a, column: b.lo, rows: z - a + 1, columns: b.hi - b.lo + 1 })),
  );
}

/** What writing these rectangles costs, in cells (a call costs `cellsPerCall`). */
export function planCost(rects: readonly WriteRect[], cellsPerCall: number): number {
  return rects.reduce((n, w) => n + cellsPerCall + w.rows * w.columns, 0);
}

/** Old rows `at`.. (0-based) give way to new ones: `deleted` old rows, `inserted` new rows. */
export interface Hunk {
  at: number;
  deleted: number;
  inserted: number;
}

/**
 * Row deletions and insertions that turn the `before` keys into the `after` keys, as hunks in
 * `before`'s order, for tables whose rows keep their relative order (rows come and go, none
 * moves): each new key is matched with the next old row of that key, old rows skipped on the
 * way are deleted, a key not found ahead is inserted. Null beyond `maxEdits` rows (then rows are
 * better rewritten where they stand). Any hunks are valid: the cells are compared after.
 */
export function alignRows(
  before: readonly string[],
  after: readonly string[],
  maxEdits: number,
): Hunk[] | null {
  const first = new Map<string, number>();
  before.forEach((key, i) => {
    if (!first.has(key)) first.set(key, i);
  });
  const hunks: Hunk[] = [];
  let i = 0;
  let edits = 0;
  const edit = (deleted: number, inserted: number) => {
    const last = hunks[hunks.length - 1];
    if (last && last.at + last.deleted === i) {
      last.deleted += deleted;
      last.inserted += inserted;
    } else hunks.push({ at: i, deleted, inserted });
    edits += deleted + inserted;
  };
  for (const key of after) {
    if (before[i] === key && i < before.length) i++;
    else {
      const found = first.get(key) ?? -1;
      if (found > i) {
        edit(found - i, 0);
        i = found + 1;
      } else edit(0, 1);
    }
    if (edits > maxEdits) return null;
  }
  if (i < before.length) edit(before.length - i, 0);
  return edits > maxEdits ? null : hunks;
}
