/** `Sheet` layout: inserting and deleting rows and columns, frozen panes, widths, visibility. */
import { Messages } from './errors';
import { displayValue } from './number-format';
import { SheetBase } from './sheet-base';
import { gasError } from '../gas';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

export class SheetLayout extends SheetBase {
  // --- rows and columns ------------------------------------------------------------------

  private insertRowsAt(method: string, at: number, howMany: number): GasSheet {
    this.structural(method);
    const d = this.__data();
    if (at < 0 || at > d.maxRows) throw gasError(Messages.rowsOutOfBounds);
    if (howMany < 1) throw gasError(Messages.invalidArgument('howMany'));
    this.parent.__checkCellLimit(howMany * d.maxColumns);
    d.insertRows(at, howMany);
    return this.self();
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertRowsAt('Sheet.insertRowsAfter', afterPosition, howMany);
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAt('Sheet.insertRowAfter', afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertRowsAt('Sheet.insertRowsBefore', beforePosition - 1, howMany);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsAt('Sheet.insertRowBefore', beforePosition - 1, 1);
  }

  private deleteRowsAt(method: string, position: number, howMany: number): void {
    this.structural(method);
    const d = this.__data();
    if (position < 1 || howMany < 1 || position + howMany - 1 > d.maxRows)
      throw gasError(Messages.rowsOutOfBounds);
    if (d.maxRows - howMany <= d.frozenRows) throw gasError(Messages.deleteAllRows);
    d.deleteRows(position - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.deleteRowsAt('Sheet.deleteRows', rowPosition, howMany);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRowsAt('Sheet.deleteRow', rowPosition, 1);
    return this.self();
  }

  private insertColumnsAt(method: string, at: number, howMany: number): GasSheet {
    this.structural(method);
    const d = this.__data();
    if (at < 0 || at > d.maxColumns) throw gasError(Messages.columnsOutOfBounds);
    if (howMany < 1) throw gasError(Messages.invalidArgument('howMany'));
    this.parent.__checkCellLimit(howMany * d.maxRows);
    d.insertColumns(at, howMany);
    return this.self();
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt('Sheet.insertColumnsAfter', afterPosition, howMany);
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAt('Sheet.insertColumnAfter', afterPosition, 1);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertColumnsAt('Sheet.insertColumnsBefore', beforePosition - 1, howMany);
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsAt('Sheet.insertColumnBefore', beforePosition - 1, 1);
  }

  private deleteColumnsAt(method: string, position: number, howMany: number): void {
    this.structural(method);
    const d = this.__data();
    if (position < 1 || howMany < 1 || position + howMany - 1 > d.maxColumns) {
      throw gasError(Messages.columnsOutOfBounds);
    }
    if (d.maxColumns - howMany <= d.frozenColumns) throw gasError(Messages.deleteAllColumns);
    d.deleteColumns(position - 1, howMany);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.deleteColumnsAt('Sheet.deleteColumns', columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.deleteColumnsAt('Sheet.deleteColumn', columnPosition, 1);
    return this.self();
  }

  // --- layout --------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.structural('Sheet.setFrozenRows');
    this.__data().frozenRows = rows;
  }

  getFrozenRows(): number {
    this.ctx.call('Sheet.getFrozenRows');
    return this.__data().frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.structural('Sheet.setFrozenColumns');
    this.__data().frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.ctx.call('Sheet.getFrozenColumns');
    return this.__data().frozenColumns;
  }

  private checkColumn(column: number): void {
    if (column < 1 || column > this.__data().maxColumns)
      throw gasError(Messages.columnsOutOfBounds);
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.structural('Sheet.setColumnWidth');
    this.checkColumn(columnPosition);
    this.__data().columnWidths.set(columnPosition, width);
    return this.self();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.structural('Sheet.setColumnWidths');
    this.checkColumn(startColumn);
    this.checkColumn(startColumn + numColumns - 1);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.__data().columnWidths.set(c, width);
    return this.self();
  }

  getColumnWidth(columnPosition: number): number {
    this.ctx.call('Sheet.getColumnWidth');
    this.checkColumn(columnPosition);
    return this.__data().columnWidth(columnPosition);
  }

  /** Fits columns to their longest displayed text (about 7 px a character, plus padding). */
  private fitColumns(method: string, startColumn: number, numColumns: number): GasSheet {
    this.structural(method);
    this.checkColumn(startColumn);
    this.checkColumn(startColumn + numColumns - 1);
    const d = this.__data();
    const longest = new Array<number>(numColumns).fill(0);
    d.values.forEach((v, r, c) => {
      const k = c - (startColumn - 1);
      if (k < 0 || k >= numColumns) return;
      const text = displayValue(v, d.numberFormats.get(r, c), this.parent.timeZone);
      const widest = Math.max(...text.split('\n').map((line) => line.length));
      longest[k] = Math.max(longest[k], widest);
    });
    longest.forEach((chars, k) => {
      if (chars > 0) d.columnWidths.set(startColumn + k, Math.min(chars * 7 + 12, 1000));
    });
    return this.self();
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    return this.fitColumns('Sheet.autoResizeColumns', startColumn, numColumns);
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    return this.fitColumns('Sheet.autoResizeColumn', columnPosition, 1);
  }

  /** Hides columns (1-based); the .xlsx export writes them hidden. */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.structural('Sheet.hideColumns');
    if (
      !Number.isInteger(columnIndex) ||
      columnIndex < 1 ||
      !Number.isInteger(numColumns) ||
      numColumns < 1
    )
      throw gasError(Messages.invalidArgument('columnIndex'));
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.__data().hiddenColumns.add(c);
  }

  hideSheet(): GasSheet {
    this.structural('Sheet.hideSheet');
    const visible = this.parent.__sheets().filter((s) => !s.__data().hidden);
    if (visible.length === 1 && visible[0] === this.me) throw gasError(Messages.hideAllSheets);
    this.__data().hidden = true;
    return this.self();
  }

  showSheet(): GasSheet {
    this.structural('Sheet.showSheet');
    this.__data().hidden = false;
    return this.self();
  }

  isSheetHidden(): boolean {
    this.ctx.call('Sheet.isSheetHidden');
    return this.__data().hidden;
  }
}
