/**
 * How the sheet store overwrites an output sheet it wrote before (GasSheetStore.replace on the
 * emulator): only what changed is written, and the sheet ends as a fresh write would.
 */
import fc from 'fast-check';
import { createGoogle } from '../../emulator';
import { GasSheetStore } from '../../src/adapters/gas/sheets';
import { planWrites } from '../../src/adapters/gas/write-plan';
import type { Cell } from '../../src/core/types';

function store() {
  const google = createGoogle();
  const ss = google.SpreadsheetApp.create('t');
  const sheets = new GasSheetStore(ss);
  const written = () =>
    google.runtime.calls
      .snapshot()
      .filter((e) => e.method === 'Range.setValues')
      .reduce((n, e) => n + e.cellsWritten, 0);
  const values = (name: string) => ss.getSheetByName(name)!.getDataRange().getValues();
  return { google, ss, sheets, written, values };
}

/** A per-school table: a header of codes and `rows` rows of `width` values. */
function table(rows: number, width: number, value: (r: number, c: number) => Cell): Cell[][] {
  return [
    Array.from({ length: width }, (_, c) => `code_${c}`),
    ...Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => value(r, c))),
  ];
}

describe('an output sheet written again', () => {
  it('writes the columns that changed in every row, not the whole rows', () => {
    const t = store();
    const before = table(2000, 80, (r, c) => (c === 0 ? `s${r}` : r * 100 + c));
    t.sheets.replace('Значения', before, { frozenRows: 1 });
    // A new school answered: every school's rank and index moved (columns 10, 11 and 23).
    const after = before.map((row, r) =>
      r === 0 ? row : row.map((v, c) => ([10, 11, 23].includes(c) ? Number(v) + 0.5 : v)),
    );
    t.google.runtime.calls.reset();
    t.sheets.replace('Значения', after, { frozenRows: 1 });
    // Three columns of 2,000 rows, and at most as much again of unchanged cells between them
    // (fewer calls); whole rows would be 160,000 cells.
    expect(t.written()).toBeLessThanOrEqual(2 * 3 * 2000);
    expect(t.values('Значения')).toEqual(after);
  });

  it('ends where a fresh write ends, whatever changed', () => {
    const cell = fc.oneof(fc.constantFrom<Cell>('', 'a', 'b'), fc.integer({ min: 0, max: 3 }));
    const grid = fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 30 });
    fc.assert(
      fc.property(grid, grid, (first, second) => {
        const header = ['a', 'b', 'c', 'd', 'e', 'f'];
        const t = store();
        t.sheets.replace('S', [header, ...first], { frozenRows: 1 });
        t.sheets.replace('S', [header, ...second], { frozenRows: 1 });
        const fresh = store();
        fresh.sheets.replace('S', [header, ...second], { frozenRows: 1 });
        expect(t.values('S')).toEqual(fresh.values('S'));
      }),
      { numRuns: 60 },
    );
  });
});

describe('planWrites', () => {
  const masks = (rows: number, cols: number, on: (r: number, c: number) => boolean) =>
    Array.from({ length: cols }, (_, c) =>
      Uint8Array.from({ length: rows }, (_, r) => (on(r, c) ? 1 : 0)),
    );
  const covered = (rects: ReturnType<typeof planWrites>, r: number, c: number) =>
    rects.some(
      (w) => r >= w.row && r < w.row + w.rows && c >= w.column && c < w.column + w.columns,
    );

  it('covers every changed cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 2000 }),
        (grid, perCall) => {
          const m = masks(grid.length, 12, (r, c) => grid[r][c]);
          const rects = planWrites(m, perCall);
          grid.forEach((row, r) =>
            row.forEach((on, c) => on && expect(covered(rects, r, c)).toBe(true)),
          );
        },
      ),
    );
  });

  it('writes nothing when nothing changed', () => {
    expect(
      planWrites(
        masks(100, 5, () => false),
        1600,
      ),
    ).toEqual([]);
  });
});
