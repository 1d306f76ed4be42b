/**
 * Writes an emulated spreadsheet as an .xlsx file (exceljs): sheets in order with their names,
 * typed values (numbers, booleans, dates at their wall time in the spreadsheet's time zone,
 * formulas as formulas, text as text, even when it looks like a formula), number formats,
 * frozen rows and columns, column widths, bold, font colour, background, wrap, alignment, notes,
 * hidden sheets, data validation (lists, ranges, number bounds, custom formulas) and conditional
 * format rules. Charts are not written: exceljs cannot write them.
 *
 * exceljs's streaming writer is used: each sheet is written to the zip and dropped once done,
 * so memory holds one sheet's cells at a time, not the whole workbook.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { addPicturesAndTitles, type SheetPictures } from './xlsx-pictures';
import { PassThrough, type Writable } from 'node:stream';
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

export interface XlsxExportOptions {
  /** The visible note put where text longer than Excel's cell limit is cut. */
  cutNote?: (length: number) => string;
}

/** Characters of the end kept when text is cut: a note at the end (where the full text is) survives. */
const KEPT_TAIL = 600;

/** Text that Excel cannot hold: its beginning, the note, its end. Never cut silently. */
export function cutForExcel(text: string, note: (length: number) => string): string {
  if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
  const marker = note(text.length);
  const head = EXCEL_MAX_CELL_CHARS - marker.length - KEPT_TAIL;
  return text.slice(0, head) + marker + text.slice(text.length - KEPT_TAIL);
}

const DEFAULT_CUT_NOTE = (length: number) => ` [… ${length} characters, cut to fit Excel …] `;

function cellValue(v: unknown, timeZone: string, options: XlsxExportOptions): ExcelJS.CellValue {
  if (v instanceof FormulaCell)
    return {
      formula: v.text.slice(1),
      date1904: false,
      ...(v.result === undefined ? {} : { result: cellValue(v.result, timeZone, options) }),
    } as ExcelJS.CellValue;
  if (v instanceof Date) return wallAsUtc(v, timeZone);
  if (typeof v === 'string') return cutForExcel(v, options.cutNote ?? DEFAULT_CUT_NOTE);
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

/**
 * Google Sheets grows a row to fit its wrapped text; Excel and LibreOffice take the height
 * written in the file. Rows with wrapped text get a height from an estimate of their lines
 * (about 7 px a character of a 10 pt font, 15 pt a line).
 */
function wrappedRowHeights(data: SheetData): Map<number, number> {
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
  return new Map([...lines].filter(([, n]) => n > 1).map(([r, n]) => [r, n * 15]));
}

/** A cell's style as exceljs takes it; equal styles share one object (exceljs caches by it). */
interface StyleParts {
  numFmt?: string;
  bold?: boolean;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: ExcelJS.Alignment['horizontal'];
}

const NO_STYLE: Partial<ExcelJS.Style> = {};

function styleCache(): (parts: StyleParts | undefined) => Partial<ExcelJS.Style> {
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  return (parts) => {
    if (!parts) return NO_STYLE;
    const key = `${parts.numFmt}|${parts.bold}|${parts.color}|${parts.fill}|${parts.wrap}|${parts.horizontal}`;
    let style = cache.get(key);
    if (!style) {
      style = {};
      if (parts.numFmt) style.numFmt = parts.numFmt;
      if (parts.bold !== undefined || parts.color) {
        style.font = {
          ...(parts.bold !== undefined ? { bold: parts.bold } : {}),
          ...(parts.color ? { color: { argb: parts.color } } : {}),
        };
      }
      if (parts.fill)
        style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: parts.fill } };
      if (parts.wrap !== undefined || parts.horizontal) {
        style.alignment = {
          ...(parts.wrap !== undefined ? { wrapText: parts.wrap } : {}),
          ...(parts.horizontal ? { horizontal: parts.horizontal } : {}),
        };
      }
      cache.set(key, style);
    }
    return style;
  };
}

/**
 * Writes one sheet row by row, committing each row once written and letting the zip take the
 * committed rows every so often, so that memory holds little more than the rows in flight.
 */
