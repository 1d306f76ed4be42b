/**
 * From files to what the run submits: tables keyed by code, the time zone of the
 * timestamps, each response row with its instant and its place in the file, in the order
 * the form would have received them, and the period of the summary.
 */
import { isTimeZone } from '../emulator/services/timezone';
import { FIELDS } from '../src/core/catalogue';
import { schoolIdFromChoice } from '../src/core/schoolChoice';
import { normalizePeriod, parseBool } from '../src/core/parse';
import { parseLists, parseRegistry } from '../src/core/registry';
import { readSettings } from '../src/core/settings';
import { periodProblem, validateResponse } from '../src/core/validation';
import { CLI_INPUT, CLI_USAGE } from './messages';
import {
  ACCESS_CODE,
  normalizeTable,
  TIMESTAMP,
  type NormalizedTable,
  type TableKind,
} from './columns';
import type { CsvTable } from './csv';
import { InputError, UsageError } from './errors';
import { checkSize } from './limits';
import { parseTimestamp } from './timestamp';

export interface MonitoringInputs {
  registry: CsvTable;
  responses: CsvTable[];
  lists?: CsvTable;
  settings?: CsvTable;
  /** `school_id, period, access_code` of each personal link (`--links`, «Ссылки школам»). */
  links?: CsvTable;
  /** The period of the summary; by default settings' period, else the latest in the responses. */
  period?: string;
}

/** A response row that is not submitted: rejected before the form (it cannot carry it) or blank. */
export interface SkippedRow {
  outcome: 'rejected' | 'blank';
  file: string;
  line: number;
  school_id: string;
  period: string;
  reasons: string[];
}

/** Where the report period came from (the terminal says so). */
export type PeriodSource = 'option' | 'settings' | 'responses';

export interface IssuedCode {
  school_id: string;
  period: string;
  access_code: string;
}

export interface Submission {
  /** Field code -> value as the file has it (`access_code` too when the file has it). */
  record: Record<string, string>;
  /** When the school sent it; null when the file gives no time (file order is kept). */
  at: number | null;
  file: string;
  line: number;
}

export interface PreparedInputs {
  registry: NormalizedTable;
  lists?: NormalizedTable;
  /** key -> value, in file order, without the offline-only `time_zone`. */
  settings: Array<{ key: string; value: string }>;
  timeZone: string;
  submissions: Submission[];
  /** Response rows not submitted, with why. */
  skipped: SkippedRow[];
  period?: string;
  periodSource?: PeriodSource;
  /** The file the period came from, when settings gave it. */
  periodFile?: string;
  /** Whether any response file has an access_code column (the 8a check applies then). */
  hasAccessCodes: boolean;
  /** The codes of the personal links, when given: codes are checked against them. */
  links?: IssuedCode[];
  /**
   * Things the user should know that do not stop the run: unknown columns, settings that
   * fall back to their defaults, registry and list rows the core skips.
   */
  warnings: string[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
/** Offline-only setting: the zone of timestamps written without one. */
export const TIME_ZONE_KEY = 'time_zone';

export function prepareInputs(inputs: MonitoringInputs): PreparedInputs {
  const warnings: string[] = [];
  const normalized = (table: CsvTable, kind: TableKind) => {
    const t = normalizeTable(table, kind);
    for (const column of t.unknown) warnings.push(CLI_INPUT.unknownColumn(t.file, column));
    return t;
  };
  const registry = normalized(inputs.registry, 'registry');
  if (registry.rows.length === 0) throw new InputError(registry.file, CLI_INPUT.noRows, 2);
  const lists = inputs.lists ? normalized(inputs.lists, 'lists') : undefined;
  const settingsTable = inputs.settings ? normalized(inputs.settings, 'settings') : undefined;
  const linksTable = inputs.links ? normalized(inputs.links, 'links') : undefined;
  for (const t of [registry, lists, settingsTable, linksTable]) if (t) refuseBadRows(t);
  refuseDuplicateSchools(registry);

  let timeZone = DEFAULT_TIME_ZONE;
  const settings: PreparedInputs['settings'] = [];
  let settingsPeriod: { value: string; line: number } | undefined;
  for (const { line, record } of settingsTable?.rows ?? []) {
    const key = (record.key ?? '').trim();
    const value = record.value ?? '';
    if (!key) continue;
    if (key === 'period' && value.trim() !== '')
      settingsPeriod = { value: normalizePeriod(value), line };
    if (key !== TIME_ZONE_KEY) {
      settings.push({ key, value });
      continue;
    }
    if (!isTimeZone(value.trim()))
      throw new InputError(
        settingsTable?.file ?? '',
        CLI_INPUT.badTimeZone(value),
        line,
        settingsTable?.titles.value,
      );
    timeZone = value.trim();
  }
  // What the report's «Замечания к данным» will say, said on the terminal too.
  const { schools, errors: registryErrors } = parseRegistry(registry.rows.map((r) => r.record));
  warnings.push(...readSettings(settings.map((s) => [s.key, s.value])).errors);
  warnings.push(...registryErrors.map((e) => CLI_INPUT.inFile(registry.file, e)));
  if (lists) {
    const known = schools.map((s) => s.school_id);
    const listErrors = parseLists(
      lists.rows.map((r) => r.record),
      { knownSchoolIds: known },
    ).errors;
    warnings.push(...listErrors.map((e) => CLI_INPUT.inFile(lists.file, e)));
  }

  const responses = inputs.responses.map((t) => normalized(t, 'responses'));
  checkSize(responses);
  const skipped: SkippedRow[] = [];
  const submissions = responses.flatMap((t) => submissionsOf(t, timeZone, schools, skipped));
  // The form receives responses in time order; rows without a time stay where the file put them.
  submissions.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));

