/**
 * Writes an emulated spreadsheet as an .xlsx file (exceljs): sheets in order with their names,
 * typed values (numbers, booleans, dates at their wall time in the spreadsheet's time zone,
 * formulas as formulas, text as text, even when it looks like a formula), number formats,
 * frozen rows and columns, column widths, bold, font colour, background, wrap, alignment, notes,
 * hidden sheets, data validation (lists, ranges, number bounds, custom formulas) and conditional
 * format rules. Charts are not written: exceljs cannot write them.
 */
import type { EmulatedChart } from '../services/spreadsheet/charts';
import ExcelJS from 'exceljs';
import {
  EmulatedSpreadsheet,
  EmulatedSheet,
  FormulaCell,
  DEFAULT_DATE_FORMAT,
} from '../services/spreadsheet';
import type { SheetData } from '../services/spreadsheet';
import {
  excelColor,
  excelColumnWidth,
  excelNumberFormat,
} from '../services/spreadsheet/excel-format';
import { formatA1, quoteSheetName, columnLetters } from '../services/spreadsheet/a1';
import { wallAsUtc } from '../services/timezone';
import type { EmulatedDataValidation } from '../services/spreadsheet/validation';
import type { EmulatedConditionalFormatRule } from '../services/spreadsheet/conditional';
import type { EmulatedRange } from '../services/spreadsheet/range';

/** Excel refuses longer text in a cell (Sheets allows 50,000 characters): such text is cut. */
const EXCEL_MAX_CELL_CHARS = 32767;

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

function cellValue(v: unknown, timeZone: string): ExcelJS.CellValue {
  if (v instanceof FormulaCell) return { formula: v.text.slice(1), date1904: false };
  if (v instanceof Date) return wallAsUtc(v, timeZone);
  if (typeof v === 'string' && v.length > EXCEL_MAX_CELL_CHARS)
    return v.slice(0, EXCEL_MAX_CELL_CHARS);
  return v as ExcelJS.CellValue;
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

function writeSheet(
  ws: ExcelJS.Worksheet,
  data: SheetData,
  timeZone: string,
  names: Map<string, string>,
): void {
  if (data.frozenRows > 0 || data.frozenColumns > 0) {
    ws.views = [{ state: 'frozen', xSplit: data.frozenColumns, ySplit: data.frozenRows }];
  }
  if (data.hidden) ws.state = 'hidden';
  for (const [column, px] of data.columnWidths) ws.getColumn(column).width = excelColumnWidth(px);

  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);
  data.values.forEach((v, r, c) => {
    cell(r, c).value = cellValue(v, timeZone);
    if (v instanceof Date && data.numberFormats.get(r, c) === undefined) {
      cell(r, c).numFmt = excelNumberFormat(DEFAULT_DATE_FORMAT) as string;
    }
  });
  data.numberFormats.forEach((f, r, c) => {
    const excel = excelNumberFormat(f);
    if (excel) cell(r, c).numFmt = excel;
  });
  const fonts = new Map<string, Partial<ExcelJS.Font>>();
  const font = (r: number, c: number) => {
    const key = `${r},${c}`;
    const f = fonts.get(key) ?? {};
    fonts.set(key, f);
    return f;
  };
  data.fontWeights.forEach((w, r, c) => (font(r, c).bold = w === 'bold'));
  data.fontColors.forEach((color, r, c) => (font(r, c).color = { argb: excelColor(color) }));
  for (const [key, f] of fonts) {
    const [r, c] = key.split(',').map(Number);
    cell(r, c).font = f;
  }
  data.backgrounds.forEach((color, r, c) => {
    if (color !== '#ffffff')
      cell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: excelColor(color) } };
  });
  const alignments = new Map<string, Partial<ExcelJS.Alignment>>();
  const alignment = (r: number, c: number) => {
    const key = `${r},${c}`;
    const a = alignments.get(key) ?? {};
    alignments.set(key, a);
    return a;
  };
  data.wraps.forEach((w, r, c) => (alignment(r, c).wrapText = w));
  data.horizontalAlignments.forEach((h, r, c) => {
    if (h !== 'normal') alignment(r, c).horizontal = h;
  });
  for (const [key, a] of alignments) {
    const [r, c] = key.split(',').map(Number);
    cell(r, c).alignment = a;
  }
  data.notes.forEach((note, r, c) => (cell(r, c).note = note));
  fitWrappedRows(ws, data);
  const converted = new Map<EmulatedDataValidation, ExcelJS.DataValidation | undefined>();
  data.validations.forEach((rule, r, c) => {
    if (!converted.has(rule)) converted.set(rule, validationOf(rule, names));
    const dv = converted.get(rule);
    if (dv) cell(r, c).dataValidation = dv;
  });
  data.conditionalRules.forEach((rule, i) => {
    const ranges = rule.spec.ranges.filter((r) => r.sheet.__data() === data);
    if (ranges.length === 0) return;
    const topLeft = `${columnLetters(ranges[0].column)}${ranges[0].row}`;
    const converted = ruleOf(rule, i + 1, topLeft);
    if (!converted) return;
    const ref = ranges.map((r) => formatA1(r.row, r.column, r.numRows, r.numColumns)).join(' ');
    ws.addConditionalFormatting({ ref, rules: [converted] });
  });
}

