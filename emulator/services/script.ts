/**
 * The emulated `ScriptApp` global: installable triggers, and firing them.
 *
 * Triggers fire through `rt.invokeHandler(handlerFunction, event)`:
 * - form submissions: FormApp emits `formSubmit` on the runtime bus; every ON_FORM_SUBMIT
 *   trigger of that form (event `{authMode, response, source, triggerUid}`) or of its
 *   destination spreadsheet (event `{authMode, namedValues, range, source, triggerUid, values}`,
 *   `values` as displayed strings) fires. Fault switches: `rt.faults.blankSubmitEvents` first
 *   fires an extra spreadsheet event whose values are all '' (Google's "blank" event);
 *   `rt.faults.duplicateSubmitEvents` fires every event twice.
 * - time: see `__runDueTimeTriggers` and `__runTimeTriggersUntil` below.
 * A handler that throws does not stop Google (the failure goes to the executions log), so it
 * does not stop the emulator either: the error is kept in `__getExecutions()`.
 *
 * Non-Google helpers:
 * - `__runDueTimeTriggers()`: fires, once each, every clock trigger due at `rt.clock.now()`,
 *   then schedules its next run (missed runs are not replayed, as in Google).
 * - `__runTimeTriggersUntil(until)`: moves `rt.clock` to each due time up to `until` in order,
 *   firing as it goes, then to `until`.
 * - `__nextRunOf(trigger)`: when a clock trigger fires next (null: never again).
 * - `__fireTriggers(sourceId, eventType, fields)`: fires ON_OPEN / ON_EDIT / ON_CHANGE
 *   triggers of a document, e.g. to emulate a user opening the spreadsheet.
 * - `__getExecutions()`: every handler run, with its error if it threw.
 * - `__throwHandlerErrors(on)`: rethrow handler errors instead (for debugging tests).
 * - `__runAsUser(email, fn)`: manage triggers as another user (triggers belong to the user who
 *   created them; `getProjectTriggers` and the limit of 20 are per user).
 *
 * Emulation choices where Google does not say: a clock trigger fires exactly at its time
 * (`nearMinute` is exact, `everyDays` without `atHour` keeps the creation's time of day); a
 * one-off trigger (`after`, `at`, `atDate`) stays listed after it has run, until deleted; the
 * time event's fields are in the trigger's time zone, `day-of-week` 1 = Monday .. 7 = Sunday.
 */
import type { Runtime } from '../runtime';
import type { FormSubmitPayload } from './forms';
import { enumOf } from './enum';
import { instantOfWall, isTimeZone, wallTime, type WallTime } from './timezone';
import { asGas, gasEnum, gasEnumMember, unchecked, gasError, invalidArgument } from './gas';

type S = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;

/** Google's texts (the first is documented; the others follow Google's "Invalid argument" style). */
export const TRIGGER_ERRORS = {
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  everyMinutes: 'Invalid argument: minutes. Valid values are 1, 5, 10, 15 and 30.',
  noSchedule:
    'You must specify the frequency of the trigger (for example everyDays, everyHours or at).',
  twoSchedules: 'Only one frequency can be set for a time-based trigger.',
  hourNeedsDays:
    'atHour() can only be used with everyDays(), everyWeeks(), onWeekDay() or onMonthDay().',
  minuteNeedsHours: 'nearMinute() can only be used with everyHours() or atHour().',
  noEvent: 'You must choose the event the trigger fires on (for example onFormSubmit()).',
} as const;

export const MAX_TRIGGERS_PER_USER = 20;

