/**
 * Wall-clock time in an IANA time zone, shared by every service that shows or schedules dates in
 * a zone (Utilities.formatDate, sheet number formats, form response sheets, clock triggers).
 */

/** English calendar names, as Google prints them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
  /** The zone's short name at that instant (`GMT+3`, `EST`). */
  zoneName: string;
}

// Building an Intl formatter is costly; one per zone serves every call.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone id. */
const knownZones = new Map<string, boolean>();

export function isTimeZone(timeZone: string): boolean {
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(timeZone, known);
  }
  return known;
}

/**
 * A zone's offset from UTC and its name over one UTC day, when they are the same at the day's
 * first and last second (no transition that day); null on a transition day. Intl's
 * formatToParts is the costly part of a wall time (a workbook's dates, formatDate), and
 * offsets change a couple of times a year: the day's figures serve its every instant.
 */
interface ZoneDay {
  offsetMs: number;
  zoneName: string;
}
const DAY_MS = 86_400_000;
const zoneDays = new Map<string, Map<number, ZoneDay | null>>();

function zoneDay(timeZone: string, day: number): ZoneDay | null {
  let days = zoneDays.get(timeZone);
  if (!days) {
    days = new Map();
    zoneDays.set(timeZone, days);
  }
  let known = days.get(day);
  if (known === undefined) {
    if (days.size > 20_000) days.clear();
    const first = day * DAY_MS;
    const last = first + DAY_MS - 1000;
    const a = intlWallTime(new Date(first), timeZone);
    const b = intlWallTime(new Date(last), timeZone);
    const offset = utcOfWall(a) - first;
    known =
      offset === utcOfWall(b) - last && a.zoneName === b.zoneName
        ? { offsetMs: offset, zoneName: a.zoneName }
        : null;
    days.set(day, known);
  }
  return known;
}

/** The date and time a wall clock in `timeZone` shows at `date`. */
export function wallTime(date: Date, timeZone: string): WallTime {
  const ms = date.getTime();
  // 1970–2100: whole-minute offsets (earlier local mean times had seconds).
  if (ms >= 0 && ms < 4_102_444_800_000) {
    const zone = zoneDay(timeZone, Math.floor(ms / DAY_MS));
    if (zone) return wallAtOffset(ms, zone.offsetMs, zone.zoneName);
  }
  return intlWallTime(date, timeZone);
}

/** The wall time of an instant in a zone `offsetMs` ahead of UTC, named `zoneName`. */
export function wallAtOffset(ms: number, offsetMs: number, zoneName: string): WallTime {
  const wall = new Date(ms + offsetMs);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
    zoneName,
  };
}

function intlWallTime(date: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    year,
    month,
    day,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    zoneName: parts.timeZoneName ?? timeZone,
  };
}

/** The wall time read as a UTC time, in milliseconds. */
export function utcOfWall(w: WallTime, millisecond = 0): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millisecond);
}

/** The wall time as if it were UTC: what spreadsheet files store for a date. */
export function wallAsUtc(date: Date, timeZone: string): Date {
  return new Date(utcOfWall(wallTime(date, timeZone), date.getUTCMilliseconds()));
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
export function offsetMs(instant: number, timeZone: string): number {
  return wallAsUtc(new Date(instant), timeZone).getTime() - instant;
}

/**
 * The instant whose wall time in `timeZone` is `wallUtc` read as UTC. A wall time that a
 * daylight-saving jump skips comes out shifted forward by the jump, as Java's lenient calendar
 * does; one that occurs twice comes out as its later instant.
 */
export function instantOfWall(wallUtc: number, timeZone: string): Date {
  let guess = wallUtc - offsetMs(wallUtc, timeZone);
  guess = wallUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}
