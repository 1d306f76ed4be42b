/**
 * Reads the inspector's sheets and the product's data sheets into the core's plain inputs,
 * and writes the core's records back as rows. Every column is found by its code in the
 * schema (schema.ts), never by position, so the inspector may reorder or add columns.
 */
import {
  DEFAULT_RULES,
  FIELDS,
  RULE_COLUMNS,
  SETTINGS,
  type FieldDef,
  type SettingDef,
} from '../core/catalogue';
import type { JournalEntry } from '../core/intake';
import { INTAKE } from '../core/messages';
import { emptyFieldValues } from '../core/fieldValues';
import { parseBool } from '../core/parse';
import { parseLists, parseRegistry } from '../core/registry';
import { parseHistory, type RegistryFact } from '../core/registryHistory';
import { readSettings } from '../core/settings';
import { versionKey, type DataEntry } from '../core/versions';
import { DECISION, INTAKE_STATE, yesNo } from '../core/words';
import type {
  Cell,
  DataRow,
  FieldType,
  FieldValue,
  FieldValues,
  ListEntry,
  RegistrySchool,
  RuleRow,
  Settings,
} from '../core/types';
import type { SheetStore } from '../ports';
import {
  columnIndex,
  DATA_LEAD,
  dataSheet,
  LISTS_SHEET,
  readRecords,
  REGISTRY_HISTORY_SHEET,
  REGISTRY_SHEET,
  REJECTED_SHEET,
  LINKS_SHEET,
  rowOf,
  RULES_SHEET,
  SETTINGS_SHEET,
  SHEETS,
  tableOf,
  type SheetSchema,
} from './schema';

const recordsOf = <C extends string>(sheets: SheetStore, schema: SheetSchema<C>) =>
  readRecords(schema, sheets.read(schema.name));

export function readRegistry(sheets: SheetStore): { schools: RegistrySchool[]; errors: string[] } {
  return parseRegistry(recordsOf(sheets, REGISTRY_SHEET).map((r) => r.record));
}

/** «Ссылки школам» as rows: school, period and the personal link. */
export function readLinks(
  sheets: SheetStore,
): Array<{ school_id: string; period: string; url: string }> {
  return recordsOf(sheets, LINKS_SHEET).map(({ record }) => ({
    school_id: String(record.school_id ?? '').trim(),
    period: String(record.period ?? '').trim(),
    url: String(record.url ?? '').trim(),
  }));
}

/** «Ссылки школам» read by column identity: `school_id|period` -> the code its link carries. */
export function readIssuedCodes(sheets: SheetStore): Map<string, string> {
  const codes = new Map<string, string>();
  for (const { record } of recordsOf(sheets, LINKS_SHEET)) {
    const id = String(record.school_id ?? '').trim();
    const period = String(record.period ?? '').trim();
    if (id) codes.set(`${id}|${period}`, String(record.access_code ?? '').trim());
  }
  return codes;
}

export function readLists(sheets: SheetStore): { lists: ListEntry[]; errors: string[] } {
  const { entries, errors } = parseLists(recordsOf(sheets, LISTS_SHEET).map((r) => r.record));
  return { lists: entries, errors };
}

export function readSettingsSheet(sheets: SheetStore): { settings: Settings; errors: string[] } {
  return readSettings(
    recordsOf(sheets, SETTINGS_SHEET)
      // A date cell is the day it shows in the spreadsheet's zone, not in the script's.
      .map((r) => {
        const value =
          r.record.value instanceof Date ? sheets.calendarDate(r.record.value) : r.record.value;
        return [String(r.record.key).trim(), value] as [string, Cell];
      })
      .filter(([key]) => key !== ''),
  );
}

/** «История реестра» (rev 2): [] when the sheet does not exist yet. */
export function readRegistryHistory(sheets: SheetStore): RegistryFact[] {
  return parseHistory(recordsOf(sheets, REGISTRY_HISTORY_SHEET).map((r) => r.record));
}

/** «История реестра» as a table: yes/no in words, as the registry shows them. */
export function registryHistoryTable(facts: readonly RegistryFact[]): Cell[][] {
  return tableOf(
    REGISTRY_HISTORY_SHEET,
    facts.map((f) => ({
      period: f.period,
      school_id: f.school_id,
      is_internship_site: yesNo(f.is_internship_site),
      leader_school_id: f.leader_school_id,
      active: yesNo(f.active),
    })),
  );
}

/** The rules sheet; the catalogue's default rules when the sheet does not exist. */
export function readRules(sheets: SheetStore): RuleRow[] {
  const table = sheets.read(SHEETS.rules);
  if (table.length === 0) return DEFAULT_RULES.map((r) => ({ ...r }));
  return readRecords(RULES_SHEET, table).map(
    ({ record }) =>
      Object.fromEntries(
        RULE_COLUMNS.map((c) => [c.code, String(record[c.code] ?? '').trim()]),
      ) as unknown as RuleRow,
  );
}

/** Rows of «Настройки» for these settings, with their defaults. */
export function settingsRows(settings: readonly SettingDef[] = SETTINGS): Cell[][] {
  return settings.map((s) =>
    rowOf(SETTINGS_SHEET, {
      key: s.code,
      label: s.label,
      value: defaultCell(s.default),
      help: s.help,
    }),
  );
}

function defaultCell(value: unknown): Cell {
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  return '';
}

export function ruleRows(): Cell[][] {
  return DEFAULT_RULES.map((r) => rowOf(RULES_SHEET, { ...r }));
}

export interface StoredData {
  rows: Array<{ sheetRow: number; rawRow: number; timestamp: Date | null; data: DataRow }>;
}

