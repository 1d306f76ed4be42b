/** The geometry of a `Range`: its sheet, its 1-based rectangle, and navigation from it. */
import { formatA1, quoteSheetName } from './a1';
import { EmulatedProtection } from './protection';
import type { SheetBase } from './sheet-base';
import { asGas, gasError } from '../gas';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export class RangeBase {
  constructor(
    /** Non-Google: the sheet and the 1-based rectangle. */
    readonly sheet: SheetBase,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  protected get ctx() {
    return this.sheet.ctx;
  }

  protected get data() {
    return this.sheet.__data();
  }

  protected get cells(): number {
    return this.numRows * this.numColumns;
  }

  protected self(): GasRange {
    return asGas(this);
  }

  /** Non-Google: A1 notation, optionally with the quoted sheet name. */
  __a1(withSheet = false): string {
    const a1 = formatA1(this.row, this.column, this.numRows, this.numColumns);
    return withSheet ? `${quoteSheetName(this.data.name)}!${a1}` : a1;
  }

  // --- geometry ------------------------------------------------------------------------

  getA1Notation(): string {
    this.ctx.call('Range.getA1Notation');
    return this.__a1();
  }

  getRow(): number {
    this.ctx.call('Range.getRow');
    return this.row;
  }

  getRowIndex(): number {
    this.ctx.call('Range.getRowIndex');
    return this.row;
  }

  getColumn(): number {
    this.ctx.call('Range.getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.ctx.call('Range.getNumRows');
    return this.numRows;
  }

  getHeight(): number {
    this.ctx.call('Range.getHeight');
    return this.numRows;
  }

  getNumColumns(): number {
    this.ctx.call('Range.getNumColumns');
    return this.numColumns;
  }

  getWidth(): number {
    this.ctx.call('Range.getWidth');
    return this.numColumns;
  }

  getLastRow(): number {
    this.ctx.call('Range.getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.ctx.call('Range.getLastColumn');
    return this.column + this.numColumns - 1;
  }

  getGridId(): number {
    this.ctx.call('Range.getGridId');
    return this.sheet.sheetId;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('Range.getSheet');
    return asGas(this.sheet);
  }

  getCell(row: number, column: number): GasRange {
    this.ctx.call('Range.getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw gasError('Cell reference out of range');
    }
    return asGas(this.sheet.__range(this.row + row - 1, this.column + column - 1, 1, 1));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    this.ctx.call('Range.offset');
    return asGas(
      this.sheet.__range(
        this.row + rowOffset,
        this.column + columnOffset,
        numRows ?? this.numRows,
        numColumns ?? this.numColumns,
      ),
    );
  }

  activate(): GasRange {
    this.ctx.call('Range.activate');
    return this.self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.mutate('Range.protect');
    const data = this.data;
    const p = new EmulatedProtection(this.ctx, 'RANGE', this, this.ctx.rt.userEmail, (x) => {
      data.protections = data.protections.filter((q) => q !== x);
    });
    data.protections.push(p);
    return asGas(p);
  }
}
