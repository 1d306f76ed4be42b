/**
 * Submission times as offline files carry them. Russian Excel and Google's Russian-locale CSV
 * write `15.05.2022 9:05:00` (local time of the municipality); other tools write ISO
 * (`2022-05-15T09:05:00+03:00`). A time without a zone is read in `timeZone`.
 */
import { instantOfWall } from '../emulator/services/timezone';

const RUSSIAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or null when the text is not a date and time. */
export function parseTimestamp(text: string, timeZone: string): number | null {
  const value = text.trim();
  const ru = RUSSIAN.exec(value);
  if (ru) {
    const [, d, m, y, h = '0', min = '0', s = '0'] = ru;
    return local(+y, +m, +d, +h, +min, +s, 0, timeZone);
  }
  const iso = ISO.exec(value);
  if (!iso) return null;
  const [, y, m, d, h = '0', min = '0', s = '0', ms = '0', zone] = iso;
  const millis = Number(ms.padEnd(3, '0'));
  if (!zone) return local(+y, +m, +d, +h, +min, +s, millis, timeZone);
  const wall = checked(+y, +m, +d, +h, +min, +s, millis);
  if (wall === null) return null;
  if (zone.toUpperCase() === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return wall - sign * offset;
}

/** The wall time read as UTC, or null when a part is out of range (31.02, 25:00). */
function checked(
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  s: number,
  ms: number,
): number | null {
  const t = Date.UTC(y, m - 1, d, h, min, s, ms);
  const back = new Date(t);
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === m - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === min &&
    back.getUTCSeconds() === s;
  return same ? t : null;
}

function local(
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  s: number,
  ms: number,
  timeZone: string,
): number | null {
  const wall = checked(y, m, d, h, min, s, ms);
  return wall === null ? null : instantOfWall(wall, timeZone).getTime();
}

/** A spreadsheet date cell (its wall time stored as UTC, as .xlsx files do) as ISO text. */
export function wallDateText(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/Z$/, '');
}
