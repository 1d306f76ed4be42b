import { Runtime } from '../../emulator/runtime';
import { createFormApp, type FormSubmitPayload } from '../../emulator/services/forms';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';

function setup() {
  const rt = new Runtime();
  const SpreadsheetApp = createSpreadsheetApp(rt);
  const FormApp = createFormApp(rt, SpreadsheetApp);
  const ss = SpreadsheetApp.create('Мониторинг');
  const form = FormApp.create('Анкета');
  const submitted: FormSubmitPayload[] = [];
  rt.on('formSubmit', (p) => submitted.push(p as FormSubmitPayload));
  return { rt, SpreadsheetApp, FormApp, ss, form, submitted };
}

function sheetById(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, id: number) {
  const sheet = ss.getSheets().find((s) => s.getSheetId() === id);
  if (!sheet) throw new Error(`no sheet ${id}`);
  return sheet;
}

function rows(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

describe('FormApp: the responses sheet', () => {
  test('an answer longer than a cell holds stays whole in the form; its cell gets 50,000 characters', () => {
    const { FormApp, ss, form } = setup();
    const q = form.addParagraphTextItem().setTitle('Комментарий');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const long = 'я'.repeat(60_000);
    form.createResponse().withItemResponse(q.createResponse(long)).submit();
    const cell = ss.getSheetByName('Form Responses 1')!.getRange(2, 2).getValue() as string;
    expect(cell).toHaveLength(50_000);
    expect(form.getResponses()[0].getItemResponses()[0].getResponse()).toHaveLength(60_000);
  });

  test('setDestination creates "Form Responses 1" first, with Google\'s header', () => {
    const { FormApp, ss, form } = setup();
    form.setCollectEmail(true);
    form.addTextItem().setTitle('Код ОО');
    form.addSectionHeaderItem().setTitle('Контингент');
    form.addTextItem().setTitle('Общая численность обучающихся');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());

    expect(form.getDestinationId()).toBe(ss.getId());
    expect(form.getDestinationType()).toBe(FormApp.DestinationType.SPREADSHEET);
    const sheet = ss.getSheets()[0];
    expect(sheet.getName()).toBe('Form Responses 1');
    expect(rows(sheet)).toEqual([
      ['Timestamp', 'Email Address', 'Код ОО', 'Общая численность обучающихся'],
    ]);
  });

  test('a second linked form gets "Form Responses 2"; linking twice creates nothing', () => {
    const { FormApp, ss, form } = setup();
    form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const other = FormApp.create('Другая');
    other.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Form Responses 2',
      'Form Responses 1',
      'Sheet1',
    ]);
  });

  test('without a destination, asking for it fails as in Google', () => {
    const { form } = setup();
    expect(() => form.getDestinationId()).toThrow(
      'The form currently has no response destination.',
    );
  });

  test('each submission appends a row: Date timestamp, numbers as numbers, checkboxes joined', () => {
    const { rt, FormApp, ss, form } = setup();
    const code = form.addListItem().setTitle('Код ОО').setChoiceValues(['0012', 'sch-7']);
    const total = form.addTextItem().setTitle('Обучающихся');
    const events = form
      .addCheckboxItem()
      .setTitle('Мероприятия')
      .setChoiceValues(['мун', 'рег', 'фед']);
    const note = form.addParagraphTextItem().setTitle('Комментарий');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());

    rt.clock.set('2026-10-01T12:30:00+03:00');
    form
      .createResponse()
      .withItemResponse(code.createResponse('sch-7'))
      .withItemResponse(total.createResponse('412'))
      .withItemResponse(events.createResponse(['мун', 'фед']))
      .withItemResponse(note.createResponse('=HYPERLINK("x")'))
      .submit();
    form.createResponse().withItemResponse(total.createResponse('12 чел.')).submit();

    const data = rows(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(data).toHaveLength(3);
    const [stamp, ...answers] = data[1];
    expect(stamp).toBeInstanceOf(Date);
    expect((stamp as Date).toISOString()).toBe('2026-10-01T09:30:00.000Z');
    // A formula typed by a respondent stays text.
    expect(answers).toEqual(['sch-7', 412, 'мун, фед', '=HYPERLINK("x")']);
    expect(data[2].slice(1)).toEqual(['', '12 чел.', '', '']);
  });

  test('the sheet is found by id after the product renames it', () => {
    const { FormApp, ss, form } = setup();
    const q = form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    ss.getSheetByName('Form Responses 1')?.setName('Ответы формы');
    form.createResponse().withItemResponse(q.createResponse('a')).submit();
    expect(
      rows(ss.getSheetByName('Ответы формы') as GoogleAppsScript.Spreadsheet.Sheet)[1][1],
    ).toBe('a');
  });

  test('columns never move: new questions append, renames rename, deleted ones stay', () => {
    const { FormApp, ss, form } = setup();
    const a = form.addTextItem().setTitle('A');
    const b = form.addTextItem().setTitle('B');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form
      .createResponse()
      .withItemResponse(a.createResponse('a1'))
      .withItemResponse(b.createResponse('b1'))
      .submit();

    const c = form.addTextItem().setTitle('C');
    form.moveItem(form.getItemById(c.getId()), 0);
    a.setTitle('A (переименован)');
    form.deleteItem(form.getItemById(b.getId()));
    form.setCollectEmail(true);
    form
      .createResponse()
      .__setRespondentEmail('dir@school.ru')
      .withItemResponse(a.createResponse('a2'))
      .withItemResponse(c.createResponse('c2'))
      .submit();

    const sheet = ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet;
    const data = rows(sheet);
    expect(data[0]).toEqual(['Timestamp', 'A (переименован)', 'B', 'C', 'Email Address']);
    expect(data[1].slice(1)).toEqual(['a1', 'b1', '', '']);
    expect(data[2].slice(1)).toEqual(['a2', '', 'c2', 'dir@school.ru']);
  });

  test('linking a form that already has responses writes them all', () => {
    const { FormApp, ss, form } = setup();
    const q = form.addTextItem().setTitle('q');
    form.createResponse().withItemResponse(q.createResponse('1')).submit();
    form.createResponse().withItemResponse(q.createResponse('2')).submit();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const data = rows(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(data.map((r) => r[1])).toEqual(['q', 1, 2]);
  });

  test('the submit payload carries the row, its range and the values as displayed', () => {
    const { rt, FormApp, ss, form, submitted } = setup();
    const q = form.addTextItem().setTitle('Доля');
    const name = form.addTextItem().setTitle('Имя');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    rt.clock.set('2026-09-05T08:07:06+03:00');
    form
      .createResponse()
      .withItemResponse(q.createResponse('3.5'))
      .withItemResponse(name.createResponse('Ия'))
      .submit();

    expect(submitted).toHaveLength(1);
    const p = submitted[0];
    expect(p.formId).toBe(form.getId());
    expect(p.spreadsheetId).toBe(ss.getId());
    expect(p.row).toBe(2);
    expect(p.range?.getA1Notation()).toBe('A2:C2');
    expect(sheetById(ss, p.sheetId as number).getName()).toBe('Form Responses 1');
    // en_US sheet in Moscow time: Google's default display.
    expect(p.values).toEqual(['9/5/2026 8:07:06', '3.5', 'Ия']);
    expect(p.namedValues).toEqual({ Timestamp: ['9/5/2026 8:07:06'], Доля: ['3.5'], Имя: ['Ия'] });
    expect(p.response.getId()).toBe(form.getResponses()[0].getId());
  });

  test('a Russian-locale sheet shows dd.MM.yyyy and a decimal comma in the event values', () => {
    const { FormApp, ss, form, submitted } = setup();
    ss.setSpreadsheetLocale('ru_RU');
    const q = form.addTextItem().setTitle('Доля');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.createResponse().withItemResponse(q.createResponse('3.5')).submit();
    expect(submitted[0].values).toEqual(['01.09.2026 9:00:00', '3,5']);
  });

  test('an edited response rewrites its own row, keeps its id and fires again', () => {
    const { rt, FormApp, ss, form, submitted } = setup();
    const total = form.addTextItem().setTitle('Обучающихся');
    const other = form.addTextItem().setTitle('Педагогов');
    form.setAllowResponseEdits(true);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const first = form
      .createResponse()
      .withItemResponse(total.createResponse('100'))
      .withItemResponse(other.createResponse('10'))
      .submit();
    form.createResponse().withItemResponse(total.createResponse('200')).submit();

    rt.clock.advance(3600_000);
    const edited = form.__editResponse(first.getId(), [total.createResponse('110')]);
    expect(edited.getId()).toBe(first.getId());
    expect(edited.getTimestamp().getTime()).toBe(rt.clock.nowMs());

    const data = rows(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(data).toHaveLength(3);
    expect(data[1].slice(1)).toEqual([110, 10]);
    expect((data[1][0] as Date).getTime()).toBe(rt.clock.nowMs());
    expect(data[2].slice(1)).toEqual([200, '']);
    expect(submitted.map((p) => [p.row, p.isEdit])).toEqual([
      [2, false],
      [3, false],
      [2, true],
    ]);
    expect(form.getResponses()).toHaveLength(2);
  });

  test('editing needs setAllowResponseEdits(true), as the edit link does', () => {
    const { form } = setup();
    const q = form.addTextItem();
    const r = form.createResponse().withItemResponse(q.createResponse('x')).submit();
    expect(() => form.__editResponse(r.getId(), [q.createResponse('y')])).toThrow(/does not allow/);
  });

  test('responses go to the form only once the responses sheet is deleted', () => {
    const { FormApp, ss, form, submitted } = setup();
    const q = form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    ss.deleteSheet(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet);
    form.createResponse().withItemResponse(q.createResponse('x')).submit();
    expect(form.getResponses()).toHaveLength(1);
    expect(submitted[0].row).toBeUndefined();
  });

  test('removeDestination unlinks; the sheet and its rows stay', () => {
    const { FormApp, ss, form } = setup();
    const q = form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    form.createResponse().withItemResponse(q.createResponse('x')).submit();
    form.removeDestination();
    form.createResponse().withItemResponse(q.createResponse('y')).submit();
    expect(() => form.getDestinationId()).toThrow('no response destination');
    expect(
      rows(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet),
    ).toHaveLength(2);
  });

  test("Google's own writes to the responses sheet are not counted as the script's calls", () => {
    const { rt, FormApp, ss, form } = setup();
    const q = form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    rt.calls.reset();
    for (let i = 0; i < 5; i += 1)
      form
        .createResponse()
        .withItemResponse(q.createResponse(String(i)))
        .submit();
    // Google wrote the rows, not the script: no Sheets call is counted (checked before the
    // test itself reads the sheet, which is counted).
    expect(rt.calls.total('SpreadsheetApp')).toBe(0);
    expect(rt.calls.get('FormApp', 'FormResponse.submit')).toBe(5);
    expect(
      rows(ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet),
    ).toHaveLength(6);
  });

  test('a form with more questions than the sheet has columns gets them added', () => {
    const { FormApp, ss, form } = setup();
    for (let i = 1; i <= 40; i += 1) form.addTextItem().setTitle(`q${i}`);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const sheet = ss.getSheetByName('Form Responses 1') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.getLastColumn()).toBe(41);
    expect(sheet.getRange(1, 41).getValue()).toBe('q40');
  });
});
