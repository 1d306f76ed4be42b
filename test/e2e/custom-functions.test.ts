/**
 * The custom functions in cells, on the emulator that recalculates a cell only when its
 * arguments change: a status cell follows new data after «Пересчитать показатели», because
 * the data comes in as an argument (the sheet «Значения для формул» recompute writes).
 */
import type { Cell } from '../../src/core/types';
import { readRecords, SHEETS, summarySchema } from '../../src/sheets/schema';
import { makeHarness, PERIOD, validAnswers } from './harness';

const TABLE = "'Значения для формул'!A:AZ";

describe('SHNOR_STATUS and SHNOR_INDICATOR in cells', () => {
  it('follow new data after recompute, and read no sheet themselves', () => {
    const h = makeHarness(3);
    for (const i of [1, 2, 3]) h.submit(validAnswers(i, { access_code: h.codeOf(`000${i}`) }));
    h.project.call('menuRecompute');
    const mine = h.ss.insertSheet('Мои формулы');
    mine.getRange('A1').setValue("'0001");
    mine.getRange('B1').setFormula(`=SHNOR_STATUS(A1; ${TABLE})`);
    mine.getRange('C1').setFormula(`=SHNOR_INDICATOR("status"; ${TABLE}; A1)`);
    mine.getRange('D1').setFormula(`=SHNOR_INDICATOR("share_flagged"; 'Сводка'!A:I)`);
    mine.getRange('E1').setFormula(`=SHNOR_RISK(A1; "parents"; ${TABLE})`);
    h.google.runtime.calls.reset();
    expect(h.project.recalculate()).toBe(4);
    // Recalculating read nothing: the functions got everything as arguments.
    expect(h.google.runtime.calls.total('SpreadsheetApp')).toBe(0);
    const flaggedShare = () => {
      const table = h.values(SHEETS.summary) as Cell[][];
      const summary = readRecords(summarySchema(PERIOD, null), table).map((r) => r.record);
      const row = summary.find((r) => r.code === 'share_flagged')!;
      return Number(((row.percent as number) / 100).toPrecision(12));
    };
    expect(mine.getRange('B1:D1').getValues()).toEqual([['', '', flaggedShare()]]);

    // The inspector puts school 0001 on the ШНОР list and recomputes.
    const lists = h.ss.getSheetByName(SHEETS.lists)!;
    lists.getRange(2, 1, 1, 3).setValues([[PERIOD, "'0001", 'ШНОР']]);
    h.project.call('menuRecompute');
    expect(mine.getRange('B1:C1').getValues()).toEqual([['ШНОР', 'ШНОР']]);
    // rev 2: SHNOR_RISK reads the same table; the harness's answers leave «parents» unanswered.
    expect(mine.getRange('E1').getValue()).toBe('');
    expect(mine.getRange('D1').getValue()).toBe(flaggedShare());
  });

  it('500 cells with one school each cost 500 recalculations; one range call costs one', () => {
    const h = makeHarness(5);
    h.project.call('menuRecompute');
    const mine = h.ss.insertSheet('Много формул');
    mine
      .getRange(1, 1, 500, 2)
      .setValues(Array.from({ length: 500 }, (_, i) => [`'000${(i % 5) + 1}`, '']));
    mine
      .getRange(1, 2, 500, 1)
      .setFormulas(Array.from({ length: 500 }, (_, i) => [`=SHNOR_STATUS(A${i + 1}; ${TABLE})`]));
    h.google.runtime.calls.reset();
    h.project.recalculate();
    expect(h.google.runtime.calls.get('CustomFunction', 'CustomFunction.call')).toBe(500);

    mine.getRange('D1').setFormula(`=SHNOR_STATUS(A1:A500; ${TABLE})`);
    h.google.runtime.calls.reset();
    h.project.recalculate();
    expect(h.google.runtime.calls.get('CustomFunction', 'CustomFunction.call')).toBe(1);
    expect(mine.getRange('D500').getValue()).toBe(mine.getRange('B500').getValue());
  });
});
