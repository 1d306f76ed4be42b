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

  constructor(readonly values: readonly (FieldValues | null)[]) {
    this.n = values.length;
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
    for (let i = 0; i < this.n; i++) {
      const row = this.values[i];
      if (!row) continue;
      for (let f = 0; f < nums.length; f++) {
        const v = row[NUMBER_CODES[f]];
        if (typeof v === 'number') nums[f][i] = v;
      }
      for (let f = 0; f < flags.length; f++) {
        const v = row[BOOL_CODES[f]];
        if (typeof v === 'boolean') flags[f][i] = v ? 1 : 0;
      }
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
