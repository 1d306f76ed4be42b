/**
 * Validation of one school response (domain spec, section 4): every error is collected, each
 * in Russian naming the field, the value and the bound.
 */
import { FIELDS, RESULT_TESTS, type FieldDef } from './catalogue/fields';
import { VALIDATION } from './messages';
import {
  isUrl,
  normalizePeriod,
  parseBool,
  parseText,
  parseWholeNumber,
  plainDigits,
} from './parse';
import { excerpt, lowerFirst } from './text';
import { emptyFieldValues } from './fieldValues';
import type { FieldValues, RegistrySchool, ValidationResult } from './types';

/** A response's values: every field of the catalogue but the school and the period. */
const LEAD = ['school_id', 'period'];

export { parseBool, parseWholeNumber } from './parse';

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
      // The common answers first: a plain count as text, or as a number.
      if (typeof raw === 'string') {
        const plain = plainDigits(raw);
        if (plain >= 0) return plain;
      } else if (typeof raw === 'number' && raw >= 0 && Number.isSafeInteger(raw)) return raw;
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

/** A count and the field that bounds it (both in the questionnaire). */
interface Bound {
  def: FieldDef;
  baseDef: FieldDef;
  /** Where the count and its base are in the plan's numbers (-1: never a number). */
  slot: number;
  baseSlot: number;
}

/** A test's lower, higher and participant counts, checked as a sum. */
interface SumCheck {
  title: string;
  lower: number;
  higher: number;
  participants: number;
}

/** What validating against one questionnaire needs, worked out once per catalogue. */
interface FieldPlan {
  /** The fields a response's values hold, in order (all but the school and the period). */
  parsed: readonly FieldDef[];
  /** Required fields checked for a missing answer. */
  required: readonly FieldDef[];
  bounds: readonly Bound[];
  sums: readonly SumCheck[];
  /**
   * The response's numbers by the position of their field in `parsed`, NaN where the value is
   * not a number: what the checks read, instead of looking values up by name. Reused from
   * one response to the next (validation is synchronous).
   */
  numbers: Float64Array;
}

const plans = new WeakMap<readonly FieldDef[], FieldPlan>();

function fieldPlan(fields: readonly FieldDef[]): FieldPlan {
  let plan = plans.get(fields);
  if (plan) return plan;
  const parsed = fields.filter((f) => f.code !== 'school_id' && f.code !== 'period');
  // A value's slot: the last field of its code wins, as in the values object.
  const slots = new Map(parsed.map((f, i) => [f.code, i]));
  const slot = (code: string) => slots.get(code) ?? -1;
  // Fields by code: the last of a code wins, as in a Map made from the list.
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const bounds: Bound[] = [];
  for (const def of fields) {
    if (def.type !== 'int' || !def.base) continue;
    const baseDef = byCode.get(def.base);
    if (baseDef) bounds.push({ def, baseDef, slot: slot(def.code), baseSlot: slot(def.base) });
  }
  const sums: SumCheck[] = [];
  for (const t of RESULT_TESTS) {
    if (!t.measures.includes('lower') || !t.measures.includes('higher')) continue;
    sums.push({
      title: t.title,
      lower: slot(`${t.test}_lower`),
      higher: slot(`${t.test}_higher`),
      participants: slot(`${t.test}_participants`),
    });
  }
  plan = {
    parsed,
    required: fields.filter((f) => f.required && f.code !== 'school_id'),
    bounds,
    sums,
    numbers: new Float64Array(parsed.length),
  };
  plans.set(fields, plan);
  return plan;
}

/** The number in a slot, or null. */
function num(numbers: Float64Array, slot: number): number | null {
  if (slot < 0) return null;
  const v = numbers[slot];
  return v === v ? v : null;
}

function checkBounds(plan: FieldPlan, errors: string[]): void {
  const { numbers } = plan;
  for (const { def, baseDef, slot, baseSlot } of plan.bounds) {
    const value = num(numbers, slot);
    if (value === null) continue;
    const base = num(numbers, baseSlot);
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
  for (const t of plan.sums) {
    const lower = num(numbers, t.lower);
    const higher = num(numbers, t.higher);
    const part = num(numbers, t.participants);
    if (lower === null || higher === null || part === null) continue;
    // Each alone within bounds but the sum over: report the sum (single excesses are above).
    if (lower <= part && higher <= part && lower + higher > part) {
      errors.push(VALIDATION.sumExceeds(t.title, lower, higher, part));
    }
  }
}

/**
 * The first year of the academic year `now` falls in. The academic year starts on 1 September
 * (a choice: the spec says «the current academic year»; Russian schools start it then), read
 * in UTC — Moscow's three hours do not matter in the middle of the night of 31 August.
 */
export function academicYearStart(now: Date): number {
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/**
 * Why a period is not acceptable (rev 2): not `YYYY-YYYY`, years not consecutive, or later
 * than the current academic year; null when it is fine. Exported for every place a period is
 * typed (the offline command's `--period` too).
 */
export function periodProblem(period: string, now: Date): string | null {
  const m = /^(\d{4})-(\d{4})$/.exec(period);
  if (!m) return VALIDATION.badPeriod(excerpt(period));
  const first = Number(m[1]);
  if (Number(m[2]) !== first + 1) return VALIDATION.periodNotConsecutive(period);
  const current = academicYearStart(now);
  if (first > current) return VALIDATION.futurePeriod(period, `${current}-${current + 1}`);
  return null;
}

/** A day of tolerance: clocks and time zones disagree by hours, never by a day (a choice). */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function isFuture(timestamp: Date, now: Date): boolean {
  return timestamp.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
}

/**
 * Validates a raw response keyed by field code. `options.period` is used when the response
 * carries no period (the form fixes it from settings).
 */
export function validateResponse(
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
  const plan = fieldPlan(fields);
  const values: FieldValues = emptyFieldValues(fields, LEAD);
  const { parsed, numbers } = plan;
  for (let i = 0; i < parsed.length; i++) {
    const code = parsed[i].code;
    const value = parseField(parsed[i], raw[code], errors);
    values[code] = value;
    numbers[i] = typeof value === 'number' ? value : NaN;
  }
  for (const def of plan.required) {
    if (values[def.code] === null) {
      // A value that failed to parse already has its own message.
      if (parseText(raw[def.code]) === null) errors.push(VALIDATION.required(def.short));
    }
  }
  checkBounds(plan, errors);

  return { ok: errors.length === 0, school_id, period, values, errors };
}
