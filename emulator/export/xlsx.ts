/**
 * Writes an emulated spreadsheet as an .xlsx file (exceljs): sheets in order with their names,
 * typed values (numbers, booleans, dates at their wall time in the spreadsheet's time zone,
 * formulas as formulas, text as text, even when it looks like a formula), number formats,
 * frozen rows and columns, column widths, bold, font colour, background, wrap, alignment, notes,
 * hidden sheets, data validation (lists, ranges, number bounds, custom formulas) and conditional
 * format rules. Charts are not written: exceljs cannot write them.
 *
 * This side reads the spreadsheet into the writer's plain parts; xlsx-write.ts writes them.
 */
import type ExcelJS from 'exceljs';
import type { SheetPictures } from './xlsx-pictures';
import { EmulatedSpreadsheet, EmulatedSheet } from '../services/spreadsheet';
import type { SheetData } from '../services/spreadsheet';
import type { Grid } from '../services/spreadsheet/grid';
import { excelColor } from '../services/spreadsheet/excel-format';
import { formatA1, quoteSheetName, columnLetters } from '../services/spreadsheet/a1';
import type { EmulatedDataValidation } from '../services/spreadsheet/validation';
import type { EmulatedConditionalFormatRule } from '../services/spreadsheet/conditional';
import type { EmulatedRange } from '../services/spreadsheet/range';
import {
  bufferOf,
  writeXlsx,
  type Rows,
  type XlsxBook,
  type XlsxExportOptions,
  type XlsxSheet,
  type XlsxSheets,
} from './xlsx-write';

export { cutForExcel, writeXlsx } from './xlsx-write';
export type { XlsxBook, XlsxExportOptions, XlsxSheet, XlsxSheets } from './xlsx-write';

type AnySpreadsheet = EmulatedSpreadsheet | GoogleAppsScript.Spreadsheet.Spreadsheet;

function unwrap(ss: AnySpreadsheet): EmulatedSpreadsheet {
  if (!(ss instanceof EmulatedSpreadsheet))
    throw new Error('exportSpreadsheetToXlsx: not an emulated spreadsheet');
  return ss;
}

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique ignoring case. */
function excelSheetNames(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    const base =
      name
        .replace(/[\\/?*[\]:]/g, '_')
        .replace(/^'+|'+$/g, '')
        .slice(0, 31) || 'Sheet';
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    out.set(name, candidate);
  }
  return out;
}