  const now = new Date();
  const periods = new Set(
    [...submissions.map((s) => s.record.period ?? ''), ...skipped.map((s) => s.period)].filter(
      (p) => p !== '',
    ),
  );
  const valid = [...periods].filter((p) => periodProblem(p, now) === null).sort(byCodeUnits);
  const chosen = choosePeriod(inputs.period, settingsPeriod, settingsTable?.file, valid, now);
  return {
    registry,
    lists,
    settings,
    timeZone,
    submissions,
    skipped,
    ...chosen,
    hasAccessCodes: responses.some((t) => t.header.includes(ACCESS_CODE)),
    links: linksTable?.rows.map(({ record }) => ({
      school_id: schoolIdFromChoice(record.school_id ?? ''),
      period: normalizePeriod(record.period ?? ''),
      access_code: (record[ACCESS_CODE] ?? '').trim(),
    })),
    warnings,
  };
}

/**
 * The report period: `--period`, else settings' `period`, else the latest valid period in the
 * responses. A period asked for must be an academic year with responses (domain spec 4, 9).
 */
function choosePeriod(
  option: string | undefined,
  fromSettings: { value: string; line: number } | undefined,
  settingsFile: string | undefined,
  available: readonly string[],
  now: Date,
): Pick<PreparedInputs, 'period' | 'periodSource' | 'periodFile'> {
  if (option !== undefined) {
    const period = normalizePeriod(option);
    const problem = periodProblem(period, now);
    if (problem) throw new UsageError(CLI_USAGE.badPeriodOption(option, problem));
    if (!available.includes(period))
      throw new UsageError(CLI_USAGE.periodWithoutResponses(period, available.join(', ')));
    return { period, periodSource: 'option' };
  }
  if (fromSettings && settingsFile) {
    const problem = periodProblem(fromSettings.value, now);
    if (problem) throw new InputError(settingsFile, problem, fromSettings.line);
    if (available.length > 0 && !available.includes(fromSettings.value))
      throw new InputError(
        settingsFile,
        CLI_INPUT.settingsPeriodWithoutResponses(fromSettings.value, available.join(', ')),
        fromSettings.line,
      );
    return { period: fromSettings.value, periodSource: 'settings', periodFile: settingsFile };
  }
  const latest = available[available.length - 1];
  return latest ? { period: latest, periodSource: 'responses' } : {};
}

/** A row of the registry, lists, settings or links that is not as wide as the header. */
function refuseBadRows(table: NormalizedTable): void {
  const bad = table.rows.find((r) => r.problem);
  if (bad?.problem) throw new InputError(table.file, bad.problem, bad.line);
}

/** Two registry rows with one code: which school would the responses be? Refused. */
function refuseDuplicateSchools(registry: NormalizedTable): void {
  const firstLine = new Map<string, number>();
  for (const { line, record } of registry.rows) {
    const id = (record.school_id ?? '').trim();
    if (id === '') continue;
    const first = firstLine.get(id);
    if (first !== undefined)
      throw new InputError(registry.file, CLI_INPUT.duplicateSchool(id, first, line), line);
    firstLine.set(id, line);
  }
}

const BOOL_FIELDS = FIELDS.filter((f) => f.type === 'bool');

/**
 * The rows the form will receive. A blank row, a row not as wide as the header and a row with
 * a yes/no answer the form cannot take (its question offers only «Да» and «Нет») are not
 * submitted: they are kept in `skipped`, the last with the core validation's reasons.
 */
function submissionsOf(
  table: NormalizedTable,
  timeZone: string,
  schools: Parameters<typeof validateResponse>[1],
  skipped: SkippedRow[],
): Submission[] {
  let previous: number | null = null;
  return table.rows.flatMap(({ line, record, problem }) => {
    const text = (record[TIMESTAMP] ?? '').trim();
    let at = previous;
    if (text !== '') {
      at = parseTimestamp(text, timeZone);
      if (at === null)
        throw new InputError(
          table.file,
          CLI_INPUT.badTimestamp(text),
          line,
          table.titles[TIMESTAMP] ?? TIMESTAMP,
        );
    }
    previous = at;
    const copy: Record<string, string> = { ...record };
    if (copy.period !== undefined) copy.period = normalizePeriod(copy.period);
    if (copy.school_id) copy.school_id = schoolIdFromChoice(copy.school_id);
    const where = {
      file: table.file,
      line,
      school_id: copy.school_id ?? '',
      period: copy.period ?? '',
    };
    const answered = Object.entries(copy).some(([k, v]) => k !== TIMESTAMP && v.trim() !== '');
    if (!answered) {
      skipped.push({ outcome: 'blank', ...where, reasons: [] });
      return [];
    }
    if (problem) {
      skipped.push({ outcome: 'rejected', ...where, reasons: [problem] });
      return [];
    }
    if (BOOL_FIELDS.some((f) => parseBool(copy[f.code] ?? '').error)) {
      const reasons = validateResponse(copy, schools, { period: copy.period }).errors;
      skipped.push({ outcome: 'rejected', ...where, reasons });
      return [];
    }
    return [{ record: copy, at, file: table.file, line }];
  });
}

/** Periods like `2021-2022` order as text; plain code-unit order, as the core uses. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
