/**
 * Parsing of single cell values as respondents and inspectors type them.
 */
import { PARSE } from './messages';

export interface ParsedNumber {
  value: number | null;
  /** Present (a short Russian reason) when the input is not a whole number >= 0. */
  error?: string;
}

// Regular, non-breaking, narrow non-breaking and thin spaces: what Excel and Sheets put in
// "12 345".
const SPACES = /[\s\u00a0\u202f\u2009]/g;

// `trim()` removes exactly the characters `\s` matches (ECMAScript's WhiteSpace and
// LineTerminator), so a string of SPACES only is a string that trims to ''.
function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * The value of a string of 1 to 15 ASCII digits (below 2^53, so exact), else -1: the common
 * case of parseWholeNumber, without its regular expressions. Anything else takes the full path.
 */
export function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * A whole number >= 0. Tolerates spaces inside and a trailing `.0` / `,0`; rejects units
 * ("12 чел."), signs, fractions. Blank -> null without error.
 */
export function parseWholeNumber(raw: unknown): ParsedNumber {
  if (typeof raw === 'string') {
    const plain = plainDigits(raw);
    if (plain >= 0) return { value: plain };
  }
  if (isBlank(raw)) return { value: null };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { value: null, error: PARSE.notNumber };
    if (raw < 0) return { value: null, error: PARSE.negative };
    if (!Number.isInteger(raw)) return { value: null, error: PARSE.fraction };
    if (!Number.isSafeInteger(raw)) return { value: null, error: PARSE.tooLarge };
    return { value: raw };
  }
  if (typeof raw !== 'string') return { value: null, error: PARSE.notNumber };
  const text = raw.replace(SPACES, '');
  if (/^-\d+([.,]\d+)?$/.test(text)) return { value: null, error: PARSE.negative };
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return { value: null, error: PARSE.notNumber };
  if (m[2] !== undefined) {
    // "12,000" is ambiguous (twelve, or a thousands separator): refuse rather than guess.
    if (/^0{3,}$/.test(m[2])) return { value: null, error: PARSE.notNumber };
    if (!/^0+$/.test(m[2])) return { value: null, error: PARSE.fraction };
  }
  const value = Number(m[1]);
  if (!Number.isSafeInteger(value)) return { value: null, error: PARSE.tooLarge };
  return { value };
}

/**
 * The spellings of yes and no, decided once for the form, the sheets and the offline files
 * (case and a trailing full stop do not matter). One letter («д», «y»), signs («+», «-») and
 * hedges («частично») are refused: a dash in a Russian table often means «нет данных», and
 * a guess would put a wrong fact into the monitoring.
 */
export const YES_SPELLINGS = ['да', 'есть', 'имеется', 'yes', 'true', 'истина', '1'] as const;
export const NO_SPELLINGS = ['нет', 'отсутствует', 'no', 'false', 'ложь', '0'] as const;
const TRUE_WORDS: ReadonlySet<string> = new Set(YES_SPELLINGS);
const FALSE_WORDS: ReadonlySet<string> = new Set(NO_SPELLINGS);

export interface ParsedBool {
  value: boolean | null;
  error?: string;
}

// Answers repeat («да», «Нет»…): a string's result is remembered (frozen, shared). Bounded,
// so that hostile input cannot grow it.
const boolMemo = new Map<string, Readonly<ParsedBool>>();
const BOOL_MEMO_SIZE = 256;

/** YES_SPELLINGS / NO_SPELLINGS and real booleans. Blank -> null. */
export function parseBool(raw: unknown): Readonly<ParsedBool> {
  if (typeof raw !== 'string') return parseBoolOnce(raw);
  let parsed = boolMemo.get(raw);
  if (parsed === undefined) {
    parsed = Object.freeze(parseBoolOnce(raw));
    if (boolMemo.size < BOOL_MEMO_SIZE) boolMemo.set(raw, parsed);
  }
  return parsed;
}

function parseBoolOnce(raw: unknown): ParsedBool {
  if (isBlank(raw)) return { value: null };
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'number') {
    if (raw === 1) return { value: true };
    if (raw === 0) return { value: false };
    return { value: null, error: PARSE.notBool };
  }
  if (typeof raw !== 'string') return { value: null, error: PARSE.notBool };
  const word = raw.trim().toLowerCase().replace(/\.$/, '');
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { value: null, error: PARSE.notBool };
}

/** A decimal number for settings and thresholds: `0,15`, `0.15`, `15%`, `1 000`. */
export function parseDecimal(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  let text = raw.replace(SPACES, '').replace(',', '.');
  let scale = 1;
  if (text.endsWith('%')) {
    text = text.slice(0, -1);
    scale = 0.01;
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  const value = Number(text) * scale;
  // Clean float noise of the percent scaling (15% -> 0.15, not 0.15000000000000002).
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : null;
}

/** Cell text: trimmed string, or null when blank. Numbers and dates become their text. */
export function parseText(raw: unknown): string | null {
  if (typeof raw === 'string') {
    const text = raw.trim();
    return text === '' ? null : text;
  }
  if (isBlank(raw)) return null;
  if (raw instanceof Date) return isNaN(raw.getTime()) ? null : raw.toISOString();
  return String(raw).trim();
}

/** http(s) address, or a bare domain with a path (a scheme is commonly forgotten). */
export function isUrl(text: string): boolean {
  return (
    /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text) || /^[^\s/:@]+\.[a-zа-яё]{2,}(\/\S*)?$/i.test(text)
  );
}

export function isEmail(text: string): boolean {
  return /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/.test(text);
}

/** Periods as typed: `2021–2022`, `2021/2022`, ` 2021 - 2022 ` -> `2021-2022`. */
export function normalizePeriod(raw: unknown): string {
  const text = parseText(raw);
  if (text === null) return '';
  return text.replace(/\s*[–—/\\-]\s*/g, '-').replace(/\s+/g, ' ');
}
