/** The builder of clock triggers: one schedule, checked when the trigger is created. */
import { asGas, gasError, invalidArgument } from '../gas';
import { isTimeZone } from '../timezone';
import { daysInMonth } from './calendar';
import { type ClockSpec } from './schedule';
import { WEEKDAYS } from './enums';
import { TRIGGER_ERRORS } from './errors';
import { createTrigger, type ScriptState } from './triggers';

type Trigger = GoogleAppsScript.Script.Trigger;

function intIn(n: unknown, lo: number, hi: number, name: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < lo || n > hi)
    throw invalidArgument(name);
  return n;
}

export type CTB = GoogleAppsScript.Script.ClockTriggerBuilder;
export class ClockTriggerBuilderImpl implements Pick<
  CTB,
  | 'after'
  | 'at'
  | 'atDate'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay'
> {
  private readonly spec: ClockSpec;
  constructor(
    private readonly state: ScriptState,
    private readonly handler: string,
  ) {
    this.spec = { timeZone: state.rt.timeZone };
  }
  /** Counts the call, then checks the argument (`patch` may throw) and keeps it. */
  private set(method: string, patch: () => Partial<ClockSpec>): CTB {
    this.state.rt.record('ScriptApp', `ClockTriggerBuilder.${method}`);
    Object.assign(this.spec, patch());
    return asGas<CTB>(this);
  }
  after(durationMilliseconds: number): CTB {
    return this.set('after', () => ({
      afterMs: intIn(durationMilliseconds, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds'),
    }));
  }
  at(date: GoogleAppsScript.Base.Date): CTB {
    return this.set('at', () => {
      const ms = date instanceof Date ? date.getTime() : NaN;
      if (Number.isNaN(ms)) throw invalidArgument('date');
      return { atMs: ms };
    });
  }
  atDate(year: number, month: number, day: number): CTB {
    return this.set('atDate', () => {
      const y = intIn(year, 1970, 9999, 'year');
      const m = intIn(month, 1, 12, 'month');
      return { atDate: { y, m, d: intIn(day, 1, daysInMonth(y, m), 'day') } };
    });
  }
  atHour(hour: number): CTB {
    return this.set('atHour', () => ({ hour: intIn(hour, 0, 23, 'hour') }));
  }
  nearMinute(minute: number): CTB {
    return this.set('nearMinute', () => ({ minute: intIn(minute, 0, 59, 'minute') }));
  }
  everyMinutes(n: number): CTB {
    return this.set('everyMinutes', () => {
      if (![1, 5, 10, 15, 30].includes(n)) throw gasError(TRIGGER_ERRORS.everyMinutes);
      return { everyMinutes: n };
    });
  }
  everyHours(n: number): CTB {
    return this.set('everyHours', () => ({ everyHours: intIn(n, 1, 24 * 365, 'hours') }));
  }
  everyDays(n: number): CTB {
    return this.set('everyDays', () => ({ everyDays: intIn(n, 1, 3650, 'days') }));
  }
  everyWeeks(n: number): CTB {
    return this.set('everyWeeks', () => ({ everyWeeks: intIn(n, 1, 520, 'weeks') }));
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): CTB {
    return this.set('onWeekDay', () => {
      const index = (WEEKDAYS as readonly string[]).indexOf(day as unknown as string);
      if (index < 0) throw invalidArgument('day');
      return { weekDay: index };
    });
  }
  onMonthDay(day: number): CTB {
    return this.set('onMonthDay', () => ({ monthDay: intIn(day, 1, 31, 'day') }));
  }
  inTimezone(timezone: string): CTB {
    return this.set('inTimezone', () => {
      if (typeof timezone !== 'string' || !isTimeZone(timezone)) throw invalidArgument('timezone');
      return { timeZone: timezone };
    });
  }
  create(): Trigger {
    return createTrigger(this.state, 'ClockTriggerBuilder.create', {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock: { ...this.spec },
    });
  }
}