async function writeSheet(
  ws: ExcelJS.Worksheet,
  data: SheetData,
  timeZone: string,
  names: Map<string, string>,
  options: XlsxExportOptions,
): Promise<void> {
  for (const [column, px] of data.columnWidths) ws.getColumn(column).width = excelColumnWidth(px);
  for (const column of data.hiddenColumns) ws.getColumn(column).hidden = true;

  const converted = new Map<EmulatedDataValidation, ExcelJS.DataValidation | undefined>();
  const validationOfRule = (rule: EmulatedDataValidation) => {
    if (!converted.has(rule)) converted.set(rule, validationOf(rule, names));
    return converted.get(rule);
  };
  data.conditionalRules.forEach((rule, i) => {
    const ranges = rule.spec.ranges.filter((r) => r.sheet.__data() === data);
    if (ranges.length === 0) return;
    const topLeft = `${columnLetters(ranges[0].column)}${ranges[0].row}`;
    const converted = ruleOf(rule, i + 1, topLeft);
    if (!converted) return;
    const ref = ranges.map((r) => formatA1(r.row, r.column, r.numRows, r.numColumns)).join(' ');
    ws.addConditionalFormatting({ ref, rules: [converted] });
  });

  // Row by row, each row's layers side by side: no map of the whole sheet's cells is built.
  const numFmt = memo(excelNumberFormat);
  const color = memo(excelColor);
  const dateFormat = excelNumberFormat(DEFAULT_DATE_FORMAT) as string;
  const layers = [
    data.values,
    data.numberFormats,
    data.fontWeights,
    data.fontColors,
    data.backgrounds,
    data.wraps,
    data.horizontalAlignments,
    data.notes,
    data.validations,
  ] as const;
  const rowCount = Math.max(...layers.map((l) => l.rowCount));
  const styleOf = styleCache();
  const heights = wrappedRowHeights(data);
  let openRow = -1;
  let row: ExcelJS.Row | undefined;
  for (let r = 0; r < rowCount; r++) {
    const values = data.values.rowAt(r);
    const formats = data.numberFormats.rowAt(r);
    const weights = data.fontWeights.rowAt(r);
    const colors = data.fontColors.rowAt(r);
    const backgrounds = data.backgrounds.rowAt(r);
    const wraps = data.wraps.rowAt(r);
    const aligns = data.horizontalAlignments.rowAt(r);
    const notes = data.notes.rowAt(r);
    const rules = data.validations.rowAt(r);
    const width = Math.max(
      0,
      ...[values, formats, weights, colors, backgrounds, wraps, aligns, notes, rules].map(
        (row) => row?.length ?? 0,
      ),
    );
    for (let c = 0; c < width; c++) {
      let part: StyleParts | undefined;
      const v = values?.[c];
      const f = formats?.[c];
      if (v instanceof Date && f === undefined) (part ??= {}).numFmt = dateFormat;
      if (f !== undefined) {
        const excel = numFmt(f);
        if (excel) (part ??= {}).numFmt = excel;
      }
      const w = weights?.[c];
      if (w !== undefined) (part ??= {}).bold = w === 'bold';
      const fc = colors?.[c];
      if (fc !== undefined) (part ??= {}).color = color(fc);
      const bg = backgrounds?.[c];
      if (bg !== undefined && bg !== '#ffffff') (part ??= {}).fill = color(bg);
      const wrap = wraps?.[c];
      if (wrap !== undefined) (part ??= {}).wrap = wrap;
      const h = aligns?.[c];
      if (h !== undefined && h !== 'normal') (part ??= {}).horizontal = h;
      const note = notes?.[c];
      const rule = rules?.[c];
      const dv = rule === undefined ? undefined : validationOfRule(rule);
      if (v === undefined && !part && note === undefined && !dv) continue;
      if (r !== openRow) {
        if (openRow >= 0) ws.getRow(openRow + 1).commit();
        if (openRow >= 0 && r % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
        openRow = r;
        row = ws.getRow(r + 1);
        const height = heights.get(r);
        if (height) row.height = height;
      }
      // The row's own getCell: the sheet's builds an A1 address and parses it back per cell.
      const cell = (row as ExcelJS.Row).getCell(c + 1);
      if (v !== undefined) cell.value = cellValue(v, timeZone, options);
      cell.style = styleOf(part);
      if (note !== undefined) cell.note = note;
      if (dv) cell.dataValidation = dv;
    }
  }
}

/** A pure conversion remembered per distinct input (formats and colours repeat down a sheet). */
function memo<A, R>(fn: (a: A) => R): (a: A) => R {
  const known = new Map<A, R>();
  return (a) => {
    if (known.has(a)) return known.get(a) as R;
    const r = fn(a);
    known.set(a, r);
    return r;
  };
}

/** Streams an emulated spreadsheet as .xlsx into `stream` (nothing is counted). */
async function writeWorkbook(
  spreadsheet: AnySpreadsheet,
  stream: Writable,
  options: XlsxExportOptions = {},
): Promise<void> {
  const ss = unwrap(spreadsheet);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    // zlib's fast level: about 40 % less CPU than its default 6 for about 10 % larger files
    // (0.65 → 0.72 MB at 200 schools); the sheets' XML is most of the export's work.
    zip: { zlib: { level: 3 } },
  });
  wb.creator = 'shnor-monitor';
  wb.created = ss.ctx.rt.clock.now();
  const sheets: EmulatedSheet[] = ss.__sheets();
  const names = excelSheetNames(sheets.map((s) => s.__data().name));
  for (const sheet of sheets) {
    const data = sheet.__data();
    const ws = wb.addWorksheet(names.get(data.name) as string, sheetOptions(data));
    await writeSheet(ws as unknown as ExcelJS.Worksheet, data, ss.timeZone, names, options);
    ws.commit();
  }
  await wb.commit();
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
  const plain = await streamedBuffer(spreadsheet);
  return added.some((s) => s.titleRows > 0 || s.pictures.length > 0)
    ? addPicturesAndTitles(plain, added)
    : plain;
}

async function streamedBuffer(spreadsheet: AnySpreadsheet): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeWorkbook(spreadsheet, stream);
  await ended;
  return Buffer.concat(chunks);
}

export async function exportSpreadsheetToXlsx(
  spreadsheet: AnySpreadsheet,
  filePath: string,
  options: XlsxExportOptions = {},
): Promise<void> {
  const added = extras(spreadsheet);
  if (added.some((s) => s.titleRows > 0 || s.pictures.length > 0)) {
    await writeFile(filePath, await toXlsxBuffer(spreadsheet, added));
    return;
  }
  const file = createWriteStream(filePath);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  await writeWorkbook(spreadsheet, file, options);
  await closed;
}
