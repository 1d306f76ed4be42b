/**
 * Reading `Настройки`: key/value rows -> typed settings, defaults for anything missing or
 * wrong, and a Russian message for every wrong value.
 */
import {
  RETIRED_SETTINGS,
  SETTINGS,
  defaultSettings,
  settingByCode,
  type SettingDef,
} from './catalogue/settings';
import { SETTINGS_MESSAGES as M } from './messages';
import { isEmail, normalizePeriod, parseBool, parseDecimal, parseText } from './parse';
import { formatNumber } from './text';
import type { Settings } from './types';

const LABEL_INDEX = new Map(SETTINGS.map((s) => [s.label.toLowerCase(), s]));
// Header words a sheet or CSV may carry in its first row.
const HEADER_KEYS = new Set(['key', 'код', 'параметр', 'code', 'setting', 'настройка']);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DD` from a date cell or text (`31.05.2022`, `2022-05-31`). Date cells are read
 * with the runtime's local calendar, which in Apps Script is the script's time zone.
 */
export function parseDateSetting(raw: unknown): string | null {
  if (raw instanceof Date) {
    if (isNaN(raw.getTime())) return null;
    return `${raw.getFullYear()}-${pad2(raw.getMonth() + 1)}-${pad2(raw.getDate())}`;
  }
  const text = parseText(raw);
  if (text === null) return null;
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$/.exec(text);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(text);
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return null;
  }
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function describeBounds(def: SettingDef): string {
  const parts: string[] = [];
  if (def.integer) parts.push(M.integer);
  if (def.min !== undefined && def.max !== undefined) {
    parts.push(M.between(formatNumber(def.min), formatNumber(def.max)));
  } else if (def.min !== undefined) parts.push(M.atLeast(formatNumber(def.min)));
  return parts.join(', ');
}

type Parsed = { ok: true; value: number | string | boolean } | { ok: false; expected: string };

function parseSetting(def: SettingDef, raw: unknown): Parsed {
  switch (def.type) {
    case 'number': {
      const n = parseDecimal(raw);
      const bad =
        n === null ||
        (def.integer && !Number.isInteger(n)) ||
        (def.min !== undefined && n < def.min) ||
        (def.max !== undefined && n > def.max);
      return bad || n === null
        ? { ok: false, expected: M.expectedNumber(describeBounds(def)) }
        : { ok: true, value: n };
    }
    case 'bool': {
      const b = parseBool(raw);
      return b.error || b.value === null
        ? { ok: false, expected: M.expectedBool }
        : { ok: true, value: b.value };
    }
    case 'choice': {
      const text = (parseText(raw) ?? '').toLowerCase();
      const choice = def.choices?.find((c) => c.toLowerCase() === text);
      return choice
        ? { ok: true, value: choice }
        : { ok: false, expected: M.expectedChoice(def.choices ?? []) };
    }
    case 'date': {
      const d = parseDateSetting(raw);
      return d ? { ok: true, value: d } : { ok: false, expected: M.expectedDate };
    }
    case 'day-list': {
      const days = parseDayList(raw, def.min ?? 0, def.max ?? 365);
      return days === null
        ? { ok: false, expected: M.expectedDays(describeBounds({ ...def, integer: true })) }
        : { ok: true, value: days.join(', ') };
    }
    case 'email-list': {
      const items = (parseText(raw) ?? '').split(/[,;\s]+/).filter((x) => x !== '');
      const bad = items.filter((x) => !isEmail(x));
      return bad.length
        ? { ok: false, expected: M.expectedEmails(bad) }
        : { ok: true, value: items.join(', ') };
    }
    case 'text':
      return {
        ok: true,
        value: def.code === 'period' ? normalizePeriod(raw) : (parseText(raw) ?? ''),
      };
  }
}

/** «7, 1», «7;1», «7 и 1», a lone number -> whole days in [min, max], largest first; null if bad. */
export function parseDayList(raw: unknown, min: number, max: number): number[] | null {
  if (typeof raw === 'number') raw = String(raw);
  const text = (parseText(raw) ?? '').trim();
  if (text === '') return [];
  const parts = text.split(/\s*(?:[,;]|\sи\s)\s*/).filter((p) => p !== '');
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    const n = Number(p);
    if (n < min || n > max) return null;
    if (!days.includes(n)) days.push(n);
  }
  return days.sort((a, b) => b - a);
}

function displayDefault(def: SettingDef): string {
  if (typeof def.default === 'boolean') return def.default ? 'да' : 'нет';
  if (typeof def.default === 'number') return formatNumber(def.default);
  return def.default === '' ? M.emptyDefault : def.default;
}

function displayRaw(raw: unknown): string {
  if (raw instanceof Date) return isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  return String(raw);
}

/**
 * Settings from key/value rows. A key is a setting code or its Russian label. Blank values
 * take the default silently; wrong values take the default with a message.
 */
export function readSettings(rows: Array<[string, unknown]>): {
  settings: Settings;
  errors: string[];
} {
  const settings: Settings = defaultSettings();
  const errors: string[] = [];
  const seen = new Set<string>();
  rows.forEach(([key, raw]) => {
    const k = (parseText(key) ?? '').trim();
    if (k === '' || HEADER_KEYS.has(k.toLowerCase())) return;
    const def = settingByCode(k) ?? LABEL_INDEX.get(k.toLowerCase());
    if (!def && RETIRED_SETTINGS.has(k)) return;
    if (!def) {
      errors.push(M.unknownKey(k));
      return;
    }
    if (seen.has(def.code)) errors.push(M.duplicateKey(def.code));
    seen.add(def.code);
    if (
      parseText(raw) === null &&
      def.type !== 'text' &&
      def.type !== 'email-list' &&
      def.type !== 'day-list'
    )
      return;
    const parsed = parseSetting(def, raw);
    if (parsed.ok) settings[def.code] = parsed.value;
    else errors.push(M.badValue(def.label, displayRaw(raw), parsed.expected, displayDefault(def)));
  });
  return { settings, errors };
}

/** A setting with its catalogue default when the map lacks it or holds the wrong type. */
export function settingNumber(settings: Settings, code: string): number {
  const v = settings[code];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const d = settingByCode(code)?.default;
  return typeof d === 'number' ? d : 0;
}

export function settingBool(settings: Settings, code: string): boolean {
  const v = settings[code];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' || typeof v === 'number') {
    const b = parseBool(v);
    if (b.value !== null) return b.value;
  }
  const d = settingByCode(code)?.default;
  return typeof d === 'boolean' ? d : false;
}

export function settingText(settings: Settings, code: string): string {
  const v = settings[code];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const d = settingByCode(code)?.default;
  return typeof d === 'string' ? d : '';
}

/** An optional number setting (regional references): null when blank or not a number. */
export function settingOptionalNumber(settings: Settings, code: string): number | null {
  const v = settings[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
