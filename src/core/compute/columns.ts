/**
 * One period's answers as columns, aligned with the schools: a typed array per field, built
 * the first time a computation asks for the field and shared by all the computations of the
 * period. Reading `values[i][code]` school by school (a keyed lookup every time) was most of
 * the core's time at national scale; a column is read by index.
 *
 * The catalogue's fields are read in one pass over the responses, a response's fields together
 * (reading one field across 40,000 scattered objects misses the cache at every school).
 *
 * Values are validated numbers (finite integers) or yes/no; a number column holds NaN where
 * the answer (or the whole response) is missing, a yes/no column -1.
 */
import { FIELDS } from '../catalogue/fields';
import type { FieldValues } from '../types';

const NUMBER_CODES = FIELDS.filter((f) => f.type === 'int').map((f) => f.code);
const BOOL_CODES = FIELDS.filter((f) => f.type === 'bool').map((f) => f.code);

export class PeriodColumns {
  readonly n: number;
  private readonly numbers = new Map<string, Float64Array>();
  private readonly flags = new Map<string, Int8Array>();

  private built = false;

  /** 1 where the school has a response (`values[i]` truthy), 0 elsewhere: a loop over the
   * schools tests this instead of each response object (one scattered load per school). */
  readonly responded: Uint8Array;

  constructor(readonly values: readonly (FieldValues | null)[]) {
    this.n = values.length;
    this.responded = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) if (values[i]) this.responded[i] = 1;
  }

  /** Every catalogue number and yes/no field, school by school. */
  private build(): void {
    this.built = true;
    const nums = NUMBER_CODES.map((code) => {
      const col = new Float64Array(this.n).fill(NaN);
      this.numbers.set(code, col);
      return col;
    });
    const flags = BOOL_CODES.map((code) => {
      const col = new Int8Array(this.n).fill(-1);
      this.flags.set(code, col);
      return col;
    });
    // Rows made from one template enumerate the same keys in the same order: the keys of the
    // first row, each with the column it fills (number f ≥ 0, yes/no -1 - f, other -N-1).
    // A row whose keys come in that order is read in one `for…in` (V8 reads an enumerated
    // key by its field position, not by a keyed lookup); any other row by its codes.
    let layout: string[] | null = null;
    let slots: Int32Array | null = null;
    for (let i = 0; i < this.n; i++) {
      const row = this.values[i];
      if (!row) continue;
      if (layout === null) ({ layout, slots } = layoutOf(row));
      if (!readByLayout(row, layout, slots as Int32Array, nums, flags, i))
        readByCode(row, nums, flags, i);
    }
  }

  /** A number field per school; NaN = unanswered. */
  num(code: string): Float64Array {
    if (!this.built) this.build();
    let col = this.numbers.get(code);
    if (!col) {
      col = new Float64Array(this.n).fill(NaN);
      for (let i = 0; i < this.n; i++) {
        const v = this.values[i]?.[code];
        if (typeof v === 'number') col[i] = v;
      }
      this.numbers.set(code, col);
    }
    return col;
  }

  /** A yes/no field per school: 1 yes, 0 no, -1 unanswered. */
  bool(code: string): Int8Array {
    if (!this.built) this.build();
    let col = this.flags.get(code);
    if (!col) {
      col = new Int8Array(this.n).fill(-1);
      for (let i = 0; i < this.n; i++) {
        const v = this.values[i]?.[code];
        if (typeof v === 'boolean') col[i] = v ? 1 : 0;
      }
      this.flags.set(code, col);
    }
    return col;
  }
}

const NO_SLOT = -(NUMBER_CODES.length + BOOL_CODES.length) - 1;

/** A row's enumerable keys and the column each fills (see PeriodColumns.build). */
function layoutOf(row: FieldValues): { layout: string[]; slots: Int32Array } {
  const layout: string[] = [];
  for (const key in row) layout.push(key);
  const slots = new Int32Array(layout.length).fill(NO_SLOT);
  // Every code must be among the keys, each once: otherwise rows are read by code.
  const seen = new Set<string>();
  for (let j = 0; j < layout.length; j++) {
    const f = NUMBER_CODES.indexOf(layout[j]);
    const b = BOOL_CODES.indexOf(layout[j]);
    if (f >= 0) slots[j] = f;
    else if (b >= 0) slots[j] = -1 - b;
    if (f >= 0 || b >= 0) seen.add(layout[j]);
  }
  if (seen.size !== NUMBER_CODES.length + BOOL_CODES.length) return { layout: [], slots };
  return { layout, slots };
}

/**
 * Reads row i through the layout; false (nothing to trust) when the row's keys differ from it.
 * Every code is among the layout's keys, so a row that enumerates exactly those keys in that
 * order has each code as an enumerable property: what for…in gives for it is `row[code]`.
 */
function readByLayout(
  row: FieldValues,
  layout: readonly string[],
  slots: Int32Array,
  nums: Float64Array[],
  flags: Int8Array[],
  i: number,
): boolean {
  if (layout.length === 0) return false;
  let j = 0;
  for (const key in row) {
    if (j >= layout.length || key !== layout[j]) return false;
    const slot = slots[j++];
    if (slot === NO_SLOT) continue;
    const v = row[key];
    if (slot >= 0) nums[slot][i] = typeof v === 'number' ? v : NaN;
    else flags[-1 - slot][i] = typeof v === 'boolean' ? (v ? 1 : 0) : -1;
  }
  return j === layout.length;
}

/** Reads row i code by code (a keyed lookup each). */
function readByCode(row: FieldValues, nums: Float64Array[], flags: Int8Array[], i: number): void {
  for (let f = 0; f < nums.length; f++) {
    const v = row[NUMBER_CODES[f]];
    nums[f][i] = typeof v === 'number' ? v : NaN;
  }
  for (let f = 0; f < flags.length; f++) {
    const v = row[BOOL_CODES[f]];
    flags[f][i] = typeof v === 'boolean' ? (v ? 1 : 0) : -1;
  }
}

/** The number at i, null when unanswered. */
export function numAt(col: Float64Array, i: number): number | null {
  const v = col[i];
  return v === v ? v : null;
}

/** The yes/no at i, null when unanswered. */
export function boolAt(col: Int8Array, i: number): boolean | null {
  const v = col[i];
  return v < 0 ? null : v === 1;
}
