/** The .xlsx export, checked by reading the produced file back with exceljs. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportSpreadsheetToXlsx, toXlsxBuffer } from '../../emulator/export/xlsx';
import { setup } from './spreadsheet-helpers';
import { sample } from './xlsx-sample';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('xlsx export', () => {
  it('keeps sheet names and order, and hidden sheets hidden', async () => {
    const wb = await readBack(await toXlsxBuffer(sample().ss));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Данные', 'Сводка', 'Служебный']);
    expect(wb.getWorksheet('Служебный')?.state).toBe('hidden');
    expect(wb.getWorksheet('Сводка')?.getCell('A1').value).toBe(36);
  });

  it('writes typed values: text, numbers, dates at their wall time, booleans, formulas', async () => {
    const ws = (await readBack(await toXlsxBuffer(sample().ss))).getWorksheet('Данные')!;
    expect(ws.getCell('A2').value).toBe('0101');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe(0.389);
    const date = ws.getCell('C2').value as Date;
    expect(date).toBeInstanceOf(Date);
    // Midnight in Moscow is stored as midnight: the file has no time zone.
    expect(date.toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(ws.getCell('D2').value).toBe(true);
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell('E2').formula).toBe('B2*100');
  });

  it('keeps text that looks like a formula as text', async () => {
    const ws = (await readBack(await toXlsxBuffer(sample().ss))).getWorksheet('Данные')!;
    const cells = ['F3', 'F4', 'F5', 'F6'].map((a) => ws.getCell(a));
    expect(cells.map((c) => c.value)).toEqual(['=HYPERLINK("x")', '+1', '-1', '@x']);
    for (const c of cells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  it('converts number formats, frozen rows, widths, bold, background and notes', async () => {
    const ws = (await readBack(await toXlsxBuffer(sample().ss))).getWorksheet('Данные')!;
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
    expect(ws.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
    expect(ws.getColumn(6).width).toBeCloseTo(35, 0);
    expect(ws.getCell('B1').font?.bold).toBe(true);
    expect(ws.getCell('B1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFD9EAD3' },
    });
    const note = ws.getCell('A1').note;
    const noteText = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
    expect(noteText).toBe('Код образовательной организации');
  });

  it("gives dates written without a format Google's default date-time format", async () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1').setValue(new Date('2026-09-01T09:05:00+03:00'));
    const ws = (await readBack(await toXlsxBuffer(ss))).worksheets[0];
    expect(ws.getCell('A1').numFmt).toBe('m/d/yyyy h:mm:ss');
    expect((ws.getCell('A1').value as Date).toISOString()).toBe('2026-09-01T09:05:00.000Z');
  });

  it('writes list validation and conditional formatting', async () => {
    const ws = (await readBack(await toXlsxBuffer(sample().ss))).getWorksheet('Данные')!;
    expect(ws.getCell('D5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"ШНОР,ШНСУ"'],
    });
    expect(ws.getCell('E5').dataValidation).toBeUndefined();
    const cf = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe('B2:B40');
    expect(cf[0].rules[0]).toMatchObject({
      type: 'cellIs',
      operator: 'lessThan',
      formulae: ['0.5'],
    });
  });

  it('writes a file to disk that opens with the same content', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    const file = path.join(dir, 'monitoring.xlsx');
    await exportSpreadsheetToXlsx(sample().ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Данные')?.getCell('A1').value).toBe('Код');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports without counting calls', async () => {
    const fx = sample();
    fx.rt.calls.reset();
    await toXlsxBuffer(fx.ss);
    expect(fx.rt.calls.total()).toBe(0);
  });

  it('refuses something that is not an emulated spreadsheet', async () => {
    await expect(toXlsxBuffer({} as GoogleAppsScript.Spreadsheet.Spreadsheet)).rejects.toThrow(
      'not an emulated spreadsheet',
    );
  });
});
