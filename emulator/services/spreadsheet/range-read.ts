/** Reading a `Range`: values, formulas, display strings and formats, one pass over the rectangle. */
import { AUTOMATIC_FORMAT, formulaOf, readOut, type CellValue } from './cell-values';
import { displayValue } from './number-format';
import { RangeBase } from './range-base';
import type { Grid } from './grid';
import { asGas } from '../gas';

type GasRule = GoogleAppsScript.Spreadsheet.DataValidation;

export class RangeReader extends RangeBase {
  // --- reading -------------------------------------------------------------------------

  protected readValues(method: string, cells: number): void {
    this.ctx.call(method, { read: cells });
    this.ctx.reading(this.sheet.parent.pending);
  }

  protected grid<T, U>(layer: Grid<T>, map: (v: T | undefined) => U): U[][] {
    return layer.read(this.row - 1, this.column - 1, this.numRows, this.numColumns, map);
  }

  /** Non-Google: the values, uncounted (for the exporters). */
  __values(): CellValue[][] {
    return this.grid(this.data.values, readOut);
  }

  getValues(): CellValue[][] {
    this.readValues('Range.getValues', this.cells);
    return this.grid(this.data.values, readOut);
  }

  getValue(): CellValue {
    this.readValues('Range.getValue', 1);
    return readOut(this.data.values.get(this.row - 1, this.column - 1));
  }

  getDisplayValues(): string[][] {
    this.readValues('Range.getDisplayValues', this.cells);
    return this.displayGrid(this.numRows, this.numColumns);
  }

  getDisplayValue(): string {
    this.readValues('Range.getDisplayValue', 1);
    return this.displayGrid(1, 1)[0][0];
  }

  private displayGrid(nr: number, nc: number): string[][] {
    const tz = this.sheet.parent.timeZone;
    const r0 = this.row - 1;
    const c0 = this.column - 1;
    const out: string[][] = new Array(nr);
    for (let i = 0; i < nr; i++) {
      const line: string[] = new Array(nc);
      for (let j = 0; j < nc; j++) {
        line[j] = displayValue(
          this.data.values.get(r0 + i, c0 + j),
          this.data.numberFormats.get(r0 + i, c0 + j),
          tz,
        );
      }
      out[i] = line;
    }
    return out;
  }

  getFormulas(): string[][] {
    this.readValues('Range.getFormulas', this.cells);
    return this.grid(this.data.values, formulaOf);
  }

  getFormula(): string {
    this.readValues('Range.getFormula', 1);
    return formulaOf(this.data.values.get(this.row - 1, this.column - 1));
  }

  isBlank(): boolean {
    this.readValues('Range.isBlank', this.cells);
    return this.grid(this.data.values, (v) => v === undefined).every((line) => line.every(Boolean));
  }

  getNumberFormats(): string[][] {
    this.ctx.call('Range.getNumberFormats', { read: this.cells });
    return this.grid(this.data.numberFormats, (f) => f ?? AUTOMATIC_FORMAT);
  }

  getNumberFormat(): string {
    this.ctx.call('Range.getNumberFormat', { read: 1 });
    return this.data.numberFormats.get(this.row - 1, this.column - 1) ?? AUTOMATIC_FORMAT;
  }

  getNotes(): string[][] {
    this.ctx.call('Range.getNotes', { read: this.cells });
    return this.grid(this.data.notes, (n) => n ?? '');
  }

  getNote(): string {
    this.ctx.call('Range.getNote', { read: 1 });
    return this.data.notes.get(this.row - 1, this.column - 1) ?? '';
  }

  getBackgrounds(): string[][] {
    this.ctx.call('Range.getBackgrounds', { read: this.cells });
    return this.grid(this.data.backgrounds, (b) => b ?? '#ffffff');
  }

  getBackground(): string {
    this.ctx.call('Range.getBackground', { read: 1 });
    return this.data.backgrounds.get(this.row - 1, this.column - 1) ?? '#ffffff';
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.ctx.call('Range.getFontWeights', { read: this.cells });
    return this.grid(this.data.fontWeights, (w) => w ?? 'normal');
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.ctx.call('Range.getFontWeight', { read: 1 });
    return this.data.fontWeights.get(this.row - 1, this.column - 1) ?? 'normal';
  }

  getWraps(): boolean[][] {
    this.ctx.call('Range.getWraps', { read: this.cells });
    return this.grid(this.data.wraps, (w) => w ?? false);
  }

  getWrap(): boolean {
    this.ctx.call('Range.getWrap', { read: 1 });
    return this.data.wraps.get(this.row - 1, this.column - 1) ?? false;
  }

  getHorizontalAlignments(): string[][] {
    this.ctx.call('Range.getHorizontalAlignments', { read: this.cells });
    return this.grid(this.data.horizontalAlignments, (a) => a ?? 'general');
  }

  getHorizontalAlignment(): string {
    this.ctx.call('Range.getHorizontalAlignment', { read: 1 });
    return this.data.horizontalAlignments.get(this.row - 1, this.column - 1) ?? 'general';
  }

  getDataValidations(): Array<Array<GasRule | null>> {
    this.ctx.call('Range.getDataValidations', { read: this.cells });
    return this.grid(this.data.validations, (v) => asGas<GasRule | null>(v ?? null));
  }

  getDataValidation(): GasRule | null {
    this.ctx.call('Range.getDataValidation', { read: 1 });
    return asGas(this.data.validations.get(this.row - 1, this.column - 1) ?? null);
  }
}
