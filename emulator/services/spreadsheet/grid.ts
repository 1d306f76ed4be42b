/**
 * A sparse 2-D layer of one cell property (values, number formats, notes...), stored as an array
 * of rows so that whole-range reads and writes are O(cells). Indexes are 0-based; missing rows and
 * cells are `undefined`, which means "the default" for the property.
 */
export class Grid<T> {
  private rows: Array<Array<T | undefined> | undefined> = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (row === undefined) {
      if (value === undefined) return;
      row = [];
      this.rows[r] = row;
    }
    row[c] = value;
  }

  /** Reads a rectangle, mapping every cell (also the missing ones) through `map`. */
  read<U>(r: number, c: number, nr: number, nc: number, map: (v: T | undefined) => U): U[][] {
    const out: U[][] = new Array(nr);
    for (let i = 0; i < nr; i++) {
      const src = this.rows[r + i];
      const line: U[] = new Array(nc);
      for (let j = 0; j < nc; j++) line[j] = map(src === undefined ? undefined : src[c + j]);
      out[i] = line;
    }
    return out;
  }

  /** Writes a rectangle from a producer called once per cell, row by row. */
  write(
    r: number,
    c: number,
    nr: number,
    nc: number,
    produce: (i: number, j: number) => T | undefined,
  ): void {
    for (let i = 0; i < nr; i++) {
      let row = this.rows[r + i];
      for (let j = 0; j < nc; j++) {
        const v = produce(i, j);
        if (row === undefined) {
          if (v === undefined) continue;
          row = [];
          this.rows[r + i] = row;
        }
        row[c + j] = v;
      }
    }
  }

  fill(r: number, c: number, nr: number, nc: number, value: T | undefined): void {
    this.write(r, c, nr, nc, () => value);
  }

  clear(): void {
    this.rows = [];
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array<undefined>(n));
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, n);
  }

  insertColumns(at: number, n: number): void {
    for (const row of this.rows) {
      if (row !== undefined && at < row.length) row.splice(at, 0, ...new Array<undefined>(n));
    }
  }

  deleteColumns(at: number, n: number): void {
    for (const row of this.rows) {
      if (row !== undefined && at < row.length) row.splice(at, n);
    }
  }

  /** 1-based number of the last row holding a defined cell, 0 when none. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row !== undefined && row.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  /** 1-based number of the last column holding a defined cell, 0 when none. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (row === undefined) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** How many rows the layer spans (defined or not): rows beyond are all default. */
  get rowCount(): number {
    return this.rows.length;
  }

  /** Row `r`'s cells (missing ones undefined), or undefined: read-only, for exporters. */
  rowAt(r: number): ReadonlyArray<T | undefined> | undefined {
    return this.rows[r];
  }

  /** Calls `fn` for every defined cell, in row order. */
  forEach(fn: (value: T, r: number, c: number) => void): void {
    this.rows.forEach((row, r) => {
      if (row === undefined) return;
      row.forEach((v, c) => {
        if (v !== undefined) fn(v, r, c);
      });
    });
  }
}