function absoluteA1(range: EmulatedRange): string {
  const c1 = columnLetters(range.column);
  const c2 = columnLetters(range.column + range.numColumns - 1);
  return `$${c1}$${range.row}:$${c2}$${range.row + range.numRows - 1}`;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

function validationOf(
  rule: EmulatedDataValidation,
  names: Map<string, string>,
): ExcelJS.DataValidation | undefined {
  const { criteria, values, allowInvalid, helpText } = rule.state;
  const common = {
    allowBlank: true,
    showErrorMessage: !allowInvalid,
    errorStyle: allowInvalid ? 'warning' : 'stop',
    ...(helpText ? { prompt: helpText, showInputMessage: true } : {}),
  };
  if (criteria === 'VALUE_IN_LIST') {
    const items = (values[0] as unknown[]).map(String);
    const list = items.join(',');
    // Excel's inline list: no commas or quotes inside items, at most 255 characters.
    if (items.some((s) => /[,"]/.test(s)) || list.length > 255) return undefined;
    return { type: 'list', formulae: [`"${list}"`], ...common };
  }
  if (criteria === 'VALUE_IN_RANGE') {
    const range = values[0] as EmulatedRange;
    const sheetName = names.get(range.sheet.__data().name) ?? range.sheet.__data().name;
    return {
      type: 'list',
      formulae: [`${quoteSheetName(sheetName)}!${absoluteA1(range)}`],
      ...common,
    };
  }
  if (criteria && NUMBER_OPERATORS[criteria]) {
    return {
      type: 'decimal',
      operator: NUMBER_OPERATORS[criteria],
      formulae: [...values],
      ...common,
    };
  }
  if (criteria === 'CUSTOM_FORMULA') {
    return { type: 'custom', formulae: [String(values[0]).replace(/^=/, '')], ...common };
  }
  return undefined;
}

function ruleOf(
  rule: EmulatedConditionalFormatRule,
  priority: number,
  topLeft: string,
): ExcelJS.ConditionalFormattingRule | undefined {
  const s = rule.spec;
  const style: Partial<ExcelJS.Style> = {};
  if (s.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: excelColor(s.background) } };
  if (s.fontColor || s.bold || s.italic) {
    style.font = {
      ...(s.fontColor ? { color: { argb: excelColor(s.fontColor) } } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
    };
  }
  const v = s.values;
  const text = (x: unknown) => `"${String(x).replace(/"/g, '""')}"`;
  if (s.criteria && NUMBER_OPERATORS[s.criteria]) {
    return {
      type: 'cellIs',
      operator: NUMBER_OPERATORS[s.criteria] as 'equal',
      formulae: [...v],
      priority,
      style,
    };
  }
  switch (s.criteria) {
    case 'TEXT_EQUAL_TO':
      return { type: 'cellIs', operator: 'equal', formulae: [text(v[0])], priority, style };
    case 'TEXT_CONTAINS':
      return {
        type: 'containsText',
        operator: 'containsText',
        text: String(v[0]),
        priority,
        style,
      };
    case 'CUSTOM_FORMULA':
      return { type: 'expression', formulae: [String(v[0]).replace(/^=/, '')], priority, style };
    case 'CELL_EMPTY':
      return { type: 'expression', formulae: [`LEN(TRIM(${topLeft}))=0`], priority, style };
    case 'CELL_NOT_EMPTY':
      return { type: 'expression', formulae: [`LEN(TRIM(${topLeft}))>0`], priority, style };
    default:
      return undefined;
  }
}

/**
 * What the streaming writer needs when a sheet is added: frozen panes, visibility, and
 * printing as the reader expects (Apps Script has no print settings, so the export sets them):
 * A4 landscape, fitted to the page width, page numbers in the footer.
 */
function sheetOptions(data: SheetData): Partial<ExcelJS.AddWorksheetOptions> {
  const frozen = data.frozenRows > 0 || data.frozenColumns > 0;
  return {
    views: frozen
      ? [{ state: 'frozen', xSplit: data.frozenColumns, ySplit: data.frozenRows }]
      : undefined,
    state: data.hidden ? 'hidden' : 'visible',
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' } as ExcelJS.HeaderFooter,
  };
}

/** A spreadsheet as the writer takes it: its sheets made on demand. */
export function xlsxSource(spreadsheet: AnySpreadsheet): { book: XlsxBook; sheet: XlsxSheets } {
  const ss = unwrap(spreadsheet);
  const sheets: EmulatedSheet[] = ss.__sheets();
  const names = excelSheetNames(sheets.map((s) => s.__data().name));
  return {
    book: {
      created: ss.ctx.rt.clock.now(),
      timeZone: ss.timeZone,
      pictures: extras(spreadsheet),
      sheetCount: sheets.length,
    },
    sheet: (index) => xlsxSheet(sheets[index].__data(), names),
  };
}

function rowsOf<T>(grid: Grid<T>): Rows<T> {
  const rows: Array<ReadonlyArray<T | undefined> | undefined> = [];
  for (let r = 0; r < grid.rowCount; r++) rows.push(grid.rowAt(r));
  return rows;
}

function xlsxSheet(data: SheetData, names: Map<string, string>): XlsxSheet {
  const conditional: ExcelJS.ConditionalFormattingOptions[] = [];
  data.conditionalRules.forEach((rule, i) => {
    const ranges = rule.spec.ranges.filter((r) => r.sheet.__data() === data);
    if (ranges.length === 0) return;
    const topLeft = `${columnLetters(ranges[0].column)}${ranges[0].row}`;
    const converted = ruleOf(rule, i + 1, topLeft);
    if (!converted) return;
    const ref = ranges.map((r) => formatA1(r.row, r.column, r.numRows, r.numColumns)).join(' ');
    conditional.push({ ref, rules: [converted] });
  });
  const ruleIndex = new Map<EmulatedDataValidation, number>();
  const validationRules: Array<ExcelJS.DataValidation | undefined> = [];
  const validations = rowsOf(data.validations).map((row) =>
    row?.map((rule) => {
      if (rule === undefined) return undefined;
      let index = ruleIndex.get(rule);
      if (index === undefined) {
        index = validationRules.length;
        ruleIndex.set(rule, index);
        validationRules.push(validationOf(rule, names));
      }
      return index;
    }),
  );
  return {
    name: names.get(data.name) as string,
    options: sheetOptions(data),
    columnWidths: data.columnWidths,
    hiddenColumns: data.hiddenColumns,
    conditional,
    values: rowsOf(data.values),
    numberFormats: rowsOf(data.numberFormats),
    fontWeights: rowsOf(data.fontWeights),
    fontColors: rowsOf(data.fontColors),
    backgrounds: rowsOf(data.backgrounds),
    wraps: rowsOf(data.wraps),
    horizontalAlignments: rowsOf(data.horizontalAlignments),
    notes: rowsOf(data.notes),
    validations,
    validationRules,
  };
}

/** Pictures of the embedded charts and the print titles of each sheet (xlsx-pictures.ts). */
function extras(spreadsheet: AnySpreadsheet): SheetPictures[] {
  return unwrap(spreadsheet)
    .__sheets()
    .map((sheet, index) => {
      const data = sheet.__data();
      return {
        index,
        name: data.name,
        titleRows: data.frozenRows,
        pictures: data.charts.map((chart) => ({
          png: chart.__png(),
          row: chart.state.position.row - 1,
          column: chart.state.position.column - 1,
          width: 640,
          height: 400,
        })),
      };
    });
}

export async function toXlsxBuffer(
  spreadsheet: AnySpreadsheet,
  added: SheetPictures[] = extras(spreadsheet),
): Promise<Buffer> {
  const { book, sheet } = xlsxSource(spreadsheet);
  return bufferOf({ ...book, pictures: added }, sheet);
}

export async function exportSpreadsheetToXlsx(
  spreadsheet: AnySpreadsheet,
  filePath: string,
  options: XlsxExportOptions = {},
): Promise<void> {
  const { book, sheet } = xlsxSource(spreadsheet);
  await writeXlsx(book, sheet, filePath, options);
}
