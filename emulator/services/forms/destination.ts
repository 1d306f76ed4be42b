/**
 * The link from a form to its responses sheet, done only through SpreadsheetApp's public API
 * (so those writes are counted under SpreadsheetApp, like any script's).
 *
 * Google's behaviour emulated here:
 * - `setDestination` creates a sheet named in the spreadsheet's locale (`Form Responses N`,
 *   ru: `Ответы на форму (N)`, lowest free N) at the first position, marked with the form's
 *   URL (`Sheet.getFormUrl`); the script may not see it until `SpreadsheetApp.flush()`,
 *   writes the header (`Timestamp`, `Email Address` when e-mails are collected, then one
 *   column per question in form order) and any responses already collected.
 * - Columns never move: a question added later gets a new column at the right, a renamed one
 *   renames its header, a deleted one leaves its column (and old answers) in place; turning on
 *   e-mail collection later appends `Email Address` at the right.
 * - Each submission appends a row; an edited response rewrites its own row in place.
 * - Values are written as the sheet would parse them: the timestamp as a Date (whole seconds,
 *   while `FormResponse.getTimestamp()` keeps the milliseconds), an answer that
 *   reads as a number (`12`, ` 12 `, `-3.5`, `007`) as a number, checkbox answers joined with
 *   ", ", everything else as text; an answer starting with `=` stays text, never a formula.
 * - The trigger event's `values` are the cells as the sheet displays them in its locale and
 *   time zone (en_US: `9/5/2026 8:07:06`, `3.5`; ru_RU: `05.09.2026 8:07:06`, `3,5`).
 */
import { wallTime } from '../timezone';
import { editUrl } from './urls';
import { ANSWERABLE_TYPES } from './enums';
import { asGoogle } from './model';
import type {
  AnswerValue,
  DestinationColumn,
  DestinationState,
  FormData,
  FormStore,
  ResponseData,
} from './model';
import { gasError } from '../gas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Cell = string | number | Date;

const TIMESTAMP = 'Timestamp';
const EMAIL = 'Email Address';
const UNTITLED = 'Untitled Question';

export interface WrittenRow {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  row: number;
  range: Range;
  values: string[];
  namedValues: Record<string, string[]>;
}

function headerOf(form: FormData, col: DestinationColumn): string {
  if (col.kind === 'timestamp') return TIMESTAMP;
  if (col.kind === 'email') return EMAIL;
  const item = form.items.find((i) => i.id === col.itemId);
  if (item) col.lastTitle = item.title || UNTITLED;
  return col.lastTitle;
}

/** Adds columns for questions and the e-mail that have none yet, at the right. */
function extendColumns(form: FormData, dest: DestinationState): void {
  if (form.collectEmail && !dest.columns.some((c) => c.kind === 'email'))
    dest.columns.push({ kind: 'email' });
  for (const item of form.items) {
    if (!ANSWERABLE_TYPES.has(item.type)) continue;
    if (dest.columns.some((c) => c.kind === 'item' && c.itemId === item.id)) continue;
    dest.columns.push({ kind: 'item', itemId: item.id, lastTitle: item.title || UNTITLED });
  }
}

function openDestination(
  store: FormStore,
  dest: DestinationState,
): { ss: Spreadsheet; sheet: Sheet } | null {
  let ss: Spreadsheet;
  try {
    ss = store.spreadsheetApp.openById(dest.spreadsheetId);
  } catch {
    return null; // The spreadsheet is gone: Google keeps the responses in the form only.
  }
  const sheet = ss.getSheetById(dest.sheetId);
  // Likewise for a deleted responses sheet.
  return sheet ? { ss, sheet } : null;
}

function ensureColumns(sheet: Sheet, needed: number): void {
  const max = sheet.getMaxColumns();
  if (needed > max) sheet.insertColumnsAfter(max, needed - max);
}

/** Writes the header cells that differ from what was last written (none: no call at all). */
export function syncHeader(store: FormStore, form: FormData): void {
  asGoogle(store, () => syncHeaderNow(store, form));
}

