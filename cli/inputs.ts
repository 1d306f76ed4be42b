/**
 * From files to what the run submits: tables keyed by code, the time zone of the
 * timestamps, each response row with its instant and its place in the file, in the order
 * the form would have received them, and the period of the summary.
 */
import { isTimeZone } from '../emulator/services/timezone';
import { normalizePeriod } from '../src/core/parse';
import { CLI_INPUT } from './messages';
import {
  ACCESS_CODE,
  normalizeTable,
  TIMESTAMP,
  type NormalizedTable,
  type TableKind,
} from './columns';
import type { CsvTable } from './csv';
import { InputError } from './errors';
import { parseTimestamp } from './timestamp';

export interface MonitoringInputs {
  registry: CsvTable;
  responses: CsvTable[];
  lists?: CsvTable;
  settings?: CsvTable;
  /** The period of the summary; by default the latest period in the responses. */
  period?: string;
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
  period?: string;
  /** Whether any response file has an access_code column (the 8a check applies then). */
  hasAccessCodes: boolean;
  /** Columns left out because nothing knows them: shown to the user, not fatal. */
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

  let timeZone = DEFAULT_TIME_ZONE;
  const settings: PreparedInputs['settings'] = [];
  for (const { line, record } of settingsTable?.rows ?? []) {
    const key = (record.key ?? '').trim();
    const value = record.value ?? '';
    if (!key) continue;
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

  const responses = inputs.responses.map((t) => normalized(t, 'responses'));
  const submissions = responses.flatMap((t) => submissionsOf(t, timeZone));
  // The form receives responses in time order; rows without a time stay where the file put them.
  submissions.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));

  const given = normalizePeriod(inputs.period ?? '');
  const periods = submissions.map((s) => s.record.period ?? '').filter((p) => p !== '');
  const latest = periods.sort(byCodeUnits)[periods.length - 1];
  return {
    registry,
    lists,
    settings,
    timeZone,
    submissions,
    period: given || latest || undefined,
    hasAccessCodes: responses.some((t) => t.header.includes(ACCESS_CODE)),
    warnings,
  };
}

function submissionsOf(table: NormalizedTable, timeZone: string): Submission[] {
  let previous: number | null = null;
  return table.rows.map(({ line, record }) => {
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
    // «Ответы формы» holds the school as the form listed it: `0012 — МБОУ …`.
    if (copy.school_id) copy.school_id = copy.school_id.split(' — ')[0].trim();
    return { record: copy, at, file: table.file, line };
  });
}

/** Periods like `2021-2022` order as text; plain code-unit order, as the core uses. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
