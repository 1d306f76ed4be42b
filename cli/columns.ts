/**
 * Which column of an offline file is which: by code (`school_id`), by a title ending in the
 * code (`Код ОО (school_id)`, as the add-on's own sheets have them), by the form's question
 * title or the sheet's label (`Образовательная организация (код ОО)`), or by a known alias
 * (`Отметка времени`). Records come out keyed by code; unknown columns are left out and named.
 */
import {
  FIELDS,
  LIST_COLUMNS,
  REGISTRY_COLUMNS,
  SETTINGS,
  type ColumnDef,
} from '../src/core/catalogue';
import { CLI_ALIASES, CLI_INPUT } from './messages';
import { DATA_LEAD, LINKS_SHEET, SETTINGS_SHEET } from '../src/sheets/schema';
import type { CsvTable } from './csv';
import { InputError } from './errors';

export type TableKind = 'registry' | 'lists' | 'settings' | 'responses' | 'links';

/** Columns that are recognised but not passed on (a sheet's explanations, raw row numbers). */
const IGNORED = '';

export const ACCESS_CODE = 'access_code';
export const TIMESTAMP = 'timestamp';

/** The lead columns of «Данные» as response columns: school, period, received; not the row. */
const DATA_LEAD_AS: Record<(typeof DATA_LEAD)[number]['code'], string> = {
  school: 'school_id',
  reporting_period: 'period',
  response_row: IGNORED,
  received: TIMESTAMP,
};

/** Lower case, `ё` as `е`, single spaces: how a person would compare two titles. */
export function normalizeTitle(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ');
}

interface KindSpec {
  codes: ReadonlySet<string>;
  titles: ReadonlyMap<string, string>;
  required: readonly string[];
}

function titles(entries: Array<readonly [string, string]>): Map<string, string> {
  return new Map(entries.map(([title, code]) => [normalizeTitle(title), code]));
}

function columnTitles(columns: readonly ColumnDef[]): Array<readonly [string, string]> {
  return columns.map((c) => [c.label, c.code] as const);
}

const aliases = (list: readonly string[], code: string) => list.map((t) => [t, code] as const);

const SPECS: Record<TableKind, KindSpec> = {
  registry: {
    codes: new Set(REGISTRY_COLUMNS.map((c) => c.code)),
    titles: titles(columnTitles(REGISTRY_COLUMNS)),
    required: REGISTRY_COLUMNS.filter((c) => c.required).map((c) => c.code),
  },
  lists: {
    codes: new Set(LIST_COLUMNS.map((c) => c.code)),
    titles: titles(columnTitles(LIST_COLUMNS)),
    required: LIST_COLUMNS.map((c) => c.code),
  },
  settings: {
    codes: new Set(['key', 'value']),
    titles: titles([
      // «Настройки» also has a label and an explanation column: known, not needed.
      ...SETTINGS_SHEET.columns.map(
        (c) => [c.header, c.code === 'key' || c.code === 'value' ? c.code : IGNORED] as const,
      ),
      ...aliases(CLI_ALIASES.settingsKey, 'key'),
    ]),
    required: ['key', 'value'],
  },
  links: {
    codes: new Set(['school_id', 'period', ACCESS_CODE]),
    titles: titles([
      // «Ссылки школам»: school, period and code are read; name, e-mail and link are not needed.
      ...LINKS_SHEET.columns.map(
        (c) =>
          [
            c.header,
            ['school_id', 'period', ACCESS_CODE].includes(c.code) ? c.code : IGNORED,
          ] as const,
      ),
      ...aliases(CLI_ALIASES.accessCode, ACCESS_CODE),
    ]),
    required: ['school_id', ACCESS_CODE],
  },
  responses: {
    codes: new Set([...FIELDS.map((f) => f.code), TIMESTAMP, ACCESS_CODE]),
    titles: titles([
      ...FIELDS.map((f) => [f.label, f.code] as const),
      ['email address', IGNORED],
      ...aliases(CLI_ALIASES.timestamp, TIMESTAMP),
      ...aliases(CLI_ALIASES.period, 'period'),
      ...aliases(CLI_ALIASES.accessCode, ACCESS_CODE),
      ...aliases(CLI_ALIASES.collectedEmail, IGNORED),
      // The lead columns of «Данные»: school, period, raw row, received.
      ...DATA_LEAD.map((c) => [c.header, DATA_LEAD_AS[c.code]] as const),
    ]),
    required: ['school_id'],
  },
};

