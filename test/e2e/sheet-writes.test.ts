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

describe('a keyed output sheet written again', () => {
  /** Rows keyed by column 0; column 2 a number with a format (as «Показатели» has). */
  const layout = {
    frozenRows: 1,
    columns: [{}, {}, { numberFormat: '0.00' }, {}, {}, {}, {}, {}, {}, {}],
    keyColumns: [0],
  };
  const row = (key: number, v: number): Cell[] => [
    `s${key}`,
    `name ${key}`,
    v / 7,
    ...Array.from({ length: 7 }, (_, c) => `${key}:${c}`),
  ];
  const header = Array.from({ length: 10 }, (_, c) => `h${c}`);
  const sheetOf = (keys: number[], v = 0) => [header, ...keys.map((k) => row(k, k + v))];
  const formats = (t: ReturnType<typeof store>, name: string, rows: number) =>
    t.ss.getSheetByName(name)!.getRange(2, 1, rows, 10).getNumberFormats();

  it('moves the rows below a school added, rather than rewriting them', () => {
    const t = store();
    const keys = Array.from({ length: 2000 }, (_, i) => i * 2);
    t.sheets.replace('Р', sheetOf(keys), layout);
    // A school sorts in near the top: every row below it shifts by one.
    const after = sheetOf([...keys.slice(0, 10), 21, ...keys.slice(10)]);
    t.google.runtime.calls.reset();
    t.sheets.replace('Р', after, layout);
    expect(t.written()).toBeLessThanOrEqual(10 * 10);
    expect(t.values('Р')).toEqual(after);
    expect(formats(t, 'Р', 2001).map((r) => r[2])).toEqual(new Array(2001).fill('0.00'));
  });

  it('ends where a fresh write ends (values and formats), whatever rows come and go', () => {
    const base = Array.from({ length: 500 }, (_, i) => i * 3);
    const edit = fc.record({
      drop: fc.uniqueArray(fc.integer({ min: 0, max: 499 }), { maxLength: 6 }),
      add: fc.uniqueArray(fc.integer({ min: 0, max: 1500 }), { maxLength: 6 }),
      shift: fc.constantFrom(0, 0, 1),
    });
    fc.assert(
      fc.property(edit, ({ drop, add, shift }) => {
        const keys = [...new Set([...base.filter((_, i) => !drop.includes(i)), ...add])].sort(
          (a, b) => a - b,
        );
        const t = store();
        t.sheets.replace('Р', sheetOf(base), layout);
        t.sheets.replace('Р', sheetOf(keys, shift), layout);
        const fresh = store();
        fresh.sheets.replace('Р', sheetOf(keys, shift), layout);
        expect(t.values('Р')).toEqual(fresh.values('Р'));
        expect(formats(t, 'Р', keys.length)).toEqual(formats(fresh, 'Р', keys.length));
      }),
      { numRuns: 40 },
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
