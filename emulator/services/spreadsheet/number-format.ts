/**
 * Renders a cell value as Sheets displays it under a number format: the subset the product uses
 * (`0`, `0.0`, `0.00`, `0%`, `0.0%`, `#,##0`, `dd.MM.yyyy`, `dd.MM.yyyy HH:mm:ss`, `@`) and the
 * general rules behind them (digit placeholders, grouping, percent, quoted literals, sections;
 * date letters y/M/d/H/h/m/s/AM/PM where `m` means minutes next to hours or seconds).
 * Automatic format: numbers as Sheets shows them (at most 10 decimals), booleans TRUE/FALSE,
 * dates in `M/d/yyyy H:mm:ss` in the spreadsheet's time zone.
 */
import {
  AUTOMATIC_FORMAT,
  DEFAULT_DATE_FORMAT,
  FormulaCell,
  TEXT_FORMAT,
  type StoredCell,
} from './cell-values';
import { MONTH_NAMES, WEEKDAY_NAMES, wallTime } from '../timezone';
import { dateToSerial, serialToDate } from './serial-date';

interface Piece {
  ch: string;
  literal: boolean;
}

/** Splits a format into characters, marking quoted/escaped ones literal and dropping [..] tags. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      for (const q of section.slice(i + 1, stop)) out.push({ ch: q, literal: true });
      i = stop;
    } else if (ch === '\\' && i + 1 < section.length) {
      out.push({ ch: section[++i], literal: true });
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if ((ch === '_' || ch === '*') && i + 1 < section.length) {
      i++; // padding directives: no visible effect in a display string
    } else {
      out.push({ ch, literal: false });
    }
  }
  return out;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** Caches a function of a format string: a sheet has few distinct formats and many cells. */
function memo<T>(fn: (format: string) => T): (format: string) => T {
  const cache = new Map<string, T>();
  return (format) => {
    let v = cache.get(format);
    if (v === undefined && !cache.has(format)) {
      v = fn(format);
      cache.set(format, v);
    }
    return v as T;
  };
}

