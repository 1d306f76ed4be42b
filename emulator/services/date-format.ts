/**
 * Java SimpleDateFormat patterns (what Utilities.formatDate takes), rendered with Intl in a given
 * time zone. English names, as Apps Script prints them.
 */
import {
  MONTH_NAMES,
  WEEKDAY_NAMES,
  isTimeZone,
  utcOfWall,
  wallAtOffset,
  wallTime,
} from './timezone';
import { gasError } from './gas';

/** Wall-clock fields of an instant in a zone, plus the zone's offset in minutes. */
export interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
  zoneName: string;
}

const GMT_OFFSET = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Java treats an unknown zone id as GMT; so do we. */
function resolveZone(timeZone: string): { intlZone: string; fixedOffset?: number } {
  const fixed = GMT_OFFSET.exec(timeZone.trim());
  if (fixed) {
    const sign = fixed[1] === '-' ? -1 : 1;
    return { intlZone: 'UTC', fixedOffset: sign * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) };
  }
  return { intlZone: isTimeZone(timeZone) ? timeZone : 'UTC' };
}

export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const ms = date.getTime();
  const { intlZone, fixedOffset } = resolveZone(timeZone);
  if (fixedOffset !== undefined) {
    return {
      ...wallAtOffset(ms, fixedOffset * 60000, timeZone.toUpperCase()),
      millisecond: date.getUTCMilliseconds(),
      offsetMinutes: fixedOffset,
    };
  }
  const wall = wallTime(date, intlZone);
  const millisecond = date.getUTCMilliseconds();
  const offsetMinutes = Math.round((utcOfWall(wall, millisecond) - ms) / 60000);
  return { ...wall, millisecond, offsetMinutes };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(minutes: number, withColon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return sign + hh;
  return sign + hh + (withColon ? ':' : '') + pad(abs % 60, 2);
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

function renderField(letter: string, count: number, f: ZonedFields): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTH_NAMES[f.month - 1];
      if (count === 3) return MONTH_NAMES[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E':
      return count >= 4 ? WEEKDAY_NAMES[f.weekday] : WEEKDAY_NAMES[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return f.zoneName;
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return offsetText(f.offsetMinutes, count >= 3, count === 1);
    default:
      throw gasError(`Illegal pattern character '${letter}'`);
  }
}

/** Formats like Java's SimpleDateFormat(pattern) with the zone set, as Utilities.formatDate does. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const f = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      // '' is a literal quote; 'text' is literal text (with '' inside meaning a quote).
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i += 1;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
        out += pattern[i];
        i += 1;
      }
      i += 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += renderField(ch, count, f);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** The calendar day (yyyy-MM-dd) of an instant in a zone: quota days turn over at local midnight. */
export function dayKey(date: Date, timeZone: string): string {
  return formatJavaDate(date, timeZone, 'yyyy-MM-dd');
}
