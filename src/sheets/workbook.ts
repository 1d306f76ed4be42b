/**
 * Reads the inspector's sheets and the product's data sheet into the core's plain inputs.
 * Columns are found by their header (Russian label or field code), never by position, so the
 * inspector may reorder or add columns.
 */
import { FIELDS, REGISTRY_COLUMNS, DEFAULT_RULES, SETTINGS } from '../core/catalogue';
import { COLUMNS, SHEETS } from './schema';
import { parseLists, parseRegistry } from '../core/registry';
import { readSettings } from '../core/settings';
import type {
  DataRow,
  FieldValues,
  ListEntry,
  RegistrySchool,
  RuleRow,
  Settings,
} from '../core/types';
import type { Cell, SheetStore, Table } from '../ports';
import { INTAKE } from '../core/messages';
import type { Decision, JournalEntry } from '../core/intake';

const RULE_KEYS = [
  'rule_id',
  'code',
  'operator',
  'threshold',
  'addressee',
  'text',
  'applies_to',
] as const;
const LIST_KEYS = ['period', 'school_id', 'status'] as const;

/** The code a header cell names: `Label (code)`, a bare code, or a known label. */
export function headerCode(header: Cell, labels: ReadonlyMap<string, string>): string {
  const text = String(header).trim();
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(text);
  if (inParens) return inParens[1];
  if (/^[a-z][a-z0-9_]*$/.test(text)) return text;
  return labels.get(text.toLowerCase()) ?? text;
}

/** Rows of a table as records keyed by column code; the sheet row number is kept. */
export function tableRecords(
  table: Table,
  labels: ReadonlyMap<string, string> = new Map(),
): Array<{ row: number; record: Record<string, Cell> }> {
  if (table.length === 0) return [];
  const codes = table[0].map((h) => headerCode(h, labels));
  const out: Array<{ row: number; record: Record<string, Cell> }> = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => c === '' || c === null)) continue;
    const record: Record<string, Cell> = {};
    codes.forEach((code, c) => {
      if (code) record[code] = cells[c] ?? '';
    });
    out.push({ row: r + 1, record });
  }
  return out;
}

export const registryLabels: ReadonlyMap<string, string> = new Map(
  REGISTRY_COLUMNS.map((c) => [c.label.toLowerCase(), c.code]),
);

export function registryHeader(): string[] {
  return REGISTRY_COLUMNS.map((c) => `${c.label} (${c.code})`);
}

export function readRegistry(sheets: SheetStore): { schools: RegistrySchool[]; errors: string[] } {
  return parseRegistry(
    tableRecords(sheets.read(SHEETS.registry), registryLabels).map((r) => r.record),
  );
}

export function readLists(sheets: SheetStore): { lists: ListEntry[]; errors: string[] } {
  const records = tableRecords(sheets.read(SHEETS.lists)).map((r) => r.record);
  const { entries, errors } = parseLists(records.map((rec) => pick(rec, LIST_KEYS)));
  return { lists: entries, errors };
}

export function readSettingsSheet(sheets: SheetStore): { settings: Settings; errors: string[] } {
  const rows = sheets.read(SHEETS.settings).slice(1);
  return readSettings(
    rows.filter((r) => String(r[0]).trim() !== '').map((r) => [String(r[0]).trim(), r[2]]),
  );
}

export function readRules(sheets: SheetStore): RuleRow[] {
  const table = sheets.read(SHEETS.rules);
  if (table.length === 0) return DEFAULT_RULES.map((r) => ({ ...r }));
  return tableRecords(table).map(({ record }) => {
    const rule = pick(record, RULE_KEYS);
    return Object.fromEntries(
      RULE_KEYS.map((k) => [k, String(rule[k] ?? '').trim()]),
    ) as unknown as RuleRow;
  });
}

export function settingsRows(): Cell[][] {
  return SETTINGS.map((s) => [s.code, s.label, defaultCell(s.default), s.help]);
}

function defaultCell(value: unknown): Cell {
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number' || typeof value === 'string') return value;
  return '';
}

export function ruleRows(): Cell[][] {
  return DEFAULT_RULES.map((r) => RULE_KEYS.map((k) => r[k]));
}

export { dataHeader } from './product';

export interface StoredData {
  rows: Array<{ sheetRow: number; rawRow: number; timestamp: Date | null; data: DataRow }>;
}

