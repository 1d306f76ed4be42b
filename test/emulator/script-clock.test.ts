import { Runtime } from '../../emulator/runtime';
import { createScriptApp } from '../../emulator/services/script';

interface Call {
  name: string;
  event: Record<string, unknown>;
}

/** A runtime whose clock starts on Tuesday 1 September 2026, 10:00 Moscow time. */
function setup() {
  const rt = new Runtime({ clockStart: '2026-09-01T10:00:00+03:00' });
  const ScriptApp = createScriptApp(rt);
  const calls: Call[] = [];
  rt.setHandlerInvoker((name, event) => {
    calls.push({ name, event: event as Record<string, unknown> });
    if (name === 'broken') throw new Error('квота исчерпана');
  });
  return { rt, ScriptApp, calls };
}

const HOUR = 3600_000;
const iso = (d: Date | null) => d?.toISOString();

describe('ScriptApp: time-driven triggers', () => {
  test('every day at 9: first run tomorrow 9:00 local, then daily, with the documented event', () => {
    const { rt, ScriptApp, calls } = setup();
    const t = ScriptApp.newTrigger('sendReminders').timeBased().everyDays(1).atHour(9).create();
    expect(iso(ScriptApp.__nextRunOf(t))).toBe('2026-09-02T06:00:00.000Z');
    expect(ScriptApp.__runDueTimeTriggers()).toEqual([]);

    ScriptApp.__runTimeTriggersUntil('2026-09-04T12:00:00+03:00');
    expect(calls.map((c) => [c.name, c.event['day-of-month'], c.event.hour])).toEqual([
      ['sendReminders', 2, 9],
      ['sendReminders', 3, 9],
      ['sendReminders', 4, 9],
    ]);
    expect(calls[0].event).toEqual({
      authMode: ScriptApp.AuthMode.FULL,
      triggerUid: t.getUniqueId(),
      year: 2026,
      month: 9,
      'day-of-month': 2,
      'day-of-week': 3,
      'week-of-year': 36,
      hour: 9,
      minute: 0,
      second: 0,
      timezone: 'Europe/Moscow',
    });
    expect(rt.clock.now().toISOString()).toBe('2026-09-04T09:00:00.000Z');
    expect(iso(ScriptApp.__nextRunOf(t))).toBe('2026-09-05T06:00:00.000Z');
  });

  test('a one-off trigger fires once when its time comes and stays listed', () => {
    const { rt, ScriptApp, calls } = setup();
    const t = ScriptApp.newTrigger('resumeJob')
      .timeBased()
      .after(10 * 60_000)
      .create();
    rt.clock.advance(9 * 60_000);
    expect(ScriptApp.__runDueTimeTriggers()).toHaveLength(0);
    rt.clock.advance(60_000);
    expect(ScriptApp.__runDueTimeTriggers().map((e) => e.handler)).toEqual(['resumeJob']);
    rt.clock.advance(HOUR);
    expect(ScriptApp.__runDueTimeTriggers()).toHaveLength(0);
    expect(calls).toHaveLength(1);
    expect(ScriptApp.__nextRunOf(t)).toBeNull();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  test('at(date) fires at that moment', () => {
    const { ScriptApp, calls } = setup();
    ScriptApp.newTrigger('deadline').timeBased().at(new Date('2026-09-15T18:00:00+03:00')).create();
    ScriptApp.__runTimeTriggersUntil('2026-10-01T00:00:00Z');
    expect(calls.map((c) => [c.event['day-of-month'], c.event.hour])).toEqual([[15, 18]]);
  });

  test('every 15 minutes: four runs an hour', () => {
    const { rt, ScriptApp, calls } = setup();
    ScriptApp.newTrigger('poll').timeBased().everyMinutes(15).create();
    ScriptApp.__runTimeTriggersUntil(rt.clock.nowMs() + HOUR);
    expect(calls.map((c) => c.event.minute)).toEqual([15, 30, 45, 0]);
  });

  test('missed runs are not replayed: one run, and the next is in the future', () => {
    const { rt, ScriptApp, calls } = setup();
    const t = ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    rt.clock.advance(5 * HOUR + 60_000);
    ScriptApp.__runDueTimeTriggers();
    expect(calls).toHaveLength(1);
    const next = ScriptApp.__nextRunOf(t)?.getTime() ?? 0;
    expect(next).toBeGreaterThan(rt.clock.nowMs());
    expect(next - rt.clock.nowMs()).toBeLessThanOrEqual(HOUR);
  });

  test('weekly on Monday at 8 and monthly on the 31st skip to the right days', () => {
    const { ScriptApp } = setup();
    const weekly = ScriptApp.newTrigger('digest')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .create();
    const monthly = ScriptApp.newTrigger('report').timeBased().onMonthDay(31).atHour(0).create();
    expect(iso(ScriptApp.__nextRunOf(weekly))).toBe('2026-09-07T05:00:00.000Z');
    expect(iso(ScriptApp.__nextRunOf(monthly))).toBe('2026-10-30T21:00:00.000Z');
    const runs = ScriptApp.__runTimeTriggersUntil('2026-12-31T12:00:00+03:00');
    const digests = runs.filter((r) => r.handler === 'digest');
    const reports = runs.filter((r) => r.handler === 'report');
    expect(digests).toHaveLength(17);
    expect(digests.every((r) => r.at.getUTCDay() === 1 && r.at.getUTCHours() === 5)).toBe(true);
    // September and November have no 31st.
    expect(reports.map((r) => iso(r.at))).toEqual([
      '2026-10-30T21:00:00.000Z',
      '2026-12-30T21:00:00.000Z',
    ]);
  });

  test('inTimezone sets the wall clock of the schedule and of the event', () => {
    const { ScriptApp, calls } = setup();
    const t = ScriptApp.newTrigger('x')
      .timeBased()
      .inTimezone('Asia/Krasnoyarsk')
      .everyDays(1)
      .atHour(9)
      .create();
    expect(iso(ScriptApp.__nextRunOf(t))).toBe('2026-09-02T02:00:00.000Z');
    ScriptApp.__runTimeTriggersUntil('2026-09-02T03:00:00Z');
    expect([calls[0].event.hour, calls[0].event.timezone]).toEqual([9, 'Asia/Krasnoyarsk']);
  });

  test('everyDays without atHour keeps the time of day it was created at', () => {
    const { ScriptApp } = setup();
    const t = ScriptApp.newTrigger('x').timeBased().everyDays(2).create();
    expect(iso(ScriptApp.__nextRunOf(t))).toBe('2026-09-02T07:00:00.000Z');
  });

  test('a failing handler is logged and does not stop the others', () => {
    const { ScriptApp, calls } = setup();
    ScriptApp.newTrigger('broken').timeBased().everyHours(1).create();
    ScriptApp.newTrigger('fine').timeBased().everyHours(1).create();
    ScriptApp.__runTimeTriggersUntil('2026-09-01T11:00:00+03:00');
    expect(calls.map((c) => c.name)).toEqual(['broken', 'fine']);
    const log = ScriptApp.__getExecutions();
    expect(log.map((e) => [e.handler, e.error])).toEqual([
      ['broken', 'Error: квота исчерпана'],
      ['fine', undefined],
    ]);
    ScriptApp.__throwHandlerErrors(true);
    expect(() => ScriptApp.__runTimeTriggersUntil('2026-09-01T12:00:00+03:00')).toThrow(
      'квота исчерпана',
    );
  });

  test('a deleted trigger never fires', () => {
    const { ScriptApp, calls } = setup();
    const t = ScriptApp.newTrigger('x').timeBased().everyMinutes(1).create();
    ScriptApp.deleteTrigger(t);
    ScriptApp.__runTimeTriggersUntil('2026-09-02T00:00:00Z');
    expect(calls).toHaveLength(0);
  });

  test('a handler that runs without an invoker is logged as not found', () => {
    const rt = new Runtime();
    const ScriptApp = createScriptApp(rt);
    ScriptApp.newTrigger('missing').timeBased().everyHours(1).create();
    rt.clock.advance(HOUR);
    expect(ScriptApp.__runDueTimeTriggers()[0].error).toMatch(/Script function not found: missing/);
  });
});
