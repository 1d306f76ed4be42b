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

/** The date and time a wall clock in `timeZone` shows at `date`. */
export function wallTime(date: Date, timeZone: string): WallTime {
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
