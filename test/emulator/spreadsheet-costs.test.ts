/** Call counting for benchmarks, pending writes, flush, and read-only custom-function mode. */
import { calls, setup } from './spreadsheet-helpers';

describe('Counting', () => {
  it('counts every public call once, with the cells it moved', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange(1, 1, 3, 4);
    range.setValues([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
    range.getValues();
    range.getValues();
    expect(calls(rt, 'Sheet.getRange')).toBe(1);
    expect(calls(rt, 'Range.setValues')).toBe(1);
    expect(calls(rt, 'Range.getValues')).toBe(2);
    const snapshot = rt.calls.snapshot();
    expect(snapshot.find((c) => c.method === 'Range.setValues')?.cellsWritten).toBe(12);
    expect(snapshot.find((c) => c.method === 'Range.getValues')?.cellsRead).toBe(24);
  });

  it('charts a per-cell loop as many more calls than one batch', () => {
    const batch = setup();
    batch.sheet.getRange(1, 1, 50, 2).setValues(Array.from({ length: 50 }, (_, i) => [i, i * 2]));
    const loop = setup();
    for (let i = 1; i <= 50; i++) {
      loop.sheet.getRange(i, 1).setValue(i);
      loop.sheet.getRange(i, 2).setValue(i * 2);
    }
    expect(batch.rt.calls.total('SpreadsheetApp')).toBe(2);
    expect(loop.rt.calls.total('SpreadsheetApp')).toBe(200);
  });

  it("does not count calls made silently on Google's behalf", () => {
    const { rt, app, sheet } = setup();
    app.__silently(() => sheet.appendRow(['ответ']));
    expect(rt.calls.total('SpreadsheetApp')).toBe(0);
    expect(sheet.getRange('A1').getValue()).toBe('ответ');
  });
});

describe('Pending writes', () => {
  it('makes the next value read after a write pay a round trip, once', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A2').setValue(2);
    expect(calls(rt, 'readAfterWrite')).toBe(0);
    sheet.getRange('A1').getValue();
    expect(calls(rt, 'readAfterWrite')).toBe(1);
    sheet.getRange('A2').getValue();
    expect(calls(rt, 'readAfterWrite')).toBe(1);
  });

  it('charges alternating set/get loops a round trip per read', () => {
    const { rt, sheet } = setup();
    for (let i = 1; i <= 10; i++) {
      sheet.getRange(i, 1).setValue(i);
      sheet.getLastRow();
    }
    expect(calls(rt, 'readAfterWrite')).toBe(10);
  });

  it('treats getDisplayValues, getLastRow and getDataRange as value reads', () => {
    const { rt, sheet } = setup();
    const reads: Array<() => unknown> = [
      () => sheet.getRange('A1').getDisplayValues(),
      () => sheet.getLastRow(),
      () => sheet.getDataRange().getValues(),
    ];
    reads.forEach((read, i) => {
      sheet.getRange('A1').setValue(i);
      read();
      expect(calls(rt, 'readAfterWrite')).toBe(i + 1);
    });
  });

  it('flush() pays for the pending cells and clears them', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.appendRow(['a', 'b', 'c']);
    app.flush();
    const flush = rt.calls.snapshot().find((c) => c.method === 'flush');
    expect(flush).toMatchObject({ calls: 1, cellsWritten: 9 });
    sheet.getRange('A1').getValue();
    expect(calls(rt, 'readAfterWrite')).toBe(0);
    app.flush();
    expect(rt.calls.snapshot().find((c) => c.method === 'flush')?.cellsWritten).toBe(9);
  });

  it('keeps pending writes per spreadsheet', () => {
    const { rt, app, sheet } = setup();
    const other = app.create('Другая').getSheets()[0];
    sheet.getRange('A1').setValue(1);
    other.getRange('A1').getValue();
    expect(calls(rt, 'readAfterWrite')).toBe(0);
    sheet.getRange('A1').getValue();
    expect(calls(rt, 'readAfterWrite')).toBe(1);
  });
});

describe('Custom-function mode', () => {
  it('lets a custom function read but not write', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue(5);
    const read = rt.asCustomFunction(() => sheet.getRange('A1').getValue());
    expect(read).toBe(5);
    expect(() => rt.asCustomFunction(() => sheet.getRange('A1').setValue(6))).toThrow(
      'You do not have permission to call Range.setValue',
    );
    expect(() => rt.asCustomFunction(() => sheet.appendRow([1]))).toThrow('Sheet.appendRow');
    expect(() => rt.asCustomFunction(() => sheet.getRange('A1').setNumberFormat('0'))).toThrow(
      'Range.setNumberFormat',
    );
    expect(() => rt.asCustomFunction(() => sheet.getParent().insertSheet('x'))).toThrow(
      'Spreadsheet.insertSheet',
    );
    expect(sheet.getRange('A1').getValue()).toBe(5);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});
