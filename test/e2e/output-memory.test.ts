/**
 * Output sheets written from what the last write left (fingerprints kept in document
 * properties) instead of reading them back, and never left showing something other than the
 * computation: an inspector's edit or a structural change drops that memory, and the next
 * recompute repairs the sheet.
 */
import fc from 'fast-check';
import { createGoogle } from '../../emulator';
import { GasSheetStore } from '../../src/adapters/gas/sheets';
import type { WriteMemory } from '../../src/ports';
import type { Cell } from '../../src/core/types';
import { CHART_DATA_SHEET, SHEETS } from '../../src/sheets/schema';
import { makeHarness, OUTPUT_SHEETS, validAnswers, type Harness } from './harness';

const OUTPUTS = OUTPUT_SHEETS;

function respond(h: Harness, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    const id = String(i).padStart(4, '0');
    h.submit(validAnswers(i, { access_code: h.codeOf(id) }));
  }
}

/** Every output sheet as a fresh write makes it (the sheets deleted, then recompute). */
function freshOutputs(h: Harness): Array<[string, unknown[][]]> {
  for (const name of OUTPUTS) h.ss.deleteSheet(h.ss.getSheetByName(name)!);
  h.project.call('menuRecompute');
  return OUTPUTS.map((name) => [name, h.values(name)]);
}

/** Names of the sheets whose values the script reads while `fn` runs. */
function sheetsRead(h: Harness, fn: () => void): string[] {
  const range = h.ss.getSheetByName(SHEETS.data)!.getRange(1, 1);
  const proto = Object.getPrototypeOf(range) as { getValues(): unknown };
  const original = proto.getValues;
  const read: string[] = [];
  proto.getValues = function (this: { getSheet(): { getName(): string } }) {
    read.push(this.getSheet().getName());
    return original.call(this);
  };
  try {
    fn();
  } finally {
    proto.getValues = original;
  }
  return read;
}

