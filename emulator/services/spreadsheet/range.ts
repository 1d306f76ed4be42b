/**
 * `Range`: a rectangle of one sheet. Reads and writes go to the sheet's layers in one pass
 * (O(cells)); each public call is counted once; value reads pay for pending writes.
 */
import { Messages } from './errors';
import { interpretFormula } from './cell-values';
import { normalizeColor } from './colors';
import { RangeReader } from './range-read';
import type { EmulatedDataValidation } from './validation';
import type { HorizontalAlignment } from './sheet-data';
import type { Grid } from './grid';
import { asGas, gasError } from '../gas';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasRule = GoogleAppsScript.Spreadsheet.DataValidation;
type ClearOptions = {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

type RangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'isBlank'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWraps';

export class EmulatedRange extends RangeReader implements Pick<GasRange, RangeMethods> {
  // --- writing -------------------------------------------------------------------------

  /** Counts a write of `cells` cells, validates it, and marks the cells pending. */
  private write(method: string, cells: number, check?: () => void): void {
    this.ctx.mutate(method, { written: cells });
    check?.();
    this.ctx.wrote(this.sheet.parent.pending, cells);
  }

  /** Google's dimension check, rows first, then the first row of the wrong width. */
  private checkShape(data: unknown[][]): void {
    if (!Array.isArray(data) || data.length !== this.numRows) {
      throw gasError(Messages.rowsMismatch(Array.isArray(data) ? data.length : 0, this.numRows));
    }
    for (const line of data) {
      const width = Array.isArray(line) ? line.length : 0;
      if (width !== this.numColumns)
        throw gasError(Messages.columnsMismatch(width, this.numColumns));
    }
  }

  setValues(values: unknown[][]): GasRange {
    this.write('Range.setValues', this.cells, () => this.checkShape(values));
    this.data.writeValues(
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
      (i, j) => values[i][j],
    );
    return this.self();
  }

  setValue(value: unknown): GasRange {
    this.write('Range.setValue', this.cells);
    this.data.writeValues(
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
      () => value,
    );
    return this.self();
  }

  setFormulas(formulas: string[][]): GasRange {
    this.write('Range.setFormulas', this.cells, () => this.checkShape(formulas));
    this.data.values.write(this.row - 1, this.column - 1, this.numRows, this.numColumns, (i, j) =>
      interpretFormula(formulas[i][j]),
    );
    return this.self();
  }

  setFormula(formula: string): GasRange {
    this.write('Range.setFormula', this.cells);
    const cell = interpretFormula(formula);
    this.data.values.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, cell);
    return this.self();
  }

  private fillLayer<T>(method: string, layer: Grid<T>, value: T | undefined): GasRange {
    this.write(method, this.cells);
    layer.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, value);
    return this.self();
  }

  private writeLayer<T, U>(
    method: string,
    layer: Grid<T>,
    data: U[][],
    map: (v: U) => T | undefined,
  ): GasRange {
    this.write(method, this.cells, () => this.checkShape(data));
    layer.write(this.row - 1, this.column - 1, this.numRows, this.numColumns, (i, j) =>
      map(data[i][j]),
    );
    return this.self();
  }

  setNumberFormat(format: string): GasRange {
    return this.fillLayer('Range.setNumberFormat', this.data.numberFormats, format || undefined);
  }

  setNumberFormats(formats: string[][]): GasRange {
    return this.writeLayer(
      'Range.setNumberFormats',
      this.data.numberFormats,
      formats,
      (f) => f || undefined,
    );
  }

  setNote(note: string | null): GasRange {
    return this.fillLayer('Range.setNote', this.data.notes, note || undefined);
  }

  setNotes(notes: Array<Array<string | null>>): GasRange {
    return this.writeLayer('Range.setNotes', this.data.notes, notes, (n) => n || undefined);
  }

  setBackground(color: string | null): GasRange {
    return this.fillLayer(
      'Range.setBackground',
      this.data.backgrounds,
      color ? normalizeColor(color) : undefined,
    );
  }

  setBackgrounds(colors: Array<Array<string | null>>): GasRange {
    return this.writeLayer('Range.setBackgrounds', this.data.backgrounds, colors, (c) =>
      c ? normalizeColor(c) : undefined,
    );
  }

  setFontColor(color: string | null): GasRange {
    return this.fillLayer(
      'Range.setFontColor',
      this.data.fontColors,
      color ? normalizeColor(color) : undefined,
    );
  }

  setFontWeight(weight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.fillLayer(
      'Range.setFontWeight',
      this.data.fontWeights,
      weight === 'bold' ? 'bold' : undefined,
    );
  }

  setFontWeights(weights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GasRange {
    return this.writeLayer('Range.setFontWeights', this.data.fontWeights, weights, (w) =>
      w === 'bold' ? ('bold' as const) : undefined,
    );
  }

  setWrap(wrap: boolean): GasRange {
    return this.fillLayer('Range.setWrap', this.data.wraps, wrap ? true : undefined);
  }

  setWraps(wraps: boolean[][]): GasRange {
    return this.writeLayer('Range.setWraps', this.data.wraps, wraps, (w) => (w ? true : undefined));
  }

  setHorizontalAlignment(alignment: HorizontalAlignment | null): GasRange {
    return this.fillLayer(
      'Range.setHorizontalAlignment',
      this.data.horizontalAlignments,
      alignment ?? undefined,
    );
  }

  setDataValidation(rule: GasRule | null): GasRange {
    return this.fillLayer(
      'Range.setDataValidation',
      this.data.validations,
      asGas<EmulatedDataValidation | null>(rule) ?? undefined,
    );
  }

  setDataValidations(rules: Array<Array<GasRule | null>>): GasRange {
    return this.writeLayer(
      'Range.setDataValidations',
      this.data.validations,
      rules,
      (r) => asGas<EmulatedDataValidation | null>(r) ?? undefined,
    );
  }

  // --- clearing ------------------------------------------------------------------------

  private clearLayers(method: string, layers: Array<Grid<unknown>>): GasRange {
    this.write(method, this.cells);
    for (const layer of layers)
      layer.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this.self();
  }

  clear(options?: ClearOptions): GasRange {
    const d = this.data;
    const picked =
      options &&
      (options.contentsOnly ||
        options.formatOnly ||
        options.validationsOnly ||
        options.commentsOnly);
    if (!picked) return this.clearLayers('Range.clear', [d.values, ...d.formatLayers()]);
    const layers = [
      ...(options.contentsOnly ? [d.values] : []),
      ...(options.formatOnly ? d.formatLayers() : []),
      ...(options.validationsOnly ? [d.validations] : []),
      ...(options.commentsOnly ? [d.notes] : []),
    ];
    return this.clearLayers('Range.clear', layers);
  }

  clearContent(): GasRange {
    return this.clearLayers('Range.clearContent', [this.data.values]);
  }

  clearFormat(): GasRange {
    return this.clearLayers('Range.clearFormat', this.data.formatLayers());
  }

  clearNote(): GasRange {
    return this.clearLayers('Range.clearNote', [this.data.notes]);
  }

  clearDataValidations(): GasRange {
    return this.clearLayers('Range.clearDataValidations', [this.data.validations]);
  }
}
