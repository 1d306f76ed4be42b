/**
 * `Sheet` basics: identity, ranges and extent, content. A sheet is a grid of 1000 x 26 cells by
 * default. Like Google, ranges past the grid are refused ("The coordinates of the range are
 * outside the dimensions of the sheet."): grow it first with `insertRowsAfter` /
 * `insertColumnsAfter`; `appendRow` grows it by itself.
 */
import { parseA1 } from './a1';
import { Messages } from './errors';
import { EmulatedRange } from './range';
import type { SheetData } from './sheet-data';
import type { SheetsContext } from './context';
import type { EmulatedSpreadsheet } from './workbook';
import type { EmulatedSheet } from './sheet';
import { asGas, gasError } from '../gas';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export abstract class SheetBase {
  /** Non-Google: set when the sheet is deleted; later calls fail as in Google. */
  deleted = false;

  constructor(
    readonly ctx: SheetsContext,
    readonly parent: EmulatedSpreadsheet,
    readonly sheetId: number,
    private readonly data: SheetData,
  ) {}

  /** Non-Google: the sheet's content, for exporters and tests (no counting). */
  __data(): SheetData {
    if (this.deleted) throw gasError(Messages.sheetDeleted);
    return this.data;
  }

  /** Non-Google: lets FormApp mark this sheet as a form's responses sheet. */
  __setFormUrl(url: string | null): void {
    this.data.formUrl = url;
  }

  /** Non-Google: a bounds-checked range, without counting (for other emulated classes). */
  __range(row: number, column: number, numRows: number, numColumns: number): EmulatedRange {
    const d = this.__data();
    if (![row, column, numRows, numColumns].every(Number.isFinite))
      throw gasError(Messages.invalidArgument('row'));
    if (row < 1) throw gasError(Messages.startRowTooSmall);
    if (column < 1) throw gasError(Messages.startColumnTooSmall);
    if (numRows < 1) throw gasError(Messages.rowsAtLeastOne);
    if (numColumns < 1) throw gasError(Messages.columnsAtLeastOne);
    if (row + numRows - 1 > d.maxRows || column + numColumns - 1 > d.maxColumns) {
      throw gasError(Messages.outsideSheet);
    }
    return new EmulatedRange(
      this,
      Math.floor(row),
      Math.floor(column),
      Math.floor(numRows),
      Math.floor(numColumns),
    );
  }

  /** Non-Google: resolves A1 notation (without sheet name) on this sheet. */
  __rangeA1(a1: string): EmulatedRange {
    const ref = parseA1(a1);
    if (!ref) throw gasError(Messages.rangeNotFound);
    const d = this.__data();
    const r = ref.rect;
    const endRow = r.endRow ?? d.maxRows;
    const endColumn = r.endColumn ?? d.maxColumns;
    return this.__range(r.row, r.column, endRow - r.row + 1, endColumn - r.column + 1);
  }

  /** This sheet as the full class (every SheetBase is an EmulatedSheet). */
  protected get me(): EmulatedSheet {
    return this as unknown as EmulatedSheet;
  }

  /** Adds rows/columns at the end, within the workbook's cell limit. */
  protected grow(rows: number, columns: number): void {
    const d = this.__data();
    this.parent.__checkCellLimit(rows * d.maxColumns + columns * (d.maxRows + rows));
    d.maxRows += rows;
    d.maxColumns += columns;
  }

  /** Cells a whole-sheet clear touches, for counting: the extent of the values. */
  private usedCells(): number {
    const d = this.__data();
    return d.lastRow() * d.lastColumn();
  }

  protected self(): GasSheet {
    return asGas(this);
  }

  protected structural(method: string, cells = 0): void {
    this.ctx.mutate(method, cells ? { written: cells } : undefined);
    this.ctx.wrote(this.parent.pending, cells);
  }

  // --- identity ------------------------------------------------------------------------

  getName(): string {
    this.ctx.call('Sheet.getName');
    return this.__data().name;
  }

  getSheetName(): string {
    this.ctx.call('Sheet.getSheetName');
    return this.__data().name;
  }

  setName(name: string): GasSheet {
    this.structural('Sheet.setName');
    this.parent.__checkNewName(name, this.me);
    this.__data().name = name;
    return this.self();
  }

  getSheetId(): number {
    this.ctx.call('Sheet.getSheetId');
    return this.sheetId;
  }

  getIndex(): number {
    this.ctx.call('Sheet.getIndex');
    return this.parent.__sheets().indexOf(this.me) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('Sheet.getParent');
    return asGas(this.parent);
  }

  getFormUrl(): string | null {
    this.ctx.call('Sheet.getFormUrl');
    return this.__data().formUrl;
  }

  activate(): GasSheet {
    this.ctx.call('Sheet.activate');
    this.parent.__activate(this.me);
    return this.self();
  }

  // --- ranges and extent -----------------------------------------------------------------

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    this.ctx.call('Sheet.getRange');
    if (typeof a === 'string') {
      return asGas(a.includes('!') ? this.parent.__resolveA1(a) : this.__rangeA1(a));
    }
    return asGas(this.__range(a, column as number, numRows ?? 1, numColumns ?? 1));
  }

  getDataRange(): GasRange {
    this.ctx.call('Sheet.getDataRange');
    this.ctx.reading(this.parent.pending);
    const d = this.__data();
    return asGas(this.__range(1, 1, Math.max(d.lastRow(), 1), Math.max(d.lastColumn(), 1)));
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const d = this.__data();
    const nr = numRows === -1 ? d.lastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? d.lastColumn() - startColumn + 1 : numColumns;
    const range = this.__range(startRow, startColumn, nr, nc);
    return this.readCounted('Sheet.getSheetValues', range);
  }

  private readCounted(method: string, range: EmulatedRange): unknown[][] {
    this.ctx.call(method, { read: range.numRows * range.numColumns });
    this.ctx.reading(this.parent.pending);
    return this.ctx.silently(() => range.getValues());
  }

  getLastRow(): number {
    this.ctx.call('Sheet.getLastRow');
    this.ctx.reading(this.parent.pending);
    return this.__data().lastRow();
  }

  getLastColumn(): number {
    this.ctx.call('Sheet.getLastColumn');
    this.ctx.reading(this.parent.pending);
    return this.__data().lastColumn();
  }

  getMaxRows(): number {
    this.ctx.call('Sheet.getMaxRows');
    return this.__data().maxRows;
  }

  getMaxColumns(): number {
    this.ctx.call('Sheet.getMaxColumns');
    return this.__data().maxColumns;
  }

  // --- content -------------------------------------------------------------------------

  appendRow(rowContents: unknown[]): GasSheet {
    const width = rowContents.length;
    this.structural('Sheet.appendRow', width);
    const d = this.__data();
    const row = d.lastRow() + 1;
    if (row > d.maxRows) this.grow(row - d.maxRows, 0);
    if (width > d.maxColumns) this.grow(0, width - d.maxColumns);
    d.writeValues(row - 1, 0, 1, width, (_i, j) => rowContents[j]);
    return this.self();
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    const d = this.__data();
    this.structural('Sheet.clear', this.usedCells());
    const contents = !options || options.contentsOnly || !options.formatOnly;
    const formats = !options || options.formatOnly || !options.contentsOnly;
    if (contents) d.values.clear();
    if (formats) for (const layer of d.formatLayers()) layer.clear();
    return this.self();
  }

  clearContents(): GasSheet {
    const d = this.__data();
    this.structural('Sheet.clearContents', this.usedCells());
    d.values.clear();
    return this.self();
  }

  clearFormats(): GasSheet {
    const d = this.__data();
    this.structural('Sheet.clearFormats', this.usedCells());
    for (const layer of d.formatLayers()) layer.clear();
    return this.self();
  }

  clearNotes(): GasSheet {
    const d = this.__data();
    this.structural('Sheet.clearNotes', this.usedCells());
    d.notes.clear();
    return this.self();
  }
}
