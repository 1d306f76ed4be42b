/**
 * Wall-clock time in a zone (schedules are in local time: "every day at 9"): calendar
 * arithmetic for clock triggers.
 */
import { instantOfWall, wallTime, type WallTime } from '../timezone';

/** The instant at which the wall clock in `timeZone` shows this date and time. */
export function instantOf(
  y: number,
  m: number,
  d: number,
  h: number,
  mi: number,
  timeZone: string,
): number {
  return instantOfWall(Date.UTC(y, m - 1, d, h, mi), timeZone).getTime();
}

export function wallOf(ms: number, timeZone: string): WallTime {
  return wallTime(new Date(ms), timeZone);
}

/** Calendar date `days` after the wall date (month and year roll over). */
export function addDays(w: WallTime, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export const DAY = 86_400_000;

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(w: WallTime): number {
  const date = Date.UTC(w.year, w.month - 1, w.day);
  const thursday = date + (3 - ((w.weekday + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1Thursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  return 1 + Math.round((thursday - week1Thursday) / (7 * DAY));
}
