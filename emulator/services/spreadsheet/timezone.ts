/** Wall-clock parts of an instant in an IANA time zone, and Google/Excel serial day numbers. */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

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
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTime(date: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** The wall time as if it were UTC: what spreadsheet files store for a date. */
export function wallAsUtc(date: Date, timeZone: string): Date {
  const w = wallTime(date, timeZone);
  return new Date(
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, date.getUTCMilliseconds()),
  );
}

function offsetMs(instant: number, timeZone: string): number {
  return wallAsUtc(new Date(instant), timeZone).getTime() - instant;
}

/** The instant whose wall time in `timeZone` is `wallUtc` read as UTC. */
export function instantOfWall(wallUtc: number, timeZone: string): Date {
  let guess = wallUtc - offsetMs(wallUtc, timeZone);
  guess = wallUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}

const MS_PER_DAY = 86_400_000;
/** Serial day 0 is 1899-12-30, as in Sheets and Excel. */
const EPOCH_OFFSET_DAYS = 25569;

export function dateToSerial(date: Date, timeZone: string): number {
  return wallAsUtc(date, timeZone).getTime() / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  return instantOfWall(Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY), timeZone);
}
