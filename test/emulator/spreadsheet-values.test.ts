/** Range values: types, formulas, forced text, display formats, dimension checks and limits. */
import vm from 'node:vm';
import { setup } from './spreadsheet-helpers';

describe('Range values keep their types', () => {
  it('reads back numbers, booleans, dates and text, with "" for empty cells', () => {
    const { sheet } = setup();
    const when = new Date('2026-09-01T09:30:00+03:00');
    sheet.getRange('A1:D2').setValues([
      [42, true, when, 'Школа №1'],
      [null, undefined, '', 0],
    ]);
    const values = sheet.getRange('A1:E2').getValues();
    expect(values).toEqual([
      [42, true, when, 'Школа №1', ''],
      ['', '', '', 0, ''],
    ]);
    expect(values[0][2]).toBeInstanceOf(Date);
    expect(values[0][2]).not.toBe(when); // a copy: the sheet keeps its own value
  });

  it('does not let a script change a stored date through the object it wrote or read', () => {
    const { sheet } = setup();
    const when = new Date('2026-09-01T00:00:00Z');
    sheet.getRange('A1').setValue(when);
    when.setFullYear(2000);
    (sheet.getRange('A1').getValue() as Date).setFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2026);
  });

  it("accepts dates and arrays made in another realm (the script's vm context) and returns host dates", () => {
    const { sheet } = setup();
    const foreign = vm.runInNewContext('[[new Date(Date.UTC(2026, 8, 1))]]') as unknown[][];
    expect(foreign[0][0] instanceof Date).toBe(false);
    sheet.getRange('A1').setValues(foreign);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
  });

  it('interprets written strings as typed input: numbers, percents and TRUE/FALSE', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['0101', '3.5', ' 12 ', '50%', 'true', '1,5']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[101, 3.5, 12, 0.5, true, '1,5']]);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('0%');
  });

  it("stores a string after a leading apostrophe as text (Google's force-text)", () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([["'0101", '\'=HYPERLINK("x")', "'+1", "'-1", "'TRUE"]]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([
      ['0101', '=HYPERLINK("x")', '+1', '-1', 'TRUE'],
    ]);
    expect(sheet.getRange('A1:E1').getFormulas()).toEqual([['', '', '', '', '']]);
  });

  it('keeps text as written in plain-text (@) cells', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['0101'], ['007']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['0101'], ['007']]);
  });

  it('turns strings starting with = into formulas, kept unevaluated', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C9)', 'текст']]);
    sheet.getRange('A2').setFormula('=A1*2');
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['=SUM(C1:C9)', ''],
      ['=A1*2', ''],
    ]);
    // We do not evaluate formulas: their value reads as empty.
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'текст']]);
    expect(sheet.getRange('A2').getFormula()).toBe('=A1*2');
    sheet.getRange('A1:A2').setFormulas([['=1'], ['']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=1'], ['']]);
  });

  it('fills every cell of a range with setValue', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('нет');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['нет', 'нет'],
      ['нет', 'нет'],
    ]);
    expect(sheet.getRange('A1:B2').getValue()).toBe('нет');
  });

  it('reads back a whole 2,500 x 80 sheet written in one call', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 1500);
    sheet.insertColumnsAfter(26, 54);
    const rows = Array.from({ length: 2500 }, (_, r) =>
      Array.from({ length: 80 }, (_, c) => (c === 0 ? `s${r}` : r * c)),
    );
    sheet.getRange(1, 1, 2500, 80).setValues(rows);
    const back = sheet.getDataRange().getValues();
    expect(back.length).toBe(2500);
    expect(back[2499][79]).toBe(2499 * 79);
  });
});

