/** Custom-function cells recalculated as Google does (emulator/custom-functions.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';
import { COST_MS, modelCost } from '../../emulator/cost';

const CODE = `
function DOUBLE(x) { return x * 2; }
function SQUARE(n) { return [[n, n + 1], [n + 2, n + 3]]; }
function TOTAL(range) { return range.reduce(function (s, r) { return s + Number(r[0] || 0); }, 0); }
function READS_ITSELF() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Данные').getRange('A1').getValue();
}
function WRITES() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Данные').getRange('A1').setValue(1); }
`;

function project() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify({
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    }),
  );
  const google = createGoogle();
  const ss = google.SpreadsheetApp.create('Книга');
  const data = ss.insertSheet('Данные');
  const sheet = ss.insertSheet('Формулы');
  const p = loadProject(google, { distDir: dir });
  return { google, data, sheet, p };
}

describe('custom-function cells', () => {
  it('are computed, and recalculated only when their arguments change', () => {
    const { google, data, sheet, p } = project();
    data.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A1').setFormula("=TOTAL('Данные'!A1:A3)");
    sheet.getRange('B1').setFormula('=DOUBLE(21)');
    expect(p.recalculate()).toBe(2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[6, 42]]);
    expect(p.recalculate()).toBe(0);
    data.getRange('A2').setValue(20);
    google.runtime.calls.reset();
    expect(p.recalculate()).toBe(1);
    expect(sheet.getRange('A1').getValue()).toBe(24);
    expect(google.runtime.calls.get('CustomFunction', 'CustomFunction.call')).toBe(1);
  });

  it('go stale when the function reads a sheet by itself instead of taking it as an argument', () => {
    const { data, sheet, p } = project();
    data.getRange('A1').setValue('старое');
    sheet.getRange('A1').setFormula('=READS_ITSELF()');
    p.recalculate();
    expect(sheet.getRange('A1').getValue()).toBe('старое');
    data.getRange('A1').setValue('новое');
    p.recalculate();
    expect(sheet.getRange('A1').getValue()).toBe('старое');
  });

  it('may not write, and show #ERROR! when they try', () => {
    const { sheet, p } = project();
    sheet.getRange('A1').setFormula('=WRITES()');
    p.recalculate();
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
  });

  it('cost 0.5 s each: 500 cells with one value each, against one call over the range', () => {
    const { google, data, sheet, p } = project();
    data.getRange(1, 1, 500, 1).setValues(Array.from({ length: 500 }, (_, i) => [i]));
    sheet
      .getRange(1, 1, 500, 1)
      .setFormulas(Array.from({ length: 500 }, (_, i) => [`=DOUBLE('Данные'!A${i + 1})`]));
    google.runtime.calls.reset();
    p.recalculate();
    const cells = modelCost(google.runtime.calls.snapshot(), 0);
    expect(cells.byService.CustomFunction).toEqual({
      calls: 500,
      ms: 500 * COST_MS.customFunctionCell,
    });
    expect(cells.modelledMs).toBeGreaterThanOrEqual(250_000);

    sheet.getRange('C1').setFormula("=TOTAL('Данные'!A1:A500)");
    google.runtime.calls.reset();
    p.recalculate();
    expect(modelCost(google.runtime.calls.snapshot(), 0).byService.CustomFunction.calls).toBe(1);
    expect(sheet.getRange('C1').getValue()).toBe((499 * 500) / 2);
  });

  it('spill a 2D result into the cells right and below', () => {
    const { sheet, p } = project();
    sheet.getRange('B2').setFormula('=SQUARE(1)');
    p.recalculate();
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('=SQUARE(1)');
  });
});
