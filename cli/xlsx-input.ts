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
}

export async function readWorkbook(file: string): Promise<WorkbookTables> {
  if (!existsSync(file)) throw new InputError(file, CLI_INPUT.notFound);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new InputError(file, CLI_INPUT.notWorkbook);
  }
  const table = (name: string): CsvTable | undefined => {
    const ws = wb.getWorksheet(name);
    return ws ? sheetTable(ws, CLI_INPUT.sheetFile(file, name)) : undefined;
  };
  const registry = table(SHEETS.registry);
  if (!registry) throw new InputError(file, CLI_INPUT.missingSheet(SHEETS.registry));
  const raw = table(SHEETS.responses);
  const data = table(SHEETS.data);
  const responses = raw && (raw.rows.length > 0 || !data) ? raw : data;
  if (!responses)
    throw new InputError(file, CLI_INPUT.missingResponsesSheet(SHEETS.responses, SHEETS.data));
  return { registry, lists: table(SHEETS.lists), settings: table(SHEETS.settings), responses };
}

function sheetTable(ws: ExcelJS.Worksheet, file: string): CsvTable {
  const width = ws.columnCount;
  const cells = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
  const header = ws.rowCount > 0 ? cells(ws.getRow(1)) : [];
  const rows: CsvTable['rows'] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = cells(ws.getRow(r));
    if (values.every((v) => v === '')) continue;
    rows.push({
      line: r,
      record: Object.fromEntries(
        header.flatMap((h, i) => (h === '' ? [] : [[h, values[i]] as const])),
      ),
    });
  }
  return { file, header, rows };
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