describe('Dimension checks and limits', () => {
  it("refuses data of the wrong height or width with Google's exact messages", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C2');
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(
      sheet
        .getRange('A1:C2')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('throws errors that print as Google\'s "Exception: ..."', () => {
    const { sheet } = setup();
    let caught: unknown;
    try {
      sheet.getRange('A1:B1').setValues([[1]]);
    } catch (e) {
      caught = e;
    }
    expect(String(caught)).toMatch(/^Exception: The number of columns in the data/);
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('я'.repeat(50000));
    expect(() => sheet.getRange('A2').setValue('я'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('refuses to grow the workbook past 10 million cells (max rows x max columns over sheets)', () => {
    const { ss, sheet } = setup();
    sheet.insertColumnsAfter(26, 974); // 1000 x 1000 = 1,000,000 cells
    sheet.insertRowsAfter(1000, 8000); // 9000 x 1000 = 9,000,000
    const message =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expect(() => sheet.insertRowsAfter(9000, 1001)).toThrow(message);
    sheet.insertRowsAfter(9000, 974); // 9,974,000
    const more = ss.insertSheet('Ещё'); // + 26,000 = exactly the limit
    expect(() => ss.insertSheet('И ещё')).toThrow(message);
    more.getRange('A1000').setValue('последняя');
    expect(() => more.appendRow(['ещё одна строка'])).toThrow(message);
  });
});

describe('Display values', () => {
  it('formats numbers by number format', () => {
    const { sheet } = setup();
    const formats = ['0', '0.0', '0.00', '0%', '0.0%', '#,##0', '@', '#,##0.00 "₽"'];
    const range = sheet.getRange(1, 1, 1, formats.length);
    range.setNumberFormats([formats]);
    range.setValues([[2.5, 3.14159, 1.005, 0.389, 0.3889, 1234567.8, 12.5, 1234.5]]);
    expect(range.getDisplayValues()).toEqual([
      ['3', '3.1', '1.01', '39%', '38.9%', '1,234,568', '12.5', '1,234.50 ₽'],
    ]);
    expect(range.getNumberFormats()).toEqual([formats]);
  });

  it('shows negative numbers with a minus sign', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:B1')
      .setNumberFormats([['0.0', '0%']])
      .setValues([[-2.25, -0.5]]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['-2.3', '-50%']]);
  });

  it('formats dates in the spreadsheet time zone', () => {
    const { ss, sheet } = setup();
    const when = new Date('2026-09-01T06:05:09Z'); // 09:05:09 in Moscow
    sheet.getRange('A1:C1').setValues([[when, when, when]]);
    sheet.getRange('A1:B1').setNumberFormats([['dd.MM.yyyy', 'dd.MM.yyyy HH:mm:ss']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([
      ['01.09.2026', '01.09.2026 09:05:09', '9/1/2026 9:05:09'],
    ]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    ss.setSpreadsheetTimeZone('Asia/Vladivostok');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('01.09.2026 16:05:09');
  });

  it('shows automatic-format values as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([[0.1 + 0.2, 1 / 3, true, 'текст', 1000000]]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['0.3', '0.3333333333', 'TRUE', 'текст', '1000000'],
    ]);
    sheet.getRange('F1').setFormula('=A1');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('');
  });

  it('shows numbers under a date format as serial days', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('dd.MM.yyyy').setValue(46266);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01.09.2026');
  });
});

describe('Notes and formats', () => {
  it('stores notes, backgrounds, bold, wrap and alignment per cell', () => {
    const { sheet } = setup();
    const header = sheet.getRange('A1:B1');
    header.setNotes([['Код ОО', null]]);
    header
      .setFontWeight('bold')
      .setBackground('#D9EAD3')
      .setWrap(true)
      .setHorizontalAlignment('center');
    sheet.getRange('B1').setNote('Наименование');
    expect(header.getNotes()).toEqual([['Код ОО', 'Наименование']]);
    expect(header.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(header.getBackgrounds()).toEqual([['#d9ead3', '#d9ead3']]);
    expect(header.getWraps()).toEqual([[true, true]]);
    expect(header.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    header.clearFormat();
    expect(header.getFontWeights()).toEqual([['normal', 'normal']]);
    expect(header.getNotes()).toEqual([['Код ОО', 'Наименование']]);
  });
});
