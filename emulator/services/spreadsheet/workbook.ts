/** `Spreadsheet`: an ordered list of sheets, a time zone, and the writes not yet flushed. */
import { parseA1 } from './a1';
import { Messages, MAX_WORKBOOK_CELLS } from './errors';
import { PendingWrites, type SheetsContext } from './context';
import { EmulatedSheet } from './sheet';
import { SheetData, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROWS } from './sheet-data';
import type { EmulatedRange } from './range';
import { asGas, gasError } from '../gas';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetMethods =
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getFormUrl'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'rename'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/** Non-Google: a toast as shown to the user. */
export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export class EmulatedSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethods> {
  /** Non-Google: writes made since the last flush or value read. */
  readonly pending = new PendingWrites();
  /** Non-Google: toasts shown, oldest first. */
  readonly toasts: ToastRecord[] = [];
  timeZone: string;
  locale = 'en_US';
  formUrl: string | null = null;
  private readonly sheets: EmulatedSheet[] = [];
  private active: EmulatedSheet;
  private nextSheetId = 0;

  constructor(
    readonly ctx: SheetsContext,
    readonly id: string,
    public name: string,
    rows = DEFAULT_MAX_ROWS,
    columns = DEFAULT_MAX_COLUMNS,
  ) {
    this.timeZone = ctx.rt.timeZone;
    this.active = this.addSheet('Sheet1', 0, rows, columns);
  }

  // --- non-Google helpers ------------------------------------------------------------------

  /** Non-Google: the sheets in order, as emulated objects. */
  __sheets(): EmulatedSheet[] {
    return [...this.sheets];
  }

  __activate(sheet: EmulatedSheet): void {
    this.active = sheet;
  }

  /** Sheet names are unique (ignoring case, as Google does). */
  __checkNewName(name: string, renaming?: EmulatedSheet): void {
    const clash = this.sheets.find(
      (s) => s !== renaming && s.__data().name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw gasError(Messages.duplicateSheet(name));
  }

  /** Cells of the workbook count as max rows x max columns over all sheets. */
  __totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.__data().cellCount(), 0);
  }

  __checkCellLimit(added: number): void {
    if (this.__totalCells() + added > MAX_WORKBOOK_CELLS) throw gasError(Messages.tooManyCells);
  }

  /** Resolves `Sheet!A1:B2` (or plain `A1:B2` on the active sheet) without counting. */
  __resolveA1(a1: string): EmulatedRange {
    const ref = parseA1(a1);
    if (!ref) throw gasError(Messages.rangeNotFound);
    const sheet =
      ref.sheetName === undefined
        ? this.active
        : this.sheets.find((s) => s.__data().name === ref.sheetName);
    if (!sheet) throw gasError(Messages.rangeNotFound);
    const area = a1.slice(a1.lastIndexOf('!') + 1);
    return sheet.__rangeA1(area);
  }

  private addSheet(
    name: string,
    index: number,
    rows = DEFAULT_MAX_ROWS,
    columns = DEFAULT_MAX_COLUMNS,
  ): EmulatedSheet {
    const sheetId = this.nextSheetId === 0 ? 0 : 100_000_000 + this.ctx.nextNumber();
    this.nextSheetId += 1;
    const sheet = new EmulatedSheet(this.ctx, this, sheetId, new SheetData(name, rows, columns));
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  private defaultSheetName(): string {
    let n = this.sheets.length + 1;
    const taken = new Set(this.sheets.map((s) => s.__data().name.toLowerCase()));
    while (taken.has(`sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  // --- identity ------------------------------------------------------------------------

  getId(): string {
    this.ctx.call('Spreadsheet.getId');
    return this.id;
  }

  getName(): string {
    this.ctx.call('Spreadsheet.getName');
    return this.name;
  }

  rename(newName: string): void {
    this.ctx.mutate('Spreadsheet.rename');
    this.name = newName;
  }

  getUrl(): string {
    this.ctx.call('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getFormUrl(): string | null {
    this.ctx.call('Spreadsheet.getFormUrl');
    return this.formUrl;
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.mutate('Spreadsheet.setSpreadsheetTimeZone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw gasError(Messages.invalidArgument('timezone'));
    }
    this.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.ctx.mutate('Spreadsheet.setSpreadsheetLocale');
    this.locale = locale;
  }

  // --- sheets --------------------------------------------------------------------------

  /**
   * Sheets a form just made its responses sheet: Google may not show them to the running
   * script until `SpreadsheetApp.flush()` (the execution's end flushes too).
   */
  readonly unflushed = new Set<unknown>();

  private visible(): EmulatedSheet[] {
    return this.__sheets().filter((s) => !this.unflushed.has(s));
  }

  getSheets(): GasSheet[] {
    this.ctx.call('Spreadsheet.getSheets');
    return asGas(this.visible());
  }

  getNumSheets(): number {
    this.ctx.call('Spreadsheet.getNumSheets');
    return this.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    this.ctx.call('Spreadsheet.getSheetByName');
    return asGas(this.visible().find((s) => s.__data().name === name) ?? null);
  }

  getSheetById(id: number): GasSheet | null {
    this.ctx.call('Spreadsheet.getSheetById');
    return asGas(this.sheets.find((s) => s.sheetId === id) ?? null);
  }

  /**
   * `insertSheet([name], [index], [options])`: the new sheet goes after the active one unless
   * an index (0-based) is given, and becomes the active sheet. Templates are not supported.
   */
  insertSheet(
    a?: string | number | { template?: GasSheet },
    b?: number | { template?: GasSheet },
  ): GasSheet {
    this.ctx.mutate('Spreadsheet.insertSheet');
    const name = typeof a === 'string' ? a : this.defaultSheetName();
    const index =
      typeof a === 'number' ? a : typeof b === 'number' ? b : this.sheets.indexOf(this.active) + 1;
    this.__checkNewName(name);
    this.__checkCellLimit(DEFAULT_MAX_ROWS * DEFAULT_MAX_COLUMNS);
    if (index < 0 || index > this.sheets.length)
      throw gasError(Messages.invalidArgument('sheetIndex'));
    const sheet = this.addSheet(name, index);
    this.active = sheet;
    this.ctx.wrote(this.pending, 0);
    return asGas(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.ctx.mutate('Spreadsheet.deleteSheet');
    const target = asGas<EmulatedSheet>(sheet);
    const i = this.sheets.indexOf(target);
    if (i < 0) throw gasError(Messages.sheetDeleted);
    if (this.sheets.length === 1) throw gasError(Messages.removeAllSheets);
    this.sheets.splice(i, 1);
    target.deleted = true;
    if (this.active === target) this.active = this.sheets[Math.max(0, i - 1)];
    this.ctx.wrote(this.pending, 0);
  }

  /** Moves the active sheet to a 1-based position among the sheets. */
  moveActiveSheet(pos: number): void {
    this.ctx.mutate('Spreadsheet.moveActiveSheet');
    if (!Number.isInteger(pos) || pos < 1 || pos > this.sheets.length)
      throw gasError(Messages.invalidArgument('pos'));
    const i = this.sheets.indexOf(this.active);
    this.sheets.splice(i, 1);
    this.sheets.splice(pos - 1, 0, this.active);
    this.ctx.wrote(this.pending, 0);
  }

  getActiveSheet(): GasSheet {
    this.ctx.call('Spreadsheet.getActiveSheet');
    return asGas(this.active);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.ctx.call('Spreadsheet.setActiveSheet');
    this.active = asGas<EmulatedSheet>(sheet);
    return sheet;
  }

  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('Spreadsheet.getRange');
    return asGas(this.__resolveA1(a1Notation));
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.call('Spreadsheet.getProtections');
    return asGas(
      this.sheets.flatMap((s) => s.__data().protections.filter((p) => p.type === String(type))),
    );
  }

  toast(message: string, title = '', timeoutSeconds: number | null = 5): void {
    this.ctx.mutate('Spreadsheet.toast');
    this.toasts.push({ message: String(message), title, timeoutSeconds });
  }
}