/** The code a header cell stands for; `''` for a known column not used; null when unknown. */
export function columnCode(kind: TableKind, header: string): string | null {
  const spec = SPECS[kind];
  const text = header.replace(/^\uFEFF/, '').trim();
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(text);
  if (inParens && spec.codes.has(inParens[1])) return inParens[1];
  const lower = text.toLowerCase();
  if (spec.codes.has(lower)) return lower;
  const byTitle = spec.titles.get(normalizeTitle(text));
  return byTitle === undefined ? null : byTitle;
}

export interface NormalizedTable extends CsvTable {
  /** Header cells that name no known column (left out). */
  unknown: string[];
  /** Each code's column title as the file has it, for messages. */
  titles: Record<string, string>;
}

/** Whether the header names its column by code (`school_id`, `Код ОО (school_id)`). */
function byCode(kind: TableKind, header: string): boolean {
  const text = header.replace(/^\uFEFF/, '').trim();
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(text);
  return SPECS[kind].codes.has(inParens ? inParens[1] : text.toLowerCase());
}

/**
 * The table keyed by codes; a missing required column or an ambiguous header stops the run.
 * A column named by code and one matched by title may both be there («Данные» has the lead
 * column «Код ОО» and the field column `school_id`): the first non-empty of them counts.
 */
export function normalizeTable(table: CsvTable, kind: TableKind): NormalizedTable {
  const spec = SPECS[kind];
  const codes = table.header.map((h) => columnCode(kind, h));
  const sources = new Map<string, { exact: string[]; titled: string[] }>();
  codes.forEach((code, i) => {
    if (!code) return;
    const title = table.header[i];
    let s = sources.get(code);
    if (!s) sources.set(code, (s = { exact: [], titled: [] }));
    const same = byCode(kind, title) ? s.exact : s.titled;
    if (same.length > 0)
      throw new InputError(table.file, CLI_INPUT.duplicateColumn(code, same[0]), 1, title);
    same.push(title);
  });
  for (const code of spec.required) {
    if (sources.has(code)) continue;
    const shown = table.header
      .slice(0, 8)
      .map((h) => `«${h}»`)
      .join(', ');
    const found = table.header.length > 8 ? `${shown}, …` : shown || '—';
    throw new InputError(
      table.file,
      CLI_INPUT.missingColumn(code, labelOf(kind, code), found),
      1,
      code,
    );
  }
  const used = [...sources].map(([code, s]) => [code, [...s.exact, ...s.titled]] as const);
  return {
    file: table.file,
    header: used.map(([code]) => code),
    rows: table.rows.map(({ line, record, problem, blank }) => ({
      line,
      ...(problem ? { problem } : {}),
      ...(blank ? { blank } : {}),
      record: Object.fromEntries(
        used.map(([code, titles]) => [
          code,
          titles.map((t) => record[t] ?? '').find((v) => v !== '') ?? '',
        ]),
      ),
    })),
    unknown: table.header.filter((h, i) => codes[i] === null && h !== ''),
    titles: Object.fromEntries(used.map(([code, titles]) => [code, titles[0]])),
  };
}

function labelOf(kind: TableKind, code: string): string {
  if (kind === 'registry') return REGISTRY_COLUMNS.find((c) => c.code === code)?.label ?? '';
  if (kind === 'lists') return LIST_COLUMNS.find((c) => c.code === code)?.label ?? '';
  if (kind === 'responses') return FIELDS.find((f) => f.code === code)?.label ?? '';
  return '';
}

/** For choosing a file's delimiter: how many of these header cells this kind knows. */
export function knownColumns(kind: TableKind, header: readonly string[]): number {
  return header.filter((h) => columnCode(kind, h) !== null).length;
}

/** Setting codes with their labels, for the template's guide. */
export function settingCodes(): Array<{ code: string; label: string }> {
  return SETTINGS.map((s) => ({ code: s.code, label: s.label }));
}