export const isDateFormat = memo((format: string): boolean => {
  const free = pieces(splitSections(format)[0])
    .filter((p) => !p.literal)
    .map((p) => p.ch)
    .join('');
  if (/[0#?]/.test(free) || /^general$/i.test(free)) return false;
  return /[dyhsm]/i.test(free);
});

function roundTo(value: number, decimals: number): number {
  return Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
}

/** One section of a number format, taken apart once. */
interface NumberPattern {
  /** The section has no digit placeholder: it is shown as is. */
  literalOnly: boolean;
  prefix: string;
  suffix: string;
  percent: boolean;
  hasDot: boolean;
  grouping: boolean;
  minInt: number;
  minDec: number;
  maxDec: number;
}

const numberPattern = memo((section: string): NumberPattern => {
  const ps = pieces(section);
  const join = (xs: Piece[]) => xs.map((p) => p.ch).join('');
  const isPlaceholder = (p: Piece) => !p.literal && /[0#?]/.test(p.ch);
  const first = ps.findIndex(isPlaceholder);
  const percent = ps.some((p) => !p.literal && p.ch === '%');
  if (first < 0) {
    return {
      literalOnly: true,
      prefix: join(ps),
      suffix: '',
      percent,
      hasDot: false,
      grouping: false,
      minInt: 0,
      minDec: 0,
      maxDec: 0,
    };
  }
  let last = first;
  ps.forEach((p, i) => {
    if (isPlaceholder(p)) last = i;
  });
  // A decimal point right after the last placeholder ("0.") belongs to the number.
  if (ps[last + 1] && !ps[last + 1].literal && ps[last + 1].ch === '.') last += 1;
  const core = join(ps.slice(first, last + 1).filter((p) => !p.literal));
  const dot = core.indexOf('.');
  const intPattern = dot < 0 ? core : core.slice(0, dot);
  const decPattern = dot < 0 ? '' : core.slice(dot + 1);
  return {
    literalOnly: false,
    prefix: join(ps.slice(0, first)),
    suffix: join(ps.slice(last + 1)),
    percent,
    hasDot: dot >= 0,
    grouping: intPattern.includes(','),
    minInt: (intPattern.match(/0/g) ?? []).length,
    minDec: (decPattern.match(/0/g) ?? []).length,
    maxDec: (decPattern.match(/[0#?]/g) ?? []).length,
  };
});

const sectionsOf = memo(splitSections);

function formatNumber(n: number, format: string): string {
  const sections = sectionsOf(format);
  let section = sections[0];
  let signed = n < 0;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    signed = false;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  const p = numberPattern(section);
  if (p.literalOnly) return p.prefix;
  const rounded = roundTo(Math.abs(n) * (p.percent ? 100 : 1), p.maxDec);
  let [intText, decText = ''] = rounded.toFixed(p.maxDec).split('.');
  while (decText.length > p.minDec && decText.endsWith('0')) decText = decText.slice(0, -1);
  if (intText === '0' && p.minInt === 0) intText = '';
  intText = intText.padStart(p.minInt, '0');
  if (p.grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = signed && rounded !== 0 ? '-' : '';
  return `${p.prefix}${sign}${intText}${p.hasDot ? '.' : ''}${decText}${p.suffix}`;
}

interface DateToken {
  letter: string; // y m d h s a (AM/PM), or '' for a literal
  count: number;
  text: string;
}

const dateTokens = memo((format: string): DateToken[] => {
  const ps = pieces(splitSections(format)[0]);
  const tokens: DateToken[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const rest = ps
      .slice(i, i + 5)
      .map((x) => x.ch)
      .join('');
    if (!p.literal && /^am\/pm/i.test(rest)) {
      tokens.push({ letter: 'a', count: 5, text: '' });
      i += 4;
      continue;
    }
    const letter = p.ch.toLowerCase();
    if (!p.literal && 'ymdhs'.includes(letter)) {
      let count = 1;
      while (i + 1 < ps.length && !ps[i + 1].literal && ps[i + 1].ch.toLowerCase() === letter) {
        count++;
        i++;
      }
      tokens.push({ letter, count, text: '' });
    } else tokens.push({ letter: '', count: 0, text: p.ch });
  }
  return tokens;
});

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(date: Date, format: string, timeZone: string): string {
  const w = wallTime(date, timeZone);
  const tokens = dateTokens(format);
  const twelveHour = tokens.some((t) => t.letter === 'a');
  const dated = tokens.filter((t) => t.letter !== '');
  return tokens
    .map((t) => {
      const k = dated.indexOf(t);
      switch (t.letter) {
        case '':
          return t.text;
        case 'y':
          return t.count <= 2 ? pad(w.year % 100, 2) : String(w.year);
        case 'm': {
          const minute =
            t.count <= 2 && (dated[k - 1]?.letter === 'h' || dated[k + 1]?.letter === 's');
          if (minute) return t.count === 1 ? String(w.minute) : pad(w.minute, 2);
          if (t.count <= 2) return t.count === 1 ? String(w.month) : pad(w.month, 2);
          const name = MONTH_NAMES[w.month - 1];
          return t.count === 3 ? name.slice(0, 3) : t.count === 4 ? name : name[0];
        }
        case 'd':
          if (t.count <= 2) return t.count === 1 ? String(w.day) : pad(w.day, 2);
          return t.count === 3 ? WEEKDAY_NAMES[w.weekday].slice(0, 3) : WEEKDAY_NAMES[w.weekday];
        case 'h': {
          const h = twelveHour ? w.hour % 12 || 12 : w.hour;
          return t.count === 1 ? String(h) : pad(h, 2);
        }
        case 's':
          return t.count === 1 ? String(w.second) : pad(w.second, 2);
        default:
          return w.hour < 12 ? 'AM' : 'PM';
      }
    })
    .join('');
}

/** A number in the automatic format: integers as is, fractions to at most 10 decimals. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .toUpperCase();
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(10)));
}

function isAutomatic(format: string | undefined): boolean {
  return (
    format === undefined ||
    format === '' ||
    format === AUTOMATIC_FORMAT ||
    /^general$/i.test(format)
  );
}

/** The display string of a stored cell under its number format in the given time zone. */
export function displayValue(
  cell: StoredCell | undefined,
  format: string | undefined,
  timeZone: string,
): string {
  if (cell instanceof FormulaCell)
    return cell.result === undefined ? '' : displayValue(cell.result, format, timeZone);
  if (cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (isAutomatic(format) || format === TEXT_FORMAT)
      return formatDate(cell, DEFAULT_DATE_FORMAT, timeZone);
    if (isDateFormat(format as string)) return formatDate(cell, format as string, timeZone);
    return formatNumber(dateToSerial(cell, timeZone), format as string);
  }
  if (isAutomatic(format) || format === TEXT_FORMAT) return generalNumber(cell);
  if (isDateFormat(format as string))
    return formatDate(serialToDate(cell, timeZone), format as string, timeZone);
  return formatNumber(cell, format as string);
}
