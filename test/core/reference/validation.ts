/**
 * The validation of a response as it was before it was made fast (main at 2355c59): parsing
 * and validateResponse copied unchanged. The equivalence test holds today's validation to it.
 * Do not edit but to follow a change of behaviour made on purpose in both.
 */
import { FIELDS, RESULT_TESTS, type FieldDef } from '../../../src/core/catalogue/fields';
import { PARSE, VALIDATION } from '../../../src/core/messages';
import { isUrl } from '../../../src/core/parse';
import { excerpt, lowerFirst } from '../../../src/core/text';
import { emptyFieldValues } from '../../../src/core/fieldValues';
import { isFuture, periodProblem } from '../../../src/core/validation';
import type { FieldValues, RegistrySchool, ValidationResult } from '../../../src/core/types';

interface ParsedNumber {
  value: number | null;
  error?: string;
}

// Regular, non-breaking, narrow non-breaking and thin spaces: what Excel and Sheets put in
// "12 345".
const SPACES = /[\s\u00a0\u202f\u2009]/g;

function isBlank(raw: unknown): boolean {
  return (
    raw === null || raw === undefined || (typeof raw === 'string' && raw.replace(SPACES, '') === '')
  );
}

/**
 * A whole number >= 0. Tolerates spaces inside and a trailing `.0` / `,0`; rejects units
 * ("12 чел."), signs, fractions. Blank -> null without error.
 */