/**
 * The accepted responses. `keysOnly` reads just the lead columns (school, period, raw row,
 * timestamp): what ingestion needs, at a cost that does not grow with the number of fields.
 */
export function readData(
  sheets: SheetStore,
  keysOnly = false,
  fields: readonly FieldDef[] = FIELDS,
): StoredData {
  const table = keysOnly
    ? sheets.readColumns(SHEETS.data, DATA_LEAD.length)
    : sheets.read(SHEETS.data);
  const rows: StoredData['rows'] = [];
  if (table.length === 0) return { rows };
  // The cells are read by their column's position (readRecords' rules: '' where the sheet
  // lacks a column, blank rows left out), without a record of every column per row.
  const index = columnIndex(dataSheet(fields), table[0]);
  const at = (code: string) => index.get(code) ?? -1;
  const cell = (cells: readonly Cell[], i: number): Cell => (i < 0 ? '' : (cells[i] ?? ''));
  const [school, received, responseRow, period] = [
    'school',
    'received',
    'response_row',
    'reporting_period',
  ].map(at);
  const fieldAt = fields.map((f) => at(f.code));
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => c === '' || c === null)) continue;
    const schoolId = String(cell(cells, school)).trim();
    if (!schoolId) continue;
    const values: FieldValues = keysOnly ? {} : emptyFieldValues(fields);
    if (!keysOnly) {
      for (let f = 0; f < fields.length; f++)
        values[fields[f].code] = typedValue(fields[f].type, cell(cells, fieldAt[f]));
    }
    const ts = cell(cells, received);
    const timestamp = ts instanceof Date ? ts : ts ? new Date(String(ts)) : null;
    const responseCell = cell(cells, responseRow);
    rows.push({
      sheetRow: r + 1,
      rawRow: Number(responseCell) || 0,
      timestamp,
      data: {
        school_id: schoolId,
        period: String(cell(cells, period)).trim(),
        values,
        response_id: String(responseCell),
        timestamp: timestamp ? timestamp.toISOString() : '',
      },
    });
  }
  return { rows };
}

/** What «Данные» holds, as the entries the version rule weighs. */
export function dataEntries(stored: StoredData): DataEntry[] {
  return stored.rows.flatMap((r) =>
    r.timestamp ? [{ row: r.rawRow, timestamp: r.timestamp, data: r.data }] : [],
  );
}

function typedValue(type: FieldType, cell: Cell | undefined): FieldValue {
  if (cell === undefined || cell === '') return null;
  if (type === 'int')
    return typeof cell === 'number' ? cell : Number(String(cell).replace(/\s/g, ''));
  if (type === 'bool') return parseBool(cell).value === true;
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * Longest text kept in a data cell: a cell holds at most 50,000 characters. A longer answer
 * (a very long comment) is shortened with a note saying where the full text is; the raw
 * responses sheet keeps what Google stored.
 */
export const MAX_TEXT_IN_CELL = 45_000;

/** A row of the data sheet for an accepted response. */
export function dataRowCells(
  rawRow: number,
  timestamp: Date,
  data: DataRow,
  fields: readonly FieldDef[] = FIELDS,
): Cell[] {
  const record: Record<string, Cell> = {};
  for (const f of fields) {
    const v = data.values[f.code];
    if (v === null || v === undefined) record[f.code] = '';
    else if (f.type === 'bool') record[f.code] = yesNo(Boolean(v));
    else if (typeof v === 'string' && v.length > MAX_TEXT_IN_CELL) {
      record[f.code] = v.slice(0, MAX_TEXT_IN_CELL) + INTAKE.truncated(v.length, rawRow);
    } else record[f.code] = v;
  }
  return rowOf(dataSheet(fields), {
    ...record,
    school: data.school_id,
    reporting_period: data.period,
    response_row: rawRow,
    received: timestamp,
  });
}

/** A row of «Отклонено». */
export function rejectedRowCells(entry: JournalEntry): Cell[] {
  return rowOf(REJECTED_SHEET, {
    row: entry.row,
    received: entry.timestamp,
    school_id: entry.school_id,
    period: entry.period,
    reasons: entry.reasons.join('\n'),
    state: INTAKE_STATE.show(entry.state),
    decision: entry.decision ? DECISION.show(entry.decision) : '',
  });
}

/**
 * The versions «Отклонено» lists (`versionKey`s), read from its first two columns when they
 * are the row and the time received (as the product lays them out), else from the whole sheet.
 */
export function rejectedVersions(sheets: SheetStore): Set<string> {
  const lead = sheets.readColumns(SHEETS.rejected, 2);
  const index = columnIndex(REJECTED_SHEET, lead[0] ?? []);
  const table = index.has('row') && index.has('received') ? lead : sheets.read(SHEETS.rejected);
  return new Set(
    readRecords(REJECTED_SHEET, table)
      .filter(({ record }) => record.received instanceof Date)
      .map(({ record }) => versionKey(Number(record.row), record.received as Date)),
  );
}

/**
 * «Отклонено» as entries, with the inspector's decisions. A row whose state reads back to no
 * state is taken as rejected: it stays listed and never enters «Данные».
 */
export function readRejectedSheet(sheets: SheetStore): JournalEntry[] {
  return recordsOf(sheets, REJECTED_SHEET)
    .filter(({ record }) => record.received instanceof Date)
    .map(({ record }) => ({
      row: Number(record.row),
      timestamp: record.received as Date,
      school_id: String(record.school_id ?? ''),
      period: String(record.period ?? ''),
      reasons: String(record.reasons ?? '')
        .split('\n')
        .filter((e) => e !== ''),
      state: INTAKE_STATE.read(record.state) ?? 'rejected',
      decision: DECISION.read(record.decision) ?? '',
    }));
}