function syncHeaderNow(store: FormStore, form: FormData): void {
  const dest = form.destination;
  if (!dest) return;
  extendColumns(form, dest);
  const header = dest.columns.map((c) => headerOf(form, c));
  let first = 0;
  while (first < header.length && header[first] === dest.writtenHeader[first]) first += 1;
  if (first === header.length) return;
  const opened = openDestination(store, dest);
  if (!opened) return;
  if (header.length > dest.writtenHeader.length) ensureColumns(opened.sheet, header.length);
  opened.sheet.getRange(1, first + 1, 1, header.length - first).setValues([header.slice(first)]);
  dest.writtenHeader = header;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A single answer as Sheets would parse it when typed in: a number stays a number; text that
 * Sheets would take for a formula (or whose leading apostrophe it would eat) is kept as text,
 * as Google Forms does.
 */
function parsedText(s: string): Cell {
  const t = s.trim();
  if (NUMBER.test(t)) return Number(t);
  return s.startsWith('=') || s.startsWith("'") ? `'${s}` : s;
}

/**
 * A sheet cell holds at most 50,000 characters. Assumption (undocumented by Google): a longer
 * answer stays whole in the form's response, and its cell gets the first 50,000 characters.
 */
export const MAX_CELL_CHARS = 50_000;

function answerCell(a: AnswerValue | undefined): Cell {
  if (a === undefined) return '';
  const text = Array.isArray(a) ? a.join(', ') : a;
  return parsedText(text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text);
}

function cellsOf(dest: DestinationState, r: ResponseData): Cell[] {
  return dest.columns.map((c) => {
    // The sheet keeps whole seconds; nothing says it matches getTimestamp() to the millisecond.
    if (c.kind === 'timestamp') return new Date(Math.floor(r.timestamp.getTime() / 1000) * 1000);
    if (c.kind === 'email') return r.respondentEmail;
    return answerCell(r.answers.get(c.itemId));
  });
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** How a cell shows in a sheet of this locale (ru: `01.09.2026 9:00:00`, `3,5`). */
export function displayCell(v: Cell, locale: string, timeZone: string): string {
  const ru = /^(ru|uk|be|kk)/i.test(locale);
  if (v instanceof Date) {
    const p = wallTime(v, timeZone);
    const time = `${p.hour}:${pad2(p.minute)}:${pad2(p.second)}`;
    return ru
      ? `${pad2(p.day)}.${pad2(p.month)}.${p.year} ${time}`
      : `${p.month}/${p.day}/${p.year} ${time}`;
  }
  if (typeof v === 'number') return ru ? String(v).replace('.', ',') : String(v);
  if (/^(true|false)$/i.test(v.trim())) return v.trim().toUpperCase();
  return v.startsWith("'") ? v.slice(1) : v;
}

/** How the linked spreadsheet displays values: its locale and time zone. */
function readDisplay(ss: Spreadsheet): { locale: string; timeZone: string } {
  return { locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone() };
}

function rowEvent(
  form: FormData,
  cells: Cell[],
  opened: { ss: Spreadsheet; sheet: Sheet },
  row: number,
): WrittenRow {
  const dest = form.destination as DestinationState;
  const values = cells.map((c) => displayCell(c, dest.locale, dest.timeZone));
  const namedValues: Record<string, string[]> = {};
  dest.writtenHeader.forEach((h, i) => {
    (namedValues[h] ??= []).push(values[i] ?? '');
  });
  return {
    spreadsheet: opened.ss,
    sheet: opened.sheet,
    row,
    range: opened.sheet.getRange(row, 1, 1, cells.length),
    values,
    namedValues,
  };
}

/**
 * Puts a response into the sheet: appends a new row, or rewrites the row of an edited one.
 * Returns what the trigger event needs, or null when there is no (longer a) sheet.
 */
export function writeResponse(
  store: FormStore,
  form: FormData,
  r: ResponseData,
): WrittenRow | null {
  return asGoogle(store, () => writeResponseNow(store, form, r));
}

function writeResponseNow(store: FormStore, form: FormData, r: ResponseData): WrittenRow | null {
  const dest = form.destination;
  if (!dest) return null;
  syncHeader(store, form);
  const opened = openDestination(store, dest);
  if (!opened) return null;
  const cells = cellsOf(dest, r);
  if (r.row !== null) {
    opened.sheet.getRange(r.row, 1, 1, cells.length).setValues([cells]);
  } else {
    opened.sheet.appendRow(cells);
    r.row = opened.sheet.getLastRow();
  }
  return rowEvent(form, cells, opened, r.row);
}

/** `Form.setDestination(SPREADSHEET, id)`: links (once) and fills a new responses sheet. */
export function attachDestination(store: FormStore, form: FormData, spreadsheetId: string): void {
  asGoogle(store, () => attachDestinationNow(store, form, spreadsheetId));
}

function attachDestinationNow(store: FormStore, form: FormData, spreadsheetId: string): void {
  const current = form.destination;
  if (current && current.spreadsheetId === spreadsheetId && openDestination(store, current)) return;
  const ss = store.spreadsheetApp.openById(spreadsheetId);
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const ru = /^(ru|uk|be|kk)/i.test(ss.getSpreadsheetLocale());
  const nameOf = (k: number) => (ru ? `Ответы на форму (${k})` : `Form Responses ${k}`);
  let n = 1;
  while (names.has(nameOf(n))) n += 1;
  const sheet = ss.insertSheet(nameOf(n), 0);
  const marked = sheet as unknown as {
    __setFormUrl?(url: string): void;
    parent?: { unflushed?: Set<unknown> };
  };
  marked.__setFormUrl?.(editUrl(form));
  if (store.rt.execution() !== null) marked.parent?.unflushed?.add(sheet);
  const dest: DestinationState = {
    spreadsheetId,
    sheetId: sheet.getSheetId(),
    columns: [{ kind: 'timestamp' }],
    writtenHeader: [],
    ...readDisplay(ss),
  };
  form.destination = dest;
  syncHeader(store, form);
  if (form.responses.length === 0) return;
  const rows = form.responses.map((r) => cellsOf(dest, r));
  sheet.getRange(2, 1, rows.length, dest.columns.length).setValues(rows);
  form.responses.forEach((r, i) => (r.row = i + 2));
}

/** Google's error when a form without a destination is asked for one. */
export function noDestinationError(): Error {
  return gasError('The form currently has no response destination.');
}
