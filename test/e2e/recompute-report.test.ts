/**
 * Recompute and the report as the inspector runs them again and again: the output sheets are
 * rewritten in place (no rows of an earlier, larger table left behind, number formats on every
 * data row however the table grows), and the report brings them up to date before its document.
 * A recompute writes only the rows that changed, and ends where a fresh write would.
 */
import { CHART_DATA_SHEET, SHEETS } from '../../src/sheets/schema';
import { makeHarness, OUTPUT_SHEETS, validAnswers, type Harness } from './harness';

function respond(h: Harness, from: number, to: number): void {
  for (let i = from; i <= to; i++) h.submit(validAnswers(i));
}

const indexFormat = (h: Harness, row: number) =>
  h.ss.getSheetByName(SHEETS.indicators)!.getRange(row, 8).getNumberFormat();

describe('Recompute and report, run again', () => {
  it('keeps number formats on every data row when the table grows past its first size', () => {
    const h = makeHarness(30);
    respond(h, 1, 3);
    h.project.call('menuRecompute');
    expect(indexFormat(h, 2)).toBe('0.00');
    respond(h, 4, 30);
    h.project.call('menuRecompute');
    const rows = h.values(SHEETS.indicators).length;
    expect(rows).toBe(31);
    for (const row of [2, 15, rows]) expect([row, indexFormat(h, row)]).toEqual([row, '0.00']);
  });

  it('leaves no rows of an earlier, larger table', () => {
    const h = makeHarness(12);
    respond(h, 1, 12);
    h.project.call('menuRecompute');
    expect(h.values(SHEETS.indicators)).toHaveLength(13);
    // Eight schools leave the registry.
    const registry = h.ss.getSheetByName(SHEETS.registry)!;
    registry.getRange(6, 1, 8, registry.getLastColumn()).clearContent();
    h.project.call('menuRecompute');
    const after = h.records(SHEETS.indicators);
    expect(after.map((r) => r.school_id)).toEqual(['0001', '0002', '0003', '0004']);
  });

  it('the report brings the output sheets up to date, then writes the document', () => {
    const h = makeHarness(12);
    respond(h, 1, 6);
    h.project.call('menuRecompute');
    const stale = h.values(SHEETS.indicators);
    // School 0001 goes on the ШНОР list: its status changes.
    const lists = h.ss.getSheetByName(SHEETS.lists)!;
    lists.getRange(2, 1, 1, 3).setValues([["'2025-2026", "'0001", 'ШНОР']]);
    const url = h.project.call<string>('menuReport');
    expect(url).toMatch(/^https:/);
    const refreshed = h.values(SHEETS.indicators);
    expect(refreshed).not.toEqual(stale);
    // As a recompute leaves them: the report's figures are the sheets' figures.
    h.project.call('menuRecompute');
    expect(h.values(SHEETS.indicators)).toEqual(refreshed);
  });

  it('a report right after a recompute writes no output cell again', () => {
    const h = makeHarness(6);
    respond(h, 1, 6);
    h.project.call('menuRecompute');
    const before = h.values(SHEETS.indicators);
    h.google.runtime.calls.reset();
    h.project.call('menuReport');
    const calls = h.google.runtime.calls;
    const written = calls
      .snapshot()
      .filter((e) => e.method === 'Range.setValues')
      .reduce((n, e) => n + e.cellsWritten, 0);
    expect(written).toBe(0);
    expect(calls.get('SpreadsheetApp', 'Sheet.clearContents')).toBe(0);
    expect(h.values(SHEETS.indicators)).toEqual(before);
  });

  const OUTPUTS = OUTPUT_SHEETS;

  it('writes no output cell again when nothing changed', () => {
    const h = makeHarness(12);
    respond(h, 1, 12);
    h.project.call('menuRecompute');
    const written = () =>
      h.google.runtime.calls
        .snapshot()
        .filter((e) => e.method === 'Range.setValues')
        .reduce((n, e) => n + e.cellsWritten, 0);
    h.google.runtime.calls.reset();
    h.project.call('menuRecompute');
    const calls = h.google.runtime.calls;
    expect(calls.get('SpreadsheetApp', 'Range.setNumberFormat')).toBe(0);
    // Sheets are arranged from one getSheets(), not looked up by name (a server call each).
    expect(calls.get('SpreadsheetApp', 'Spreadsheet.getSheetByName')).toBe(0);
    // Not even the charts' data table; the charts, already as wanted, stay.
    expect(written()).toBe(0);
    expect(h.values(CHART_DATA_SHEET.name).flat().length).toBeGreaterThan(0);
    for (const method of ['Sheet.insertChart', 'Sheet.removeChart', 'Sheet.updateChart'])
      expect([method, calls.get('SpreadsheetApp', method)]).toEqual([method, 0]);
  });

  it('reads every output sheet it does not remember before it writes one, and writes the job state together', () => {
    const h = makeHarness(12);
    respond(h, 1, 6);
    h.project.call('menuRecompute');
    respond(h, 7, 12);
    h.google.runtime.calls.reset();
    h.project.call('menuRecompute');
    const calls = h.google.runtime.calls;
    // One read after pending writes: the journal's, after every output sheet was written.
    expect(calls.get('SpreadsheetApp', 'readAfterWrite')).toBeLessThanOrEqual(1);
    // The queue (menu), then the job's checkpoints with the memory of the sheets dropped
    // before they are written, then its end with the new memory: three writes, not one per step.
    expect(
      calls.get('PropertiesService', 'Properties.setProperty') +
        calls.get('PropertiesService', 'Properties.setProperties'),
    ).toBeLessThanOrEqual(3);
    // The job's state (current, queue, history) is read in one getProperties, not three reads.
    expect(calls.get('PropertiesService', 'Properties.getProperty')).toBeLessThanOrEqual(2);
  });

  it('ends, after new and changed data, where a fresh write of every output sheet ends', () => {
    const h = makeHarness(12);
    respond(h, 1, 6);
    h.project.call('menuRecompute');
    // Someone types over an output cell (the edit trigger runs); school 0001 goes on the ШНОР
    // list; six more answer.
    const typed = h.ss.getSheetByName(SHEETS.formulaValues)!.getRange(3, 5);
    typed.setValue('typed over');
    h.project.call('onEdit', { range: typed, source: h.ss });
    const lists = h.ss.getSheetByName(SHEETS.lists)!;
    lists.getRange(2, 1, 1, 3).setValues([["'2025-2026", "'0001", 'ШНОР']]);
    respond(h, 7, 12);
    h.project.call('menuRecompute');
    const charts = () =>
      h.ss
        .getSheetByName(SHEETS.summary)!
        .getCharts()
        .map((c) => ({
          ...(c as unknown as { __spec(): Record<string, unknown> }).__spec(),
          id: null,
        }));
    const rewritten = OUTPUTS.map((name) => [name, h.values(name)]);
    const chartsThen = charts();
    for (const name of OUTPUTS) h.ss.deleteSheet(h.ss.getSheetByName(name)!);
    h.project.call('menuRecompute');
    expect(rewritten).toEqual(OUTPUTS.map((name) => [name, h.values(name)]));
    expect(chartsThen.length).toBeGreaterThan(0);
    expect(chartsThen).toEqual(charts());
  });
});
