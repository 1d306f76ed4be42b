import { Runtime } from '../../emulator/runtime';
import { createFormApp } from '../../emulator/services/forms';
import { createScriptApp } from '../../emulator/services/script';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';

type SheetEvent = GoogleAppsScript.Events.SheetsOnFormSubmit & {
  source: GoogleAppsScript.Spreadsheet.Spreadsheet;
};
type FormEvent = GoogleAppsScript.Events.FormsOnFormSubmit;

function setup() {
  const rt = new Runtime({ clockStart: '2026-09-10T11:00:00+03:00' });
  const SpreadsheetApp = createSpreadsheetApp(rt);
  const FormApp = createFormApp(rt, SpreadsheetApp);
  const ScriptApp = createScriptApp(rt);
  const ss = SpreadsheetApp.create('Мониторинг');
  const form = FormApp.create('Анкета');
  const school = form.addTextItem().setTitle('Код ОО');
  const total = form.addTextItem().setTitle('Обучающихся');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  const calls: Array<{ name: string; event: unknown }> = [];
  rt.setHandlerInvoker((name, event) => {
    calls.push({ name, event });
  });
  const submit = (code: string, n: string) =>
    form
      .createResponse()
      .withItemResponse(school.createResponse(code))
      .withItemResponse(total.createResponse(n))
      .submit();
  return { rt, FormApp, ScriptApp, ss, form, school, total, calls, submit };
}

describe('ScriptApp: form-submit triggers', () => {
  test('a spreadsheet trigger gets values as strings, namedValues and the appended row', () => {
    const { ScriptApp, ss, calls, submit } = setup();
    const t = ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    submit('sch-1', '412');
    expect(calls).toHaveLength(1);
    const e = calls[0].event as SheetEvent;
    expect(calls[0].name).toBe('onFormSubmit');
    expect(e.authMode).toBe(ScriptApp.AuthMode.FULL);
    expect(e.triggerUid).toBe(t.getUniqueId());
    expect(e.values).toEqual(['9/10/2026 11:00:00', 'sch-1', '412']);
    expect(e.namedValues).toEqual({
      Timestamp: ['9/10/2026 11:00:00'],
      'Код ОО': ['sch-1'],
      Обучающихся: ['412'],
    });
    expect(e.range.getA1Notation()).toBe('A2:C2');
    expect(e.range.getValues()[0].slice(1)).toEqual(['sch-1', 412]);
    expect(e.range.getSheet().getName()).toBe('Form Responses 1');
    expect(e.source.getId()).toBe(ss.getId());
  });

  test('a form trigger gets the response and the form', () => {
    const { ScriptApp, form, calls, submit } = setup();
    ScriptApp.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
    const r = submit('sch-2', '7');
    const e = calls[0].event as FormEvent;
    expect(e.response.getId()).toBe(r.getId());
    expect(e.response.getItemResponses().map((x) => x.getResponse())).toEqual(['sch-2', '7']);
    expect(e.source.getId()).toBe(form.getId());
  });

  test('only triggers of this form or its spreadsheet fire, and only submit triggers', () => {
    const { FormApp, ScriptApp, ss, form, calls, submit } = setup();
    ScriptApp.newTrigger('other').forSpreadsheet('another-ss').onFormSubmit().create();
    ScriptApp.newTrigger('otherForm').forForm('another-form').onFormSubmit().create();
    ScriptApp.newTrigger('opened').forSpreadsheet(ss).onOpen().create();
    ScriptApp.newTrigger('mine').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger('mineToo').forForm(form).onFormSubmit().create();
    const unlinked = FormApp.create('Без таблицы');
    const q = unlinked.addTextItem();
    unlinked.createResponse().withItemResponse(q.createResponse('x')).submit();
    submit('sch-1', '1');
    expect(calls.map((c) => c.name)).toEqual(['mine', 'mineToo']);
  });

  test("every trigger fires, also those of another user (duplicates are the product's problem)", () => {
    const { ScriptApp, ss, calls, submit } = setup();
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.__runAsUser('deputy@example.org', () =>
      ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create(),
    );
    submit('sch-1', '1');
    expect(calls).toHaveLength(2);
    expect(new Set(calls.map((c) => (c.event as SheetEvent).triggerUid)).size).toBe(2);
  });

  test('fault: duplicate submit events fire each event twice with the same contents', () => {
    const { rt, ScriptApp, ss, form, calls, submit } = setup();
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    ScriptApp.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
    rt.faults.duplicateSubmitEvents = true;
    submit('sch-1', '5');
    expect(calls.map((c) => c.name)).toEqual([
      'onFormSubmit',
      'onFormSubmit',
      'onSubmit',
      'onSubmit',
    ]);
    const [a, b] = calls.map((c) => c.event as SheetEvent);
    expect(b.values).toEqual(a.values);
    expect(b.namedValues).toEqual(a.namedValues);
    expect(b.range.getA1Notation()).toBe(a.range.getA1Notation());
  });

  test('fault: a blank event with empty values comes first', () => {
    const { rt, ScriptApp, ss, calls, submit } = setup();
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    rt.faults.blankSubmitEvents = true;
    submit('sch-1', '5');
    const [blank, real] = calls.map((c) => c.event as SheetEvent);
    expect(calls).toHaveLength(2);
    expect(blank.values).toEqual(['', '', '']);
    expect(blank.namedValues).toEqual({ Timestamp: [''], 'Код ОО': [''], Обучающихся: [''] });
    expect(real.values).toEqual(['9/10/2026 11:00:00', 'sch-1', '5']);
  });

  test('an edited response fires again with the same row', () => {
    const { rt, ScriptApp, ss, form, total, calls, submit } = setup();
    form.setAllowResponseEdits(true);
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    const r = submit('sch-1', '5');
    submit('sch-2', '6');
    rt.clock.advance(60_000);
    form.__editResponse(r.getId(), [total.createResponse('8')]);
    const events = calls.map((c) => c.event as SheetEvent);
    expect(events.map((e) => e.range.getRow())).toEqual([2, 3, 2]);
    expect(events[2].values).toEqual(['9/10/2026 11:01:00', 'sch-1', '8']);
  });

  test('a handler that throws does not undo the submission; the error is logged', () => {
    const { rt, ScriptApp, ss, form, submit } = setup();
    rt.setHandlerInvoker(() => {
      throw new Error('Lock timeout');
    });
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    expect(() => submit('sch-1', '5')).not.toThrow();
    expect(form.getResponses()).toHaveLength(1);
    expect(ScriptApp.__getExecutions().map((e) => e.error)).toEqual(['Error: Lock timeout']);
  });

  test('__fireTriggers emulates opening the spreadsheet', () => {
    const { ScriptApp, ss, calls } = setup();
    ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(ss).onOpen().create();
    ScriptApp.__fireTriggers(ss.getId(), 'ON_OPEN', { source: ss });
    expect(calls.map((c) => c.name)).toEqual(['onOpenInstalled']);
    expect(
      (calls[0].event as { source: GoogleAppsScript.Spreadsheet.Spreadsheet }).source.getId(),
    ).toBe(ss.getId());
  });
});
