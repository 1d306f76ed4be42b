/**
 * Recompute and the report as the inspector runs them again and again: the output sheets are
 * rewritten in place (no rows of an earlier, larger table left behind, number formats on every
 * data row however the table grows), and the report reads what it needs without rewriting them.
 */
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers, type Harness } from './harness';

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

  it('writes the report without rewriting the output sheets', () => {
    const h = makeHarness(6);
    respond(h, 1, 6);
    h.project.call('menuRecompute');
    const before = h.values(SHEETS.indicators);
    h.google.runtime.calls.reset();
    h.project.call('menuReport');
    const calls = h.google.runtime.calls;
    expect(calls.get('SpreadsheetApp', 'Range.setValues')).toBe(0);
    expect(calls.get('SpreadsheetApp', 'Sheet.clearContents')).toBe(0);
    expect(calls.get('SpreadsheetApp', 'Range.clearContent')).toBe(0);
    expect(h.values(SHEETS.indicators)).toEqual(before);
  });
});