/**
 * Google Sheets grows a row to fit its wrapped text; Excel and LibreOffice take the height
 * written in the file. So rows with wrapped text get a height from an estimate of their lines
 * (about 7 px per character of a 10 pt font, 15 pt a line).
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, data: SheetData): void {
  const lines = new Map<number, number>();
  data.wraps.forEach((w, r, c) => {
    if (!w) return;
    const v = data.values.get(r, c);
    if (v === undefined || v === null || v === '') return;
    const width = data.columnWidths.get(c + 1) ?? 100;
    const perLine = Math.max(1, Math.floor((width - 6) / 7));
    const n = String(v)
      .split('\n')
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines.set(r, Math.max(lines.get(r) ?? 1, n));
  });
  for (const [r, n] of lines) if (n > 1) ws.getRow(r + 1).height = n * 15;
}

/**
 * Printing as the reader expects (Apps Script has no print settings, so the export sets them):
 * A4 landscape, fitted to the page width, the header rows repeated on every page.
 */
function printSetup(ws: ExcelJS.Worksheet, frozenRows: number): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  if (frozenRows > 0) ws.pageSetup.printTitlesRow = `1:${frozenRows}`;
  ws.headerFooter = { oddFooter: '&C&P / &N' };
}

/**
 * exceljs cannot write charts: each embedded chart goes in as its picture, drawn from the same
 * ranges and options (EmbeddedChart.getAs), at the chart's anchor cell.
 */
function chartImages(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  charts: readonly EmulatedChart[],
): void {
  for (const chart of charts) {
    const png = chart.__png();
    const id = wb.addImage({ buffer: Buffer.from(png) as never, extension: 'png' });
    const at = chart.state.position;
    ws.addImage(id, {
      tl: { col: at.column - 1, row: at.row - 1 },
      ext: { width: 640, height: 400 },
    });
  }
}

/** Builds the exceljs workbook for an emulated spreadsheet (nothing is counted). */
export function buildWorkbook(spreadsheet: AnySpreadsheet): ExcelJS.Workbook {
  const ss = unwrap(spreadsheet);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shnor-monitor';
  wb.created = ss.ctx.rt.clock.now();
  // We do not evaluate formulas: let Excel compute them when it opens the file.
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets: EmulatedSheet[] = ss.__sheets();
  const names = excelSheetNames(sheets.map((s) => s.__data().name));
  for (const sheet of sheets) {
    const data = sheet.__data();
    const ws = wb.addWorksheet(names.get(data.name) as string);
    writeSheet(ws, data, ss.timeZone, names);
    printSetup(ws, data.frozenRows);
    chartImages(wb, ws, data.charts);
  }
  return wb;
}

export async function toXlsxBuffer(spreadsheet: AnySpreadsheet): Promise<Buffer> {
  const out = await buildWorkbook(spreadsheet).xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function exportSpreadsheetToXlsx(
  spreadsheet: AnySpreadsheet,
  filePath: string,
): Promise<void> {
  await buildWorkbook(spreadsheet).xlsx.writeFile(filePath);
}