export function parseWholeNumber(raw: unknown): ParsedNumber {
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
const YES_SPELLINGS = ['да', 'есть', 'имеется', 'yes', 'true', 'истина', '1'] as const;
const NO_SPELLINGS = ['нет', 'отсутствует', 'no', 'false', 'ложь', '0'] as const;
const TRUE_WORDS: ReadonlySet<string> = new Set(YES_SPELLINGS);
const FALSE_WORDS: ReadonlySet<string> = new Set(NO_SPELLINGS);

/** YES_SPELLINGS / NO_SPELLINGS and real booleans. Blank -> null. */
export function parseBool(raw: unknown): { value: boolean | null; error?: string } {
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

/** Cell text: trimmed string, or null when blank. Numbers and dates become their text. */
export function parseText(raw: unknown): string | null {
  if (isBlank(raw)) return null;
  if (raw instanceof Date) return isNaN(raw.getTime()) ? null : raw.toISOString();
  if (typeof raw === 'string') return raw.trim();
  return String(raw).trim();
}

/** Periods as typed: `2021–2022`, `2021/2022`, ` 2021 - 2022 ` -> `2021-2022`. */
export function normalizePeriod(raw: unknown): string {
  const text = parseText(raw);
  if (text === null) return '';
  return text.replace(/\s*[–—/\\-]\s*/g, '-').replace(/\s+/g, ' ');
}

/** A response's values: every field of the catalogue but the school and the period. */
const LEAD = ['school_id', 'period'];

// Batch ingestion validates many responses against one registry array: index it once.
// (An array that grows is re-indexed; the registry is not edited in place otherwise.)
const registryIndexCache = new WeakMap<
  RegistrySchool[],
  { length: number; index: Map<string, RegistrySchool> }
>();

function registryIndex(registry: RegistrySchool[]): Map<string, RegistrySchool> {
  const cached = registryIndexCache.get(registry);
  if (cached && cached.length === registry.length) return cached.index;
  const index = new Map(registry.map((s) => [s.school_id, s]));
  registryIndexCache.set(registry, { length: registry.length, index });
  return index;
}

function rawText(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString();
  return excerpt(String(raw));
}

/** «1» for «001»: the registry code a number lost its leading zeros from (Excel does that). */
function codeMeant(id: string, registry: readonly RegistrySchool[]): string | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const bare = id.replace(/^0+/, '');
  return registry.find((s) => s.school_id !== id && s.school_id.replace(/^0+/, '') === bare)
    ?.school_id;
}

/**
 * The registry school a response names: its code exactly, or the code before « — » when the
 * form's list shows "code — name" (a choice, so both list styles work).
 */
function findSchool(id: string, byId: Map<string, RegistrySchool>): RegistrySchool | undefined {
  const exact = byId.get(id);
  if (exact) return exact;
  const m = /^(.+?)\s+[—–-]\s+/.exec(id);
  return m ? byId.get(m[1].trim()) : undefined;
}

function parseField(def: FieldDef, raw: unknown, errors: string[]): FieldValues[string] {
  switch (def.type) {
    case 'int': {
      const r = parseWholeNumber(raw);
      if (r.error) errors.push(VALIDATION.badNumber(def.short, rawText(raw), r.error));
      return r.value;
    }
    case 'bool': {
      const r = parseBool(raw);
      if (r.error) errors.push(VALIDATION.badBool(def.short, rawText(raw)));
      return r.value;
    }
    case 'url': {
      const text = parseText(raw);
      if (text !== null && !isUrl(text)) {
        errors.push(VALIDATION.badUrl(def.short, excerpt(text)));
        return null;
      }
      return text;
    }
    case 'text':
      return parseText(raw);
  }
}

/** Fields by code, made once per catalogue rather than once per response. */
const byCodeCache = new WeakMap<readonly FieldDef[], Map<string, FieldDef>>();
function fieldsByCode(fields: readonly FieldDef[]): Map<string, FieldDef> {
  let byCode = byCodeCache.get(fields);
  if (!byCode) byCodeCache.set(fields, (byCode = new Map(fields.map((f) => [f.code, f]))));
  return byCode;
}

function checkBounds(fields: readonly FieldDef[], values: FieldValues, errors: string[]): void {
  const num = (code: string): number | null => {
    const v = values[code];
    return typeof v === 'number' ? v : null;
  };
  const byCode = fieldsByCode(fields);
  for (const def of fields) {
    if (def.type !== 'int' || !def.base) continue;
    const value = num(def.code);
    if (value === null) continue;
    const baseDef = byCode.get(def.base);
    const base = num(def.base);
    if (!baseDef) continue;
    if (base === null) {
      // A positive count without its base cannot be checked or used; a zero can be.
      if (value > 0 && !baseDef.required) {
        errors.push(VALIDATION.missingBase(def.short, value, baseDef.short));
      }
      continue;
    }
    if (value > base)
      errors.push(VALIDATION.exceeds(def.short, value, lowerFirst(baseDef.short), base));
  }
  // *_lower + *_higher <= *_participants
  for (const t of RESULT_TESTS) {
    if (!t.measures.includes('lower') || !t.measures.includes('higher')) continue;
    const lower = num(`${t.test}_lower`);
    const higher = num(`${t.test}_higher`);
    const part = num(`${t.test}_participants`);
    if (lower === null || higher === null || part === null) continue;
    // Each alone within bounds but the sum over: report the sum (single excesses are above).
    if (lower <= part && higher <= part && lower + higher > part) {
      errors.push(VALIDATION.sumExceeds(t.title, lower, higher, part));
    }
  }
}

/**
 * Validates a raw response keyed by field code. `options.period` is used when the response
 * carries no period (the form fixes it from settings).
 */
export function referenceValidateResponse(
  raw: Record<string, unknown>,
  registry: RegistrySchool[],
  options: {
    period?: string;
    /** The clock: periods and timestamps are checked against it (rev 2) when given. */
    now?: Date;
    /** When the response was sent. */
    timestamp?: Date;
    /** The questionnaire's fields (the catalogue's by default). */
    fields?: readonly FieldDef[];
  } = {},
): ValidationResult {
  const errors: string[] = [];
  const byId = registryIndex(registry);

  const idText = parseText(raw.school_id) ?? '';
  let school_id = idText;
  if (idText === '') {
    errors.push(VALIDATION.noSchool);
  } else {
    const school = findSchool(idText, byId);
    if (!school)
      errors.push(VALIDATION.unknownSchool(excerpt(idText), codeMeant(idText, registry)));
    else {
      school_id = school.school_id;
      if (!school.active) errors.push(VALIDATION.inactiveSchool(school.school_id, school.name));
    }
  }

  const period = normalizePeriod(raw.period) || normalizePeriod(options.period);
  if (period === '') errors.push(VALIDATION.noPeriod);
  else if (options.now) {
    const problem = periodProblem(period, options.now);
    if (problem) errors.push(problem);
  }
  if (options.now && options.timestamp && isFuture(options.timestamp, options.now)) {
    errors.push(VALIDATION.futureTimestamp(options.timestamp.toISOString()));
  }

  const fields = options.fields ?? FIELDS;
  const values: FieldValues = emptyFieldValues(fields, LEAD);
  for (const def of fields) {
    if (def.code === 'school_id' || def.code === 'period') continue;
    values[def.code] = parseField(def, raw[def.code], errors);
  }
  for (const def of fields) {
    if (def.required && def.code !== 'school_id' && values[def.code] === null) {
      // A value that failed to parse already has its own message.
      if (parseText(raw[def.code]) === null) errors.push(VALIDATION.required(def.short));
    }
  }
  checkBounds(fields, values, errors);

  return { ok: errors.length === 0, school_id, period, values, errors };
}
