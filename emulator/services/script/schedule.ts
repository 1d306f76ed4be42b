/**
 * Clock schedules: what a clock trigger builder may combine, and when the trigger runs first
 * and next.
 */
import { gasError } from '../gas';
import { addDays, daysInMonth, instantOf, wallOf } from './calendar';
import { TRIGGER_ERRORS } from './errors';
import type { WallTime } from '../timezone';

export interface ClockSpec {
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

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function checkSpec(spec: ClockSpec): void {
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
export function timeOfDay(spec: ClockSpec, created: WallTime): { h: number; mi: number } {
  if (spec.hour !== undefined) return { h: spec.hour, mi: spec.minute ?? 0 };
  return { h: created.hour, mi: created.minute };
}

/** The first run strictly after `nowMs` (one-off triggers: their set time). */
export function firstRun(spec: ClockSpec, nowMs: number): number {
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
export function nextRun(spec: ClockSpec, prevMs: number, nowMs: number): number | null {
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
