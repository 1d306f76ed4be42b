import { Runtime } from '../../emulator/runtime';
import { createScriptApp, TRIGGER_ERRORS } from '../../emulator/services/script';

function setup() {
  const rt = new Runtime();
  const ScriptApp = createScriptApp(rt);
  return { rt, ScriptApp };
}

const spreadsheet = { getId: () => 'ss-1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('ScriptApp: managing triggers', () => {
  test('a created trigger describes itself', () => {
    const { ScriptApp } = setup();
    const t = ScriptApp.newTrigger('onFormSubmit')
      .forSpreadsheet(spreadsheet)
      .onFormSubmit()
      .create();
    expect(t.getHandlerFunction()).toBe('onFormSubmit');
    expect(t.getEventType()).toBe(ScriptApp.EventType.ON_FORM_SUBMIT);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(t.getTriggerSourceId()).toBe('ss-1');
    expect(t.getUniqueId()).toMatch(/^\d+$/);

    const f = ScriptApp.newTrigger('onSubmit').forForm('form-1').onFormSubmit().create();
    expect([f.getTriggerSource(), f.getTriggerSourceId()]).toEqual([
      ScriptApp.TriggerSource.FORMS,
      'form-1',
    ]);
    const c = ScriptApp.newTrigger('remind').timeBased().everyDays(1).atHour(9).create();
    expect([c.getEventType(), c.getTriggerSource(), c.getTriggerSourceId()]).toEqual([
      ScriptApp.EventType.CLOCK,
      ScriptApp.TriggerSource.CLOCK,
      null,
    ]);
    expect(new Set([t, f, c].map((x) => x.getUniqueId())).size).toBe(3);
  });

  test('getProjectTriggers lists them; deleteTrigger removes one', () => {
    const { ScriptApp } = setup();
    const a = ScriptApp.newTrigger('a').forSpreadsheet('ss-1').onOpen().create();
    ScriptApp.newTrigger('b').forSpreadsheet('ss-1').onEdit().create();
    ScriptApp.newTrigger('c').forSpreadsheet('ss-2').onChange().create();
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction())).toEqual([
      'a',
      'b',
    ]);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['b', 'c']);
    // Deleting again through an old reference changes nothing.
    ScriptApp.deleteTrigger(a);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(2);
  });

  test("the 21st trigger of a user is refused with Google's message", () => {
    const { ScriptApp } = setup();
    for (let i = 0; i < 20; i += 1)
      ScriptApp.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('one-more').forSpreadsheet('ss-1').onOpen().create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(ScriptApp.getProjectTriggers()).toHaveLength(20);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(() =>
      ScriptApp.newTrigger('one-more').forSpreadsheet('ss-1').onOpen().create(),
    ).not.toThrow();
  });

  test('triggers belong to the user who made them; the limit is per user', () => {
    const { ScriptApp } = setup();
    ScriptApp.newTrigger('mine').forSpreadsheet('ss-1').onFormSubmit().create();
    ScriptApp.__runAsUser('deputy@example.org', () => {
      for (let i = 0; i < 20; i += 1)
        ScriptApp.newTrigger(`theirs${i}`).timeBased().everyHours(1).create();
      expect(ScriptApp.getProjectTriggers()).toHaveLength(20);
    });
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['mine']);
    expect(() =>
      ScriptApp.newTrigger('mine2').forSpreadsheet('ss-1').onOpen().create(),
    ).not.toThrow();
  });

  test('a builder without an event, or a clock without a frequency, is refused', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('x').forSpreadsheet('ss-1').create()).toThrow(
      TRIGGER_ERRORS.noEvent,
    );
    expect(() => ScriptApp.newTrigger('x').timeBased().create()).toThrow(TRIGGER_ERRORS.noSchedule);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyDays(1).everyHours(2).create()).toThrow(
      TRIGGER_ERRORS.twoSchedules,
    );
    expect(() => ScriptApp.newTrigger('x').timeBased().everyMinutes(5).atHour(3).create()).toThrow(
      TRIGGER_ERRORS.hourNeedsDays,
    );
    expect(() => ScriptApp.newTrigger('').timeBased()).toThrow('Invalid argument: functionName');
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
  });

  test('clock arguments are checked as Google does', () => {
    const { ScriptApp } = setup();
    const b = () => ScriptApp.newTrigger('x').timeBased();
    for (const n of [1, 5, 10, 15, 30]) expect(() => b().everyMinutes(n)).not.toThrow();
    for (const n of [2, 20, 60, 0])
      expect(() => b().everyMinutes(n)).toThrow(TRIGGER_ERRORS.everyMinutes);
    expect(() => b().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => b().atHour(-1)).toThrow('Invalid argument: hour');
    expect(() => b().atHour(23)).not.toThrow();
    expect(() => b().nearMinute(60)).toThrow('Invalid argument: minute');
    expect(() => b().onMonthDay(0)).toThrow('Invalid argument: day');
    expect(() => b().onMonthDay(32)).toThrow('Invalid argument: day');
    expect(() => b().onWeekDay('FUNDAY' as unknown as GoogleAppsScript.Base.Weekday)).toThrow(
      'Invalid argument: day',
    );
    expect(() => b().inTimezone('Mars/Olympus')).toThrow('Invalid argument: timezone');
    expect(() => b().at(new Date('nonsense'))).toThrow('Invalid argument: date');
  });

  test('custom functions cannot create or delete triggers', () => {
    const { rt, ScriptApp } = setup();
    const t = ScriptApp.newTrigger('a').forSpreadsheet('ss-1').onOpen().create();
    expect(() =>
      rt.asCustomFunction(() => ScriptApp.newTrigger('b').forSpreadsheet('ss-1').onOpen().create()),
    ).toThrow('You do not have permission to call SpreadsheetTriggerBuilder.create');
    expect(() => rt.asCustomFunction(() => ScriptApp.deleteTrigger(t))).toThrow(
      /ScriptApp\.deleteTrigger/,
    );
    expect(rt.asCustomFunction(() => ScriptApp.getProjectTriggers())).toHaveLength(1);
  });

  test('calls are counted under ScriptApp', () => {
    const { rt, ScriptApp } = setup();
    ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(8).create();
    ScriptApp.getProjectTriggers();
    expect(rt.calls.get('ScriptApp', 'ScriptApp.newTrigger')).toBe(1);
    expect(rt.calls.get('ScriptApp', 'ClockTriggerBuilder.atHour')).toBe(1);
    expect(rt.calls.get('ScriptApp', 'ClockTriggerBuilder.create')).toBe(1);
    expect(rt.calls.get('ScriptApp', 'ScriptApp.getProjectTriggers')).toBe(1);
  });

  test('enums, ids and service details', () => {
    const { ScriptApp } = setup();
    expect(ScriptApp.AuthMode.FULL).toBe('FULL');
    expect(ScriptApp.AuthMode.CUSTOM_FUNCTION).toBe('CUSTOM_FUNCTION');
    expect(ScriptApp.WeekDay.MONDAY).toBe('MONDAY');
    expect(ScriptApp.getScriptId()).toBe(ScriptApp.getScriptId());
    expect(ScriptApp.getOAuthToken()).toEqual(expect.any(String));
    expect(ScriptApp.getService().getUrl()).toBe(
      `https://script.google.com/macros/s/${ScriptApp.getScriptId()}/exec`,
    );
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(
      ScriptApp.AuthorizationStatus.NOT_REQUIRED,
    );
  });
});
