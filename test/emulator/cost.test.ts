/**
 * The modelled Apps Script time of counted calls (emulator/cost.ts): what a benchmark reader
 * relies on when it says an operation fits Apps Script's limits.
 */
import { COST_FIGURES, COST_MS, modelCost } from '../../emulator/cost';
import { createGoogle } from '../../emulator';
import { setup } from './spreadsheet-helpers';

/** Modelled milliseconds of what the fixture's runtime counted, without the start-up. */
function ms(rt: { calls: { snapshot: () => Parameters<typeof modelCost>[0] } }): number {
  return modelCost(rt.calls.snapshot()).modelledMs - COST_MS.startup;
}

describe('Cost model', () => {
  it('writes down a source for every figure', () => {
    for (const [name, figure] of Object.entries(COST_FIGURES)) {
      expect([name, figure.source]).toEqual([name, expect.stringMatching(/^(spec|guess): \S/)]);
    }
  });

  it('charges a grid read by its size, whichever method reads it', () => {
    const sizes = ['getValues', 'getNotes', 'getNumberFormats', 'isBlank', 'getSheetValues'].map(
      (method) => {
        const small = setup();
        const large = setup();
        const read = (f: typeof small, rows: number) =>
          method === 'getSheetValues'
            ? f.sheet.getSheetValues(1, 1, rows, 10)
            : (f.sheet.getRange(1, 1, rows, 10) as unknown as Record<string, () => unknown>)[
                method
              ]();
        large.sheet.insertRowsAfter(1000, 9000);
        large.app.flush();
        large.rt.calls.reset();
        read(small, 1);
        read(large, 10000);
        return [method, ms(small.rt) >= 100, ms(large.rt) - ms(small.rt)];
      },
    );
    for (const [method, server, extra] of sizes) {
      expect([method, server]).toEqual([method, true]);
      // 99,990 more cells at 10 µs each.
      expect([method, extra]).toEqual([method, expect.closeTo(999.9, 1)]);
    }
  });

  it('charges a clear as one server call, not per cleared cell', () => {
    const small = setup();
    const large = setup();
    small.sheet.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    large.sheet.insertRowsAfter(1000, 9000);
    large.sheet.getRange(1, 1, 10000, 2).setValues(Array.from({ length: 10000 }, () => [1, 2]));
    small.rt.calls.reset();
    large.rt.calls.reset();
    small.sheet.clearContents();
    large.sheet.clearContents();
    expect(ms(small.rt)).toBe(COST_MS.sheetsServerCall);
    expect(ms(large.rt)).toBe(COST_MS.sheetsServerCall);
  });

  it('charges inserting or deleting rows and columns alike, in any variant', () => {
    const costs = [
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowsAfter(1, 5),
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertColumnsAfter(1, 5),
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.insertRowAfter(1),
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteRows(2, 3),
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteRow(2),
      (s: GoogleAppsScript.Spreadsheet.Sheet) => s.deleteColumns(2, 2),
    ].map((change) => {
      const f = setup();
      change(f.sheet);
      return ms(f.rt);
    });
    expect(new Set(costs)).toEqual(new Set([COST_MS.sheetStructure]));
  });

  it('charges the cells of a flushed write once in all: 0.14 ms each', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange(1, 1, 100, 10).setValues(Array.from({ length: 100 }, () => Array(10).fill(1)));
    app.flush();
    const getRange = COST_MS.sheetsLocalCall;
    expect(ms(rt)).toBeCloseTo(
      getRange + COST_MS.sheetsServerCall + COST_MS.flush + 1000 * 0.14,
      6,
    );
  });

  it('keeps the read-after-write penalty in the service totals but not in the call count', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').getValue();
    const cost = modelCost(rt.calls.snapshot());
    expect(cost.calls).toBe(4);
    expect(cost.byService.SpreadsheetApp.ms).toBeCloseTo(cost.modelledMs - COST_MS.startup, 6);
    expect(cost.byService.SpreadsheetApp.ms).toBeGreaterThanOrEqual(
      2 * COST_MS.sheetsServerCall + COST_MS.readAfterWrite,
    );
  });

  it('charges a document mutation but not editAsText, which only returns a view', () => {
    const google = createGoogle();
    const doc = google.DocumentApp.create('Отчёт');
    const body = doc.getBody();
    google.runtime.calls.reset();
    const p = body.appendParagraph('Текст');
    const afterAppend = ms(google.runtime);
    p.editAsText();
    expect(afterAppend).toBe(COST_MS.docBodyCall);
    expect(ms(google.runtime)).toBe(COST_MS.docBodyCall + COST_MS.localCall);
  });

  it('charges chart rows as builder calls and the rendering as a server call', () => {
    const google = createGoogle();
    const table = google.Charts.newDataTable()
      .addColumn(google.Charts.ColumnType.NUMBER, 'x')
      .addColumn(google.Charts.ColumnType.NUMBER, 'y');
    google.runtime.calls.reset();
    for (let i = 0; i < 2000; i++) table.addRow([i, i]);
    expect(ms(google.runtime)).toBeLessThan(200);
    const chart = google.Charts.newScatterChart().setDataTable(table).build();
    google.runtime.calls.reset();
    chart.getAs('image/png');
    expect(ms(google.runtime)).toBe(COST_MS.chartRender);
  });

  it('charges a Drive call that reaches Drive, not a getter of a fetched file', () => {
    const google = createGoogle();
    google.runtime.calls.reset();
    const folder = google.DriveApp.createFolder('Отчёты');
    const created = ms(google.runtime);
    folder.getName();
    expect(created).toBe(COST_MS.driveCall);
    expect(ms(google.runtime)).toBe(COST_MS.driveCall + COST_MS.localCall);
  });

  it('charges each calling cell of a custom function 0.5 s', () => {
    const google = createGoogle();
    google.runtime.record('CustomFunction', 'CustomFunction.call');
    google.runtime.record('CustomFunction', 'CustomFunction.call');
    expect(ms(google.runtime)).toBe(2 * 500);
  });
});
