/**
 * The content of one sheet, without any counting: cell layers stored as arrays of rows, the grid
 * size, and sheet-level settings. The Sheet and Range facades check, count and delegate here;
 * exporters read it directly.
 */
import { Grid } from './grid';
import { interpretInput, type StoredCell } from './cell-values';
import type { EmulatedDataValidation } from './validation';
import type { EmulatedConditionalFormatRule } from './conditional';
import type { EmulatedChart } from './charts';
import type { EmulatedProtection } from './protection';

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right';

export class SheetData {
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  /** Hidden columns, 1-based. */
  readonly hiddenColumns = new Set<number>();
  formUrl: string | null = null;

  readonly values = new Grid<StoredCell>();
  readonly numberFormats = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly backgrounds = new Grid<string>();
  readonly fontColors = new Grid<string>();
  readonly fontWeights = new Grid<'bold' | 'normal'>();
  readonly wraps = new Grid<boolean>();
  readonly horizontalAlignments = new Grid<HorizontalAlignment>();
  readonly validations = new Grid<EmulatedDataValidation>();
  /** Column widths in pixels, by 1-based column; missing means the default. */
  readonly columnWidths = new Map<number, number>();
  conditionalRules: EmulatedConditionalFormatRule[] = [];
  charts: EmulatedChart[] = [];
  protections: EmulatedProtection[] = [];

  constructor(
    public name: string,
    maxRows = DEFAULT_MAX_ROWS,
    maxColumns = DEFAULT_MAX_COLUMNS,
  ) {
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** Layers that `clear()` resets together with the values ("formats"). */
  formatLayers(): Array<Grid<unknown>> {
    return [
      this.numberFormats,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.wraps,
      this.horizontalAlignments,
    ] as Array<Grid<unknown>>;
  }

  private layers(): Array<Grid<unknown>> {
    return [this.values, this.notes, this.validations, ...this.formatLayers()] as Array<
      Grid<unknown>
    >;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }

  lastRow(): number {
    return this.values.lastRow();
  }

  lastColumn(): number {
    return this.values.lastColumn();
  }

  /**
   * Writes typed values into a rectangle (0-based origin), as a user typing them would, and
   * applies the number formats Google sets as a side effect (dates, percentages).
   */
  writeValues(
    r: number,
    c: number,
    nr: number,
    nc: number,
    input: (i: number, j: number) => unknown,
  ): void {
    this.values.write(r, c, nr, nc, (i, j) => {
      const format = this.numberFormats.get(r + i, c + j);
      const { value, impliedFormat } = interpretInput(input(i, j), format);
      if (impliedFormat !== undefined && format === undefined)
        this.numberFormats.set(r + i, c + j, impliedFormat);
      return value;
    });
  }

  insertRows(at: number, n: number): void {
    for (const layer of this.layers()) layer.insertRows(at, n);
    this.maxRows += n;
  }

  deleteRows(at: number, n: number): void {
    for (const layer of this.layers()) layer.deleteRows(at, n);
    this.maxRows -= n;
  }

  insertColumns(at: number, n: number): void {
    for (const layer of this.layers()) layer.insertColumns(at, n);
    this.shiftWidths(at + 1, n);
    this.maxColumns += n;
  }

  deleteColumns(at: number, n: number): void {
    for (const layer of this.layers()) layer.deleteColumns(at, n);
    for (let col = at + 1; col <= at + n; col++) this.columnWidths.delete(col);
    this.shiftWidths(at + n + 1, -n);
    this.maxColumns -= n;
  }

  /** Moves the widths of columns from `from` (1-based) onward by `delta`. */
  private shiftWidths(from: number, delta: number): void {
    const moved = [...this.columnWidths.entries()].filter(([col]) => col >= from);
    for (const [col] of moved) this.columnWidths.delete(col);
    for (const [col, w] of moved) this.columnWidths.set(col + delta, w);
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }
}