/**
 * The accepted responses. `keysOnly` reads just the lead columns (school, period, raw row,
 * timestamp): what ingestion needs, at a cost that does not grow with the number of fields.
 */
export function readData(sheets: SheetStore, keysOnly = false): StoredData {
  const table = keysOnly
    ? sheets.readColumns(SHEETS.data, COLUMNS.dataLead.length)
    : sheets.read(SHEETS.data);
  if (table.length === 0) return { rows: [] };
  const header = table[0].map((h) => String(h));
  const col = (name: string) => header.indexOf(name);
  const [schoolCol, periodCol, rawCol, tsCol] = COLUMNS.dataLead.map(col);
  const fieldCols = FIELDS.map((f) => [f, col(f.code)] as const).filter(([, c]) => c >= 0);
  const rows: StoredData['rows'] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    const schoolId = String(cells[schoolCol] ?? '').trim();
    if (!schoolId) continue;
    const values: FieldValues = {};
    for (const [field, c] of fieldCols) values[field.code] = typedValue(field.type, cells[c]);
    const ts = cells[tsCol];
    const timestamp = ts instanceof Date ? ts : ts ? new Date(String(ts)) : null;
    rows.push({
      sheetRow: r + 1,
      rawRow: Number(cells[rawCol]) || 0,
      timestamp,
      data: {
        school_id: schoolId,
        period: String(cells[periodCol] ?? '').trim(),
        values,
        response_id: String(cells[rawCol] ?? ''),
        timestamp: timestamp ? timestamp.toISOString() : '',
      },
    });
  }
  return { rows };
}

function typedValue(type: string, cell: Cell | undefined): number | boolean | string | null {
  if (cell === undefined || cell === '') return null;
  if (type === 'int')
    return typeof cell === 'number' ? cell : Number(String(cell).replace(/\s/g, ''));
  if (type === 'bool') {
    if (typeof cell === 'boolean') return cell;
    return /^(да|true|yes|1)$/i.test(String(cell).trim());
  }
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

/**
 * Longest text kept in a data cell: a cell holds at most 50,000 characters. A longer answer
 * (a very long comment) is shortened with a note saying where the full text is; the raw
 * responses sheet keeps what Google stored.
 */
export const MAX_TEXT_IN_CELL = 45_000;

/** A row of the data sheet for an accepted response. */
export function dataRowCells(rawRow: number, timestamp: Date, data: DataRow): Cell[] {
  return [
    data.school_id,
    data.period,
    rawRow,
    timestamp,
    ...FIELDS.map((f) => {
      const v = data.values[f.code];
      if (v === null || v === undefined) return '';
      if (f.type === 'bool') return v ? 'да' : 'нет';
      if (typeof v === 'string' && v.length > MAX_TEXT_IN_CELL) {
        return v.slice(0, MAX_TEXT_IN_CELL) + INTAKE.truncated(v.length, rawRow);
      }
      return v;
    }),
  ];
}

/** A row of «Отклонено». */
export function rejectedRowCells(entry: JournalEntry): Cell[] {
  return [
    entry.row,
    entry.timestamp,
    entry.school_id,
    entry.period,
    entry.reasons.join('\n'),
    entry.state,
    entry.decision,
  ];
}

/** «Отклонено» as entries, with the inspector's decisions. */
export function readRejectedSheet(sheets: SheetStore): JournalEntry[] {
  return sheets
    .read(SHEETS.rejected)
    .slice(1)
    .filter((r) => r[1] instanceof Date)
    .map((r) => ({
      row: Number(r[0]),
      timestamp: r[1] as Date,
      school_id: String(r[2] ?? ''),
      period: String(r[3] ?? ''),
      reasons: String(r[4] ?? '')
        .split('\n')
        .filter((e) => e !== ''),
      state: String(r[5] ?? ''),
      decision: decisionOf(r[6]),
    }));
}

function decisionOf(cell: Cell | undefined): Decision {
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  return text === 'принять' || text === 'отклонить' ? text : '';
}

function pick<K extends string>(record: Record<string, Cell>, keys: readonly K[]): Record<K, Cell> {
  const out = {} as Record<K, Cell>;
  for (const k of keys) out[k] = record[k] ?? '';
  return out;
}