const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
const EVENT_TYPES = [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const;
type EventTypeName = (typeof EVENT_TYPES)[number];
const EventType = enumOf(...EVENT_TYPES);
const InstallationSource = enumOf('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON');
const TRIGGER_SOURCES = ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const;
type TriggerSourceName = (typeof TRIGGER_SOURCES)[number];
const TriggerSource = enumOf(...TRIGGER_SOURCES);
const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
const WeekDay = enumOf(...WEEKDAYS);

// ---------------------------------------------------------------------------------------------
// Wall-clock time in a zone (schedules are in local time: "every day at 9").

/** The instant at which the wall clock in `timeZone` shows this date and time. */
function instantOf(
  y: number,
  m: number,
  d: number,
  h: number,
  mi: number,
  timeZone: string,
): number {
  return instantOfWall(Date.UTC(y, m - 1, d, h, mi), timeZone).getTime();
}

function wallOf(ms: number, timeZone: string): WallTime {
  return wallTime(new Date(ms), timeZone);
}

/** Calendar date `days` after the wall date (month and year roll over). */
function addDays(w: WallTime, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const DAY = 86_400_000;

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(w: WallTime): number {
  const date = Date.UTC(w.year, w.month - 1, w.day);
  const thursday = date + (3 - ((w.weekday + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1Thursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  return 1 + Math.round((thursday - week1Thursday) / (7 * DAY));
}

// ---------------------------------------------------------------------------------------------
// Clock schedules.

interface ClockSpec {
  afterMs?: number;
  atMs?: number;
  atDate?: { y: number; m: number; d: number };
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  weekDay?: number;
  monthDay?: number;
  hour?: number;
  minute?: number;
  timeZone: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function checkSpec(spec: ClockSpec): void {
  const oneOff = [spec.afterMs, spec.atMs, spec.atDate].filter((x) => x !== undefined).length;
  const weekly = spec.everyWeeks !== undefined || spec.weekDay !== undefined;
  const recurring =
    [spec.everyMinutes, spec.everyHours, spec.everyDays, spec.monthDay].filter(
      (x) => x !== undefined,
    ).length + (weekly ? 1 : 0);
  if (oneOff + recurring === 0) throw gasError(TRIGGER_ERRORS.noSchedule);
  if (oneOff + recurring > 1) throw gasError(TRIGGER_ERRORS.twoSchedules);
  const daily =
    spec.everyDays !== undefined ||
    weekly ||
    spec.monthDay !== undefined ||
    spec.atDate !== undefined;
  if (spec.hour !== undefined && !daily) throw gasError(TRIGGER_ERRORS.hourNeedsDays);
  if (spec.minute !== undefined && spec.everyHours === undefined && spec.hour === undefined) {
    throw gasError(TRIGGER_ERRORS.minuteNeedsHours);
  }
}

/** Time of day of a daily/weekly/monthly trigger: `atHour` (+ `nearMinute`), else creation's. */
function timeOfDay(spec: ClockSpec, created: WallTime): { h: number; mi: number } {
  if (spec.hour !== undefined) return { h: spec.hour, mi: spec.minute ?? 0 };
  return { h: created.hour, mi: created.minute };
}

/** The first run strictly after `nowMs` (one-off triggers: their set time). */
function firstRun(spec: ClockSpec, nowMs: number): number {
  const tz = spec.timeZone;
  const now = wallOf(nowMs, tz);
  if (spec.afterMs !== undefined) return nowMs + spec.afterMs;
  if (spec.atMs !== undefined) return spec.atMs;
  if (spec.atDate)
    return instantOf(
      spec.atDate.y,
      spec.atDate.m,
      spec.atDate.d,
      spec.hour ?? 0,
      spec.minute ?? 0,
      tz,
    );
  if (spec.everyMinutes !== undefined) return nowMs + spec.everyMinutes * MINUTE;
  if (spec.everyHours !== undefined) {
    if (spec.minute === undefined) return nowMs + spec.everyHours * HOUR;
    let t = instantOf(now.year, now.month, now.day, now.hour, spec.minute, tz);
    while (t <= nowMs) t += HOUR;
    return t;
  }
  const { h, mi } = timeOfDay(spec, now);
  for (let k = 0; k <= 366 * 2; k += 1) {
    const day = addDays(now, k);
    if (spec.monthDay !== undefined && day.d !== spec.monthDay) continue;
    const t = instantOf(day.y, day.m, day.d, h, mi, tz);
    if (t <= nowMs) continue;
    if (spec.weekDay !== undefined || spec.everyWeeks !== undefined) {
      const wd = spec.weekDay ?? now.weekday;
      if (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() !== wd) continue;
    }
    return t;
  }
  throw gasError(TRIGGER_ERRORS.noSchedule);
}

/** The run after `prevMs`, skipping runs missed before `nowMs`; null for a one-off trigger. */
function nextRun(spec: ClockSpec, prevMs: number, nowMs: number): number | null {
  const tz = spec.timeZone;
  const step =
    spec.everyMinutes !== undefined
      ? spec.everyMinutes * MINUTE
      : spec.everyHours !== undefined
        ? spec.everyHours * HOUR
        : 0;
  if (step > 0) return prevMs + (Math.floor((nowMs - prevMs) / step) + 1) * step;
  const days =
    spec.everyDays ??
    (spec.everyWeeks !== undefined || spec.weekDay !== undefined ? 7 * (spec.everyWeeks ?? 1) : 0);
  let t = prevMs;
  if (days > 0) {
    while (t <= nowMs) {
      const w = wallOf(t, tz);
      const next = addDays(w, days);
      t = instantOf(next.y, next.m, next.d, w.hour, w.minute, tz);
    }
    return t;
  }
  if (spec.monthDay !== undefined) {
    while (t <= nowMs) {
      const w = wallOf(t, tz);
      let { year: y, month: m } = w;
      do {
        m += 1;
        if (m > 12) [y, m] = [y + 1, 1];
      } while (daysInMonth(y, m) < spec.monthDay);
      t = instantOf(y, m, spec.monthDay, w.hour, w.minute, tz);
    }
    return t;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Triggers.

interface TriggerRecord {
  uid: string;
  handler: string;
  owner: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  clock: ClockSpec | null;
  nextRunMs: number | null;
}

export interface Execution {
  handler: string;
  triggerUid: string;
  eventType: string;
  at: Date;
  error?: string;
}

interface ScriptState {
  rt: Runtime;
  triggers: TriggerRecord[];
  executions: Execution[];
  user: string;
  throwHandlerErrors: boolean;
  lastUid: number;
}

class TriggerImpl implements Pick<
  Trigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  constructor(
    private readonly state: ScriptState,
    readonly record: TriggerRecord,
  ) {}
  private count(method: string): void {
    this.state.rt.record('ScriptApp', `Trigger.${method}`);
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.count('getEventType');
    return gasEnumMember<GoogleAppsScript.Script.EventType>(this.record.eventType);
  }
  getHandlerFunction(): string {
    this.count('getHandlerFunction');
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.count('getTriggerSource');
    return gasEnumMember<GoogleAppsScript.Script.TriggerSource>(this.record.source);
  }
  /** The spreadsheet, form or document id; null for a clock trigger, as in Google. */
  getTriggerSourceId(): string {
    this.count('getTriggerSourceId');
    return asGas<string>(this.record.sourceId);
  }
  getUniqueId(): string {
    this.count('getUniqueId');
    return this.record.uid;
  }
}

function createTrigger(
  state: ScriptState,
  method: string,
  fields: Omit<TriggerRecord, 'uid' | 'owner' | 'nextRunMs'>,
): Trigger {
  state.rt.assertWritable(method);
  state.rt.record('ScriptApp', method);
  const own = state.triggers.filter((t) => t.owner === state.user).length;
  if (own >= MAX_TRIGGERS_PER_USER) throw gasError(TRIGGER_ERRORS.tooMany);
  if (fields.clock) checkSpec(fields.clock);
  state.lastUid += 1;
  const record: TriggerRecord = {
    ...fields,
    uid: String(state.lastUid),
    owner: state.user,
    nextRunMs: fields.clock ? firstRun(fields.clock, state.rt.clock.nowMs()) : null,
  };
  state.triggers.push(record);
  return asGas<Trigger>(new TriggerImpl(state, record));
}

type Container = { getId(): string };

function idOf(target: Container | string, name: string): string {
  if (typeof target === 'string' && target !== '') return target;
  if (target && typeof target === 'object' && typeof target.getId === 'function')
    return target.getId();
  throw invalidArgument(name);
}

/** The event-choosing builders (spreadsheet, form, document) share this shape. */
class SourceTriggerBuilder {
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly state: ScriptState,
    private readonly cls: string,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
  ) {}
  protected on<T>(method: string, type: EventTypeName): T {
    this.state.rt.record('ScriptApp', `${this.cls}.${method}`);
    this.eventType = type;
    return unchecked<T>(this);
  }
  create(): Trigger {
    if (this.eventType === null) {
      this.state.rt.record('ScriptApp', `${this.cls}.create`);
      throw gasError(TRIGGER_ERRORS.noEvent);
    }
    return createTrigger(this.state, `${this.cls}.create`, {
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      clock: null,
    });
  }
}

type STB = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
class SpreadsheetTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<STB, 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit' | 'create'>
{
  onOpen(): STB {
    return this.on('onOpen', 'ON_OPEN');
  }
  onEdit(): STB {
    return this.on('onEdit', 'ON_EDIT');
  }
  onChange(): STB {
    return this.on('onChange', 'ON_CHANGE');
  }
  onFormSubmit(): STB {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
}

type FTB = GoogleAppsScript.Script.FormTriggerBuilder;
class FormTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<FTB, 'onOpen' | 'onFormSubmit' | 'create'>
{
  onOpen(): FTB {
    return this.on('onOpen', 'ON_OPEN');
  }
  onFormSubmit(): FTB {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
}

type DTB = GoogleAppsScript.Script.DocumentTriggerBuilder;
class DocumentTriggerBuilderImpl
  extends SourceTriggerBuilder
  implements Pick<DTB, 'onOpen' | 'create'>
{
  onOpen(): DTB {
    return this.on('onOpen', 'ON_OPEN');
  }
}

function intIn(n: unknown, lo: number, hi: number, name: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < lo || n > hi)
    throw invalidArgument(name);
  return n;
}

type CTB = GoogleAppsScript.Script.ClockTriggerBuilder;
class ClockTriggerBuilderImpl implements Pick<
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

type TB = GoogleAppsScript.Script.TriggerBuilder;
class TriggerBuilderImpl implements Pick<
  TB,
  'forSpreadsheet' | 'forForm' | 'forDocument' | 'timeBased'
> {
  constructor(
    private readonly state: ScriptState,
    private readonly handler: string,
  ) {}
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): STB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forSpreadsheet');
    const id = idOf(sheet, 'sheet');
    return asGas<STB>(
      new SpreadsheetTriggerBuilderImpl(
        this.state,
        'SpreadsheetTriggerBuilder',
        this.handler,
        'SPREADSHEETS',
        id,
      ),
    );
  }
  forForm(form: GoogleAppsScript.Forms.Form | string): FTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forForm');
    const id = idOf(form, 'form');
    return asGas<FTB>(
      new FormTriggerBuilderImpl(this.state, 'FormTriggerBuilder', this.handler, 'FORMS', id),
    );
  }
  forDocument(document: GoogleAppsScript.Document.Document | string): DTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.forDocument');
    const id = idOf(document, 'document');
    return asGas<DTB>(
      new DocumentTriggerBuilderImpl(
        this.state,
        'DocumentTriggerBuilder',
        this.handler,
        'DOCUMENTS',
        id,
      ),
    );
  }
  timeBased(): CTB {
    this.state.rt.record('ScriptApp', 'TriggerBuilder.timeBased');
    return asGas<CTB>(new ClockTriggerBuilderImpl(this.state, this.handler));
  }
}

// ---------------------------------------------------------------------------------------------
// Firing.

function invoke(state: ScriptState, t: TriggerRecord, event: Record<string, unknown>): void {
  const execution: Execution = {
    handler: t.handler,
    triggerUid: t.uid,
    eventType: t.eventType,
    at: state.rt.clock.now(),
  };
  state.executions.push(execution);
  try {
    state.rt.invokeHandler(t.handler, event);
  } catch (e) {
    execution.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (state.throwHandlerErrors) throw e;
  }
}

/** Fires a trigger's events, applying the duplicate-event fault. */
function fire(state: ScriptState, t: TriggerRecord, events: Array<Record<string, unknown>>): void {
  for (const event of events) {
    invoke(state, t, event);
    if (state.rt.faults.duplicateSubmitEvents && t.eventType === 'ON_FORM_SUBMIT')
      invoke(state, t, { ...event });
  }
}

function onFormSubmit(state: ScriptState, p: FormSubmitPayload): void {
  for (const t of [...state.triggers]) {
    if (t.eventType !== 'ON_FORM_SUBMIT') continue;
    const base = { authMode: AuthMode.FULL, triggerUid: t.uid };
    if (t.source === 'FORMS' && t.sourceId === p.formId) {
      fire(state, t, [{ ...base, response: p.response, source: p.form }]);
    } else if (
      t.source === 'SPREADSHEETS' &&
      p.spreadsheetId !== undefined &&
      t.sourceId === p.spreadsheetId
    ) {
      const values = p.values ?? [];
      const namedValues = p.namedValues ?? {};
      const real = { ...base, namedValues, range: p.range, source: p.spreadsheet, values };
      const events: Array<Record<string, unknown>> = [real];
      if (state.rt.faults.blankSubmitEvents) {
        const blankNamed = Object.fromEntries(
          Object.entries(namedValues).map(([k, v]) => [k, v.map(() => '')]),
        );
        events.unshift({ ...real, values: values.map(() => ''), namedValues: blankNamed });
      }
      fire(state, t, events);
    }
  }
}

function clockEvent(t: TriggerRecord, atMs: number): Record<string, unknown> {
  const tz = t.clock?.timeZone ?? 'UTC';
  const w = wallOf(atMs, tz);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uid,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    'week-of-year': isoWeek(w),
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: tz,
  };
}

function runDue(state: ScriptState): Execution[] {
  const nowMs = state.rt.clock.nowMs();
  const due = state.triggers
    .filter((t) => t.clock && t.nextRunMs !== null && t.nextRunMs <= nowMs)
    .sort((a, b) => (a.nextRunMs as number) - (b.nextRunMs as number));
  const before = state.executions.length;
  for (const t of due) {
    const scheduled = t.nextRunMs as number;
    t.nextRunMs = nextRun(t.clock as ClockSpec, scheduled, nowMs);
    fire(state, t, [clockEvent(t, nowMs)]);
  }
  return state.executions.slice(before);
}

// ---------------------------------------------------------------------------------------------
// The global.

type ScriptAppType = GoogleAppsScript.Script.ScriptApp;
type Emulated =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getOAuthToken'
  | 'getIdentityToken'
  | 'getService'
  | 'invalidateAuth'
  | 'getAuthorizationInfo'
  | 'getInstallationSource'
  | 'requireScopes'
  | 'requireAllScopes';

export class ScriptAppImpl implements Pick<ScriptAppType, Emulated> {
  readonly AuthMode = gasEnum<S['AuthMode']>(AuthMode);
  readonly AuthorizationStatus = gasEnum<S['AuthorizationStatus']>(AuthorizationStatus);
  readonly EventType = gasEnum<S['EventType']>(EventType);
  readonly InstallationSource = gasEnum<S['InstallationSource']>(InstallationSource);
  readonly TriggerSource = gasEnum<S['TriggerSource']>(TriggerSource);
  readonly WeekDay = gasEnum<typeof GoogleAppsScript.Base.Weekday>(WeekDay);
  private readonly scriptId: string;

  constructor(private readonly state: ScriptState) {
    this.scriptId = state.rt.nextId('1ScriptId');
  }

  private count(method: string): void {
    this.state.rt.record('ScriptApp', `ScriptApp.${method}`);
  }

  private view(t: TriggerRecord): Trigger {
    return asGas<Trigger>(new TriggerImpl(this.state, t));
  }

  newTrigger(functionName: string): TB {
    this.count('newTrigger');
    if (typeof functionName !== 'string' || functionName === '')
      throw invalidArgument('functionName');
    return asGas<TB>(new TriggerBuilderImpl(this.state, functionName));
  }

  /** The current user's triggers of this script. */
  getProjectTriggers(): Trigger[] {
    this.count('getProjectTriggers');
    return this.state.triggers.filter((t) => t.owner === this.state.user).map((t) => this.view(t));
  }

  /** The current user's triggers of this script on that spreadsheet, form or document. */
  getUserTriggers(
    container:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Forms.Form
      | GoogleAppsScript.Document.Document,
  ): Trigger[] {
    this.count('getUserTriggers');
    const id = idOf(container, 'document');
    return this.state.triggers
      .filter((t) => t.owner === this.state.user && t.sourceId === id)
      .map((t) => this.view(t));
  }

  deleteTrigger(trigger: Trigger): void {
    this.state.rt.assertWritable('ScriptApp.deleteTrigger');
    this.count('deleteTrigger');
    if (!(trigger instanceof TriggerImpl)) throw invalidArgument('trigger');
    const uid = trigger.record.uid;
    this.state.triggers = this.state.triggers.filter((t) => t.uid !== uid);
  }

  getScriptId(): string {
    this.count('getScriptId');
    return this.scriptId;
  }

  getOAuthToken(): string {
    this.count('getOAuthToken');
    return 'ya29.emulated-oauth-token';
  }

  getIdentityToken(): string {
    this.count('getIdentityToken');
    return 'eyJhbGciOiJub25lIn0.emulated.identity';
  }

  getService(): GoogleAppsScript.Script.Service {
    this.count('getService');
    const url = `https://script.google.com/macros/s/${this.scriptId}/exec`;
    return asGas<GoogleAppsScript.Script.Service>({ getUrl: () => url, isEnabled: () => true });
  }

  invalidateAuth(): void {
    this.count('invalidateAuth');
  }

  /** The emulated user has granted everything the script asks for. */
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    this.count('getAuthorizationInfo');
    return asGas<GoogleAppsScript.Script.AuthorizationInfo>({
      getAuthorizationStatus: () =>
        gasEnumMember<GoogleAppsScript.Script.AuthorizationStatus>(
          AuthorizationStatus.NOT_REQUIRED,
        ),
      getAuthorizationUrl: () => asGas<string>(null),
    });
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    this.count('getInstallationSource');
    return gasEnumMember<GoogleAppsScript.Script.InstallationSource>(InstallationSource.NONE);
  }

  requireScopes(_authMode: GoogleAppsScript.Script.AuthMode, _oAuthScopes: string[]): void {
    this.count('requireScopes');
  }

  requireAllScopes(_authMode: GoogleAppsScript.Script.AuthMode): void {
    this.count('requireAllScopes');
  }

  // --- Non-Google helpers (not counted) ---

  __runDueTimeTriggers(): Execution[] {
    return runDue(this.state);
  }

  __runTimeTriggersUntil(until: Date | string | number): Execution[] {
    const end = new Date(until).getTime();
    const clock = this.state.rt.clock;
    const out: Execution[] = [];
    for (;;) {
      const pending = this.state.triggers
        .map((t) => t.nextRunMs)
        .filter((ms): ms is number => ms !== null && ms <= end);
      if (pending.length === 0) break;
      const next = Math.min(...pending);
      if (next > clock.nowMs()) clock.set(next);
      out.push(...runDue(this.state));
    }
    if (end > clock.nowMs()) clock.set(end);
    return out;
  }

  __nextRunOf(trigger: Trigger): Date | null {
    if (!(trigger instanceof TriggerImpl)) throw invalidArgument('trigger');
    const ms = trigger.record.nextRunMs;
    return ms === null ? null : new Date(ms);
  }

  __fireTriggers(
    sourceId: string,
    eventType: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE',
    fields: Record<string, unknown> = {},
  ): Execution[] {
    const before = this.state.executions.length;
    for (const t of [...this.state.triggers]) {
      if (t.sourceId !== sourceId || t.eventType !== eventType) continue;
      fire(this.state, t, [{ authMode: AuthMode.FULL, triggerUid: t.uid, ...fields }]);
    }
    return this.state.executions.slice(before);
  }

  __getExecutions(): Execution[] {
    return this.state.executions.map((e) => ({ ...e }));
  }

  __throwHandlerErrors(on: boolean): void {
    this.state.throwHandlerErrors = on;
  }

  __runAsUser<T>(email: string, fn: () => T): T {
    const previous = this.state.user;
    this.state.user = email;
    try {
      return fn();
    } finally {
      this.state.user = previous;
    }
  }
}

export function createScriptApp(rt: Runtime): ScriptAppImpl {
  const state: ScriptState = {
    rt,
    triggers: [],
    executions: [],
    user: rt.userEmail,
    throwHandlerErrors: false,
    lastUid: 7_000_000_000,
  };
  rt.on('formSubmit', (payload) => onFormSubmit(state, payload as FormSubmitPayload));
  return new ScriptAppImpl(state);
}