describe('output sheets written from the memory of the last write', () => {
  it('a later recompute after a data change writes the changes without reading any output sheet', () => {
    const h = makeHarness(14);
    respond(h, 1, 14);
    h.project.call('menuRecompute');
    const before = h.values(SHEETS.indicators);
    // School 0003 is renamed in the registry: its rows change in every per-school sheet.
    h.ss.getSheetByName(SHEETS.registry)!.getRange(4, 2).setValue('Лицей № 3');
    const read = sheetsRead(h, () => h.project.call('menuRecompute'));
    expect(h.values(SHEETS.indicators)).not.toEqual(before);
    expect(read).toContain(SHEETS.data);
    // «История реестра» is an input too (earlier periods' facts): read once, as such.
    const outputs = [...OUTPUTS, CHART_DATA_SHEET.name];
    expect(read.filter((name) => outputs.includes(name))).toEqual([SHEETS.registryHistory]);
    expect(JSON.stringify(h.values(SHEETS.recommendations))).toContain('Лицей № 3');
    const after = OUTPUTS.map((name): [string, unknown[][]] => [name, h.values(name)]);
    expect(after).toEqual(freshOutputs(h));
  });

  it('an inspector types over cells of «Показатели» and «Сводка»: the next recompute repairs them', () => {
    const h = makeHarness(10);
    respond(h, 1, 10);
    h.project.call('menuRecompute');
    for (const [name, row, column] of [
      [SHEETS.indicators, 3, 5],
      [SHEETS.summary, 2, 2],
    ] as const) {
      const range = h.ss.getSheetByName(name)!.getRange(row, column);
      range.setValue('набрано вручную');
      // Google runs the simple trigger for an edit made by hand.
      h.project.call('onEdit', { range, source: h.ss });
    }
    h.project.call('menuRecompute');
    const after = OUTPUTS.map((name): [string, unknown[][]] => [name, h.values(name)]);
    expect(JSON.stringify(after)).not.toContain('набрано вручную');
    expect(after).toEqual(freshOutputs(h));
  });

  it('an inspector types into «Показатели» while a recompute runs: the next recompute repairs it', () => {
    const h = makeHarness(10);
    respond(h, 1, 10);
    h.project.call('menuRecompute');
    // The edit lands after the recompute wrote «Показатели», before it ends (its journal line).
    const journalSheet = h.ss.getSheetByName(SHEETS.journal)!;
    const proto = Object.getPrototypeOf(journalSheet) as { appendRow(row: unknown[]): unknown };
    const original = proto.appendRow;
    let typed = false;
    proto.appendRow = function (this: { getName(): string }, row: unknown[]) {
      if (!typed && this.getName() === SHEETS.journal) {
        typed = true;
        const range = h.ss.getSheetByName(SHEETS.indicators)!.getRange(3, 5);
        range.setValue('набрано вручную');
        h.project.call('onEdit', { range, source: h.ss });
      }
      return original.call(this, row);
    };
    try {
      h.project.call('menuRecompute');
    } finally {
      proto.appendRow = original;
    }
    expect(typed).toBe(true);
    h.project.call('menuRecompute');
    const after = OUTPUTS.map((name): [string, unknown[][]] => [name, h.values(name)]);
    expect(JSON.stringify(after)).not.toContain('набрано вручную');
    expect(after).toEqual(freshOutputs(h));
  });

  it('rows deleted and inserted, or a sort (the change trigger): the next recompute repairs the sheet', () => {
    const h = makeHarness(10);
    respond(h, 1, 10);
    h.project.call('menuRecompute');
    const indicators = h.ss.getSheetByName(SHEETS.indicators)!;
    // A row deleted in the middle and one added at the end: the grid keeps its height.
    indicators.deleteRow(4);
    indicators.insertRowsAfter(indicators.getMaxRows() - 1, 1);
    h.project.call('onSpreadsheetChange', { changeType: 'REMOVE_ROW', source: h.ss });
    // «Рекомендации» sorted by hand (reversed): its rows move, its height stays.
    const recommendations = h.ss.getSheetByName(SHEETS.recommendations)!;
    const body = recommendations.getDataRange().getValues().slice(1).reverse();
    recommendations.getRange(2, 1, body.length, body[0].length).setValues(body);
    h.project.call('onSpreadsheetChange', { changeType: 'OTHER', source: h.ss });
    h.project.call('menuRecompute');
    const after = OUTPUTS.map((name): [string, unknown[][]] => [name, h.values(name)]);
    expect(after).toEqual(freshOutputs(h));
  });
});

describe('the sheet store with a memory of its last write', () => {
  function store() {
    const google = createGoogle();
    const ss = google.SpreadsheetApp.create('t');
    return { google, ss, sheets: new GasSheetStore(ss) };
  }
  const values = (t: ReturnType<typeof store>, name: string) =>
    t.ss.getSheetByName(name)!.getDataRange().getValues();

  it('ends where a fresh write ends, whatever changed, and reads nothing once it remembers', () => {
    const cell = fc.oneof(fc.constantFrom<Cell>('', 'a', 'b'), fc.integer({ min: 0, max: 3 }));
    const grid = (width: number) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 260 });
    const tables = fc.array(
      fc.integer({ min: 1, max: 7 }).chain((w) => grid(w)),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(tables, fc.boolean(), (bodies, keyed) => {
        // Keyed: rows realigned by their first column (read back when keys moved).
        const layout = keyed ? { frozenRows: 1, keyColumns: [0] } : { frozenRows: 1 };
        const t = store();
        let last: string | null = null;
        const memory = (): WriteMemory => ({ last, written: (text) => void (last = text) });
        let reads = 0;
        for (const [i, body] of bodies.entries()) {
          const rows = [['h', 'i', 'j', 'k', 'l', 'm', 'n'], ...body];
          t.google.runtime.calls.reset();
          t.sheets.prefetch([{ sheet: 'S', rows, layout, memory: memory() }]);
          t.sheets.replace('S', rows, layout);
          if (i > 0) reads += t.google.runtime.calls.get('SpreadsheetApp', 'Range.getValues');
          const fresh = store();
          fresh.sheets.replace('S', rows, layout);
          expect(values(t, 'S')).toEqual(values(fresh, 'S'));
        }
        if (!keyed) expect(reads).toBe(0);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
