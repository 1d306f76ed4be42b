/** SpreadsheetApp, Spreadsheet and Sheet: the structure a script builds and navigates. */
import { Runtime } from '../../emulator/runtime';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { setup } from './spreadsheet-helpers';

describe('SpreadsheetApp', () => {
  it('creates spreadsheets, opens them by id and url, and makes the first one active', () => {
    const app = createSpreadsheetApp(new Runtime());
    const first = app.create('Первая');
    const second = app.create('Вторая');
    expect(first.getId()).not.toBe(second.getId());
    expect(app.openById(second.getId()).getName()).toBe('Вторая');
    expect(app.openByUrl(second.getUrl()).getId()).toBe(second.getId());
    expect(second.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${second.getId()}/edit`);
    expect(app.getActiveSpreadsheet().getId()).toBe(first.getId());
    app.__setActive(second);
    expect(app.getActive().getId()).toBe(second.getId());
  });

  it('has no active spreadsheet before one is created, as a standalone script', () => {
    const app = createSpreadsheetApp(new Runtime());
    expect(app.getActiveSpreadsheet()).toBeNull();
  });

  it("fails to open an unknown id with Google's message", () => {
    const { app } = setup();
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('starts a spreadsheet with one 1000 x 26 sheet named Sheet1, in the runtime time zone', () => {
    const { ss, sheet } = setup({ timeZone: 'Asia/Yekaterinburg' });
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.getSheetId()).toBe(0);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Yekaterinburg');
    ss.setSpreadsheetTimeZone('Europe/Moscow');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Moscow');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timezone');
  });
});

describe('Spreadsheet sheets', () => {
  it('inserts sheets after the active one or at an index, and makes the new one active', () => {
    const { ss } = setup();
    const data = ss.insertSheet('Данные');
    expect(ss.getActiveSheet().getName()).toBe('Данные');
    ss.insertSheet('Сводка');
    ss.insertSheet('Ответы формы', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Ответы формы',
      'Sheet1',
      'Данные',
      'Сводка',
    ]);
    expect(data.getIndex()).toBe(3);
    expect(ss.insertSheet().getName()).toBe('Sheet5');
    expect(ss.getSheetByName('Сводка')?.getName()).toBe('Сводка');
    expect(ss.getSheetByName('Нет такого')).toBeNull();
    expect(ss.getSheetById(data.getSheetId())?.getName()).toBe('Данные');
  });

  it("refuses a duplicate sheet name with Google's message, also when renaming", () => {
    const { ss } = setup();
    ss.insertSheet('Данные');
    expect(() => ss.insertSheet('Данные')).toThrow(
      'A sheet with the name "Данные" already exists. Please enter another name.',
    );
    const other = ss.insertSheet('Сводка');
    expect(() => other.setName('данные')).toThrow('A sheet with the name "данные" already exists.');
    other.setName('Итоги');
    expect(ss.getSheetByName('Итоги')).not.toBeNull();
  });

  it('deletes sheets but never the last one', () => {
    const { ss, sheet } = setup();
    const extra = ss.insertSheet('Временный');
    ss.deleteSheet(extra);
    expect(ss.getNumSheets()).toBe(1);
    expect(() => extra.getName()).toThrow('This sheet has been deleted.');
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
  });

  it('resolves Sheet!A1 references, quoted names included', () => {
    const { ss } = setup();
    ss.insertSheet('Ответы формы').getRange('B2').setValue(7);
    expect(ss.getRange("'Ответы формы'!B2").getValue()).toBe(7);
    expect(ss.getRange('Sheet1!A1:C3').getA1Notation()).toBe('A1:C3');
    expect(() => ss.getRange('Нет!A1')).toThrow('Range not found');
    expect(() => ss.getRange('not a range')).toThrow('Range not found');
  });

  it('records toasts', () => {
    const { ss, app } = setup();
    ss.toast('Готово', 'Мониторинг', 3);
    expect(app.__active()?.toasts).toEqual([
      { message: 'Готово', title: 'Мониторинг', timeoutSeconds: 3 },
    ]);
  });
});

describe('Sheet geometry', () => {
  it('answers the four getRange overloads and whole-column notation', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B3').getA1Notation()).toBe('B3');
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A1:B1000');
    const r = sheet.getRange(2, 3, 4, 2);
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 3, 4, 2, 5, 4]);
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:C6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });

  it('reads A1 notation with $ signs, open ends and quoted sheet names', () => {
    const { ss, sheet } = setup();
    expect(sheet.getRange('$B$2:$C$3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('C2:A1').getA1Notation()).toBe('A1:C2');
    expect(sheet.getRange('A2:B').getA1Notation()).toBe('A2:B1000');
    expect(sheet.getRange('3:4').getA1Notation()).toBe('A3:Z4');
    ss.insertSheet("It's").getRange('A1').setValue('ok');
    expect(ss.getRange("'It''s'!A1").getValue()).toBe('ok');
  });

  it('refuses ranges past the grid until the sheet grows, as Google does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    sheet.insertRowsAfter(1000, 1500);
    sheet.insertColumnsAfter(26, 54);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([2500, 80]);
    expect(sheet.getRange(2500, 80).getA1Notation()).toBe('CB2500');
  });

  it('tracks the last row and column with content, and the data range', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=1+1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it('appends rows after the last one with content, growing the grid when full', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Журнал');
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2]);
    sheet.appendRow([
      'c',
      3,
      'x',
      'y',
      'z',
      'more',
      'columns',
      'than',
      'a',
      'new',
      'sheet',
      'has',
      'in',
      'total',
      'here',
      'so',
      'it',
      'grows',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
    ]);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange(1, 1, 3, 2).getValues()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('inserts and deletes rows and columns, moving content and formats with them', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['h'], ['r2'], ['r3']]);
    sheet.getRange('A2').setFontWeight('bold');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['h', '', '', 'r2', 'r3']);
    expect(sheet.getRange('A4').getFontWeight()).toBe('bold');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['h', 'r2', 'r3']);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B1').getValue()).toBe('h');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('h');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
  });

  it('keeps frozen rows and columns, column widths, hidden state', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidth(3, 240);
    expect(sheet.getColumnWidth(3)).toBe(240);
    expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const other = ss.insertSheet('Служебный');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it('auto-resizes columns to their longest text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Краткое', 'x'],
      ['Наименование образовательной организации', 'y'],
    ]);
    sheet.autoResizeColumns(1, 3);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(sheet.getColumnWidth(2));
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(200);
    expect(sheet.getColumnWidth(3)).toBe(100);
  });

  it('clears contents but keeps formats, or clears both', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(0.5).setNumberFormat('0%');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0%');
    sheet.getRange('A1').setValue(0.5);
    sheet.clear();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});

describe('Ui', () => {
  it('keeps the menus the script adds, with items, separators and submenus', () => {
    const { app } = setup();
    const ui = app.getUi();
    ui.createMenu('Мониторинг')
      .addItem('Настроить', 'menuSetup')
      .addSeparator()
      .addSubMenu(ui.createMenu('Отчёты').addItem('Записка', 'menuReport'))
      .addToUi();
    ui.createAddonMenu().addItem('Открыть', 'menuOpen').addToUi();
    expect(app.__ui().__menus()).toEqual([
      {
        title: 'Мониторинг',
        addon: false,
        entries: [
          { kind: 'item', caption: 'Настроить', functionName: 'menuSetup' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              title: 'Отчёты',
              addon: false,
              entries: [{ kind: 'item', caption: 'Записка', functionName: 'menuReport' }],
            },
          },
        ],
      },
      {
        title: '',
        addon: true,
        entries: [{ kind: 'item', caption: 'Открыть', functionName: 'menuOpen' }],
      },
    ]);
  });

  it('records alerts and answers OK, or the queued button', () => {
    const { app } = setup();
    const ui = app.getUi();
    expect(ui.alert('Готово')).toBe(ui.Button.OK);
    app.__ui().__answerAlerts('NO');
    expect(ui.alert('Внимание', 'Удалить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Продолжить?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(
      app
        .__ui()
        .__alerts()
        .map((a) => [a.title, a.prompt, a.buttons, a.answer]),
    ).toEqual([
      ['', 'Готово', 'OK', 'OK'],
      ['Внимание', 'Удалить?', 'YES_NO', 'NO'],
      ['', 'Продолжить?', 'YES_NO', 'YES'],
    ]);
  });

  it('answers prompts with the queued text', () => {
    const { app } = setup();
    const ui = app.getUi();
    app.__ui().__answerPrompts({ text: '2025-2026' });
    const answer = ui.prompt('Период?');
    expect(answer.getResponseText()).toBe('2025-2026');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
  });

  it('records dialogs and sidebars with their HTML', () => {
    const { app } = setup();
    const ui = app.getUi();
    const html = {
      getContent: () => '<p>Привет</p>',
      getTitle: () => 'Панель',
    } as unknown as GoogleAppsScript.HTML.HtmlOutput;
    ui.showModalDialog(html, 'Настройка');
    ui.showSidebar(html);
    expect(app.__ui().__dialogs()).toEqual([
      { kind: 'modal', title: 'Настройка', content: '<p>Привет</p>' },
      { kind: 'sidebar', title: 'Панель', content: '<p>Привет</p>' },
    ]);
  });
});
