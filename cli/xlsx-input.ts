/**
 * The alternative input: an .xlsx download of the add-on's own spreadsheet (Файл → Скачать →
 * Microsoft Excel). Its sheets «Реестр школ», «Перечни», «Настройки» and «Ответы формы» (or,
 * when that is empty, «Данные») become the same tables the CSV files give.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { CLI_INPUT } from './messages';
import { SHEETS } from '../src/sheets/schema';
import type { CsvTable } from './csv';
import { InputError } from './errors';
import { wallDateText } from './timestamp';

export interface WorkbookTables {
  registry: CsvTable;
  lists?: CsvTable;
  settings?: CsvTable;
  responses: CsvTable;
  /** «Ссылки школам»: each school's access code, for checking codes offline (spec 9). */
  links?: CsvTable;
}

/**
 * The sheets are streamed (exceljs' WorkbookReader): only rows that exist are read, and only
 * the cells under a header, so a stray value far away (XFD1048576) costs nothing.
 */
export async function readWorkbook(file: string): Promise<WorkbookTables> {
  if (!existsSync(file)) throw new InputError(file, CLI_INPUT.notFound);
  const wanted = new Set<string>([
    SHEETS.registry,
    SHEETS.lists,
    SHEETS.settings,
    SHEETS.responses,
    SHEETS.data,
    SHEETS.links,
  ]);
  const tables = new Map<string, CsvTable>();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      if (!wanted.has(name) || tables.has(name)) {
        // Drain a sheet we skip: exceljs may stream it from a temporary file that it deletes
        // as soon as we move on, and an unread stream opening after that fails with ENOENT.
        for await (const row of ws) void row;
        continue;
      }
      tables.set(name, await sheetTable(ws, CLI_INPUT.sheetFile(file, name)));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, CLI_INPUT.notWorkbook);
  }
  const registry = tables.get(SHEETS.registry);
  if (!registry) throw new InputError(file, CLI_INPUT.missingSheet(SHEETS.registry));
  const raw = tables.get(SHEETS.responses);
  const data = tables.get(SHEETS.data);
  const responses = raw && (raw.rows.length > 0 || !data) ? raw : data;
  if (!responses)
    throw new InputError(file, CLI_INPUT.missingResponsesSheet(SHEETS.responses, SHEETS.data));
  return {
    registry,
    lists: tables.get(SHEETS.lists),
    settings: tables.get(SHEETS.settings),
    responses,
    links: tables.get(SHEETS.links),
  };
}

type RowReader = AsyncIterable<ExcelJS.Row>;

async function sheetTable(ws: RowReader, file: string): Promise<CsvTable> {
  let header: string[] | null = null;
  const rows: CsvTable['rows'] = [];
  for await (const row of ws) {
    const values = row.values as ExcelJS.CellValue[];
    if (header === null) {
      // The header is the first row; columns right of its last title are not read.
      const titles = Array.from({ length: values.length - 1 }, (_, i) =>
        cellText(values[i + 1]).trim(),
      );
      while (titles.length > 0 && titles[titles.length - 1] === '') titles.pop();
      header = titles;
      continue;
    }
    const cells = header.map((_, i) => cellText(values[i + 1]).trim());
    if (cells.every((v) => v === '')) continue;
    rows.push({
      line: row.number,
      record: Object.fromEntries(
        header.flatMap((h, i) => (h === '' ? [] : [[h, cells[i]] as const])),
      ),
    });
  }
  return { file, header: header ?? [], rows };
}

/** A cell as the text a CSV export would hold. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) {
    const text = wallDateText(value);
    // A date without a time (a deadline) reads best the Russian way.
    const [date, time] = text.split('T');
    if (time === '00:00:00') {
      const [y, m, d] = date.split('-');
      return `${d}.${m}.${y}`;
    }
    return text;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text);
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  return '';
}
