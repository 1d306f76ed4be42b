/**
 * The .xlsx writer (exceljs) of the workbook export (xlsx.ts): from plain parts, so that it runs
 * the same here or in the export's worker thread (xlsx-thread.ts), which loads only this and
 * what it imports (no spreadsheet service, no chart drawing).
 *
 * exceljs's streaming writer is used: each sheet is written to the zip and dropped once done,
 * so memory holds one sheet's cells at a time, not the whole workbook.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { addPicturesAndTitles, type SheetPictures } from './xlsx-pictures';
import {
  DEFAULT_DATE_FORMAT,
  type FormulaCell,
  type StoredCell,
} from '../services/spreadsheet/cell-values';
import {
  excelColor,
  excelColumnWidth,
  excelNumberFormat,
} from '../services/spreadsheet/excel-format';
import type { HorizontalAlignment } from '../services/spreadsheet/sheet-data';
import { wallAsUtc } from '../services/timezone';

/** Excel refuses longer text in a cell (Sheets allows 50,000 characters): such text is cut. */
const EXCEL_MAX_CELL_CHARS = 32767;

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

/**
 * A formula cell: the emulator's `FormulaCell`, or its plain copy in the export's worker thread
 * (a structured clone keeps its fields, not its class).
 */
function isFormula(v: unknown): v is Pick<FormulaCell, 'text' | 'result'> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

function cellValue(v: unknown, timeZone: string, options: XlsxExportOptions): ExcelJS.CellValue {
  if (isFormula(v))
    return {
      formula: v.text.slice(1),
      date1904: false,
      ...(v.result === undefined ? {} : { result: cellValue(v.result, timeZone, options) }),
    } as ExcelJS.CellValue;
  if (v instanceof Date) return wallAsUtc(v, timeZone);
  if (typeof v === 'string') return cutForExcel(v, options.cutNote ?? DEFAULT_CUT_NOTE);
  return v as ExcelJS.CellValue;
}

/**
 * Google Sheets grows a row to fit its wrapped text; Excel and LibreOffice take the height
 * written in the file. Rows with wrapped text get a height from an estimate of their lines
 * (about 7 px a character of a 10 pt font, 15 pt a line).
 */
function wrappedRowHeights(data: XlsxSheet): Map<number, number> {
  const lines = new Map<number, number>();
  data.wraps.forEach((row, r) => {
    if (row === undefined) return;
    row.forEach((w, c) => {
      if (w === undefined || !w) return;
      const v = data.values[r]?.[c];
      if (v === undefined || v === null || v === '') return;
      const width = data.columnWidths.get(c + 1) ?? 100;
      const perLine = Math.max(1, Math.floor((width - 6) / 7));
      const n = String(v)
        .split('\n')
        .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
      lines.set(r, Math.max(lines.get(r) ?? 1, n));
    });
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
  data: XlsxSheet,
  timeZone: string,
  options: XlsxExportOptions,
): Promise<void> {
  for (const [column, px] of data.columnWidths) ws.getColumn(column).width = excelColumnWidth(px);
  for (const column of data.hiddenColumns) ws.getColumn(column).hidden = true;
  for (const formatting of data.conditional) ws.addConditionalFormatting(formatting);

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
  const rowCount = Math.max(...layers.map((l) => l.length));
  const styleOf = styleCache();
  const heights = wrappedRowHeights(data);
  let openRow = -1;
  let row: ExcelJS.Row | undefined;
  for (let r = 0; r < rowCount; r++) {
    const values = data.values[r];
    const formats = data.numberFormats[r];
    const weights = data.fontWeights[r];
    const colors = data.fontColors[r];
    const backgrounds = data.backgrounds[r];
    const wraps = data.wraps[r];
    const aligns = data.horizontalAlignments[r];
    const notes = data.notes[r];
    const rules = data.validations[r];
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
      const dv = rule === undefined ? undefined : data.validationRules[rule];
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

/** A cell layer's rows (missing rows and cells undefined): read, never changed. */
export type Rows<T> = ReadonlyArray<ReadonlyArray<T | undefined> | undefined>;

/**
 * One sheet as the writer takes it: plain data, so that a structured clone of it (the export's
 * worker thread) writes the same file. Built from the sheet's layers without copying them.
 */
export interface XlsxSheet {
  /** Its name in the file (Excel's rules: xlsx sheet names). */
  name: string;
  options: Partial<ExcelJS.AddWorksheetOptions>;
  columnWidths: ReadonlyMap<number, number>;
  hiddenColumns: ReadonlySet<number>;
  conditional: ExcelJS.ConditionalFormattingOptions[];
  values: Rows<StoredCell>;
  numberFormats: Rows<string>;
  fontWeights: Rows<'bold' | 'normal'>;
  fontColors: Rows<string>;
  backgrounds: Rows<string>;
  wraps: Rows<boolean>;
  horizontalAlignments: Rows<HorizontalAlignment>;
  notes: Rows<string>;
  /** Each cell's data validation, as an index into `validationRules`. */
  validations: Rows<number>;
  validationRules: Array<ExcelJS.DataValidation | undefined>;
}

/** What the whole file needs besides its sheets. */
export interface XlsxBook {
  created: Date;
  timeZone: string;
  /** Pictures of the embedded charts and the print titles of each sheet (xlsx-pictures.ts). */
  pictures: SheetPictures[];
  sheetCount: number;
}

/** The sheets, one at a time, in order (from here, or asked of the thread that has them). */
export type XlsxSheets = (index: number) => XlsxSheet | Promise<XlsxSheet>;

/** Streams a workbook as .xlsx into `stream` (nothing is counted). */
async function writeWorkbook(
  book: XlsxBook,
  sheet: XlsxSheets,
  stream: Writable,
  options: XlsxExportOptions = {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    // zlib's fast level: about 40 % less CPU than its default 6 for about 10 % larger files
    // (0.65 → 0.72 MB at 200 schools); the sheets' XML is most of the export's work.
    zip: { zlib: { level: 3 } },
  });
  wb.creator = 'shnor-monitor';
  wb.created = book.created;
  for (let index = 0; index < book.sheetCount; index++) {
    const data = await sheet(index);
    const ws = wb.addWorksheet(data.name, data.options);
    await writeSheet(ws as unknown as ExcelJS.Worksheet, data, book.timeZone, options);
    ws.commit();
  }
  await wb.commit();
}

export async function bufferOf(
  book: XlsxBook,
  sheet: XlsxSheets,
  options: XlsxExportOptions = {},
): Promise<Buffer> {
  const plain = await streamedBuffer(book, sheet, options);
  return book.pictures.some((s) => s.titleRows > 0 || s.pictures.length > 0)
    ? addPicturesAndTitles(plain, book.pictures)
    : plain;
}

async function streamedBuffer(
  book: XlsxBook,
  sheet: XlsxSheets,
  options: XlsxExportOptions,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeWorkbook(book, sheet, stream, options);
  await ended;
  return Buffer.concat(chunks);
}

/** Writes the workbook's file from its parts (here, or in the export's worker thread). */
export async function writeXlsx(
  book: XlsxBook,
  sheet: XlsxSheets,
  filePath: string,
  options: XlsxExportOptions = {},
): Promise<void> {
  if (book.pictures.some((s) => s.titleRows > 0 || s.pictures.length > 0)) {
    await writeFile(filePath, await bufferOf(book, sheet, options));
    return;
  }
  const file = createWriteStream(filePath);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  await writeWorkbook(book, sheet, file, options);
  await closed;
}
