/**
 * Charts.newDataTable(): columns with a type and label, rows of values. The built DataTable is
 * opaque to scripts (Google gives it no methods); the renderer reads it through `columns`/`rows`.
 */
import type { Runtime } from '../../runtime';
import { enumOf } from '../enum';
import { asGas, gasError } from '../gas';

export const ColumnType = enumOf('DATE', 'NUMBER', 'STRING');
export type ColumnTypeName = keyof typeof ColumnType;

export interface DataColumn {
  readonly type: ColumnTypeName;
  readonly label: string;
}

export type CellValue = number | string | boolean | Date | null;

/**
 * The built, immutable table. Google lists DataTable among the DataTableSource classes, so it
 * answers getDataTable() with itself (the @types declare it empty; scripts still call it).
 */
export class EmulatedDataTable
  implements GoogleAppsScript.Charts.DataTable, GoogleAppsScript.Charts.DataTableSource
{
  constructor(
    private readonly rt: Runtime,
    readonly columns: readonly DataColumn[],
    readonly rows: ReadonlyArray<readonly CellValue[]>,
  ) {}

  getDataTable(): GoogleAppsScript.Charts.DataTable {
    this.rt.record('Charts', 'DataTable.getDataTable');
    return this;
  }
}

function columnTypeOf(type: unknown): ColumnTypeName {
  const name = String(type);
  if (name in ColumnType) return name as ColumnTypeName;
  throw gasError(`Invalid argument: type`);
}

/** Values a column of this type accepts; null (a missing value) fits every column. */
function fits(type: ColumnTypeName, value: CellValue): boolean {
  if (value === null) return true;
  if (type === 'NUMBER') return typeof value === 'number';
  if (type === 'DATE') return isDate(value);
  return typeof value === 'string';
}

export class EmulatedDataTableBuilder implements Pick<
  GoogleAppsScript.Charts.DataTableBuilder,
  'addColumn' | 'addRow' | 'build' | 'setValue'
> {
  private readonly columns: DataColumn[] = [];
  private readonly rows: CellValue[][] = [];

  constructor(private readonly rt: Runtime) {}

  addColumn(
    type: GoogleAppsScript.Charts.ColumnType,
    label: string,
  ): GoogleAppsScript.Charts.DataTableBuilder {
    this.rt.record('Charts', 'DataTableBuilder.addColumn');
    this.columns.push({ type: columnTypeOf(type), label: String(label ?? '') });
    return asGas(this);
  }

  // Cell values are whatever the script passes (Object[] in Google's signature).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addRow(values: any[]): GoogleAppsScript.Charts.DataTableBuilder {
    this.rt.record('Charts', 'DataTableBuilder.addRow');
    if (!Array.isArray(values)) throw gasError('Invalid argument: values');
    this.rows.push(values.map(normalise));
    return asGas(this);
  }

  /** Google: a value may be set before its row or column exists; missing values are null. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setValue(row: number, column: number, value: any): GoogleAppsScript.Charts.DataTableBuilder {
    this.rt.record('Charts', 'DataTableBuilder.setValue');
    if (!Number.isInteger(row) || row < 0) throw gasError('Invalid argument: row');
    if (!Number.isInteger(column) || column < 0) throw gasError('Invalid argument: column');
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row];
    while (cells.length <= column) cells.push(null);
    cells[column] = normalise(value);
    return asGas(this);
  }

  /**
   * Google throws when the table is "empty or otherwise malformed": no columns, a row longer than
   * the columns, or a value of the wrong type. (Messages are ours; Google's exact texts are not
   * documented.) A table with columns but no rows is valid and charts as empty axes.
   */
  build(): GoogleAppsScript.Charts.DataTable {
    this.rt.record('Charts', 'DataTableBuilder.build');
    return this.snapshot();
  }

  /** Non-Google: the table as build() would return it, without counting a call. */
  snapshot(): EmulatedDataTable {
    if (this.columns.length === 0) throw gasError('The data table has no columns.');
    const width = this.columns.length;
    const rows = this.rows.map((cells, r) => {
      if (cells.length > width) {
        throw gasError(`Row ${r} has ${cells.length} values but the table has ${width} columns.`);
      }
      const full = cells.concat(Array<CellValue>(width - cells.length).fill(null));
      full.forEach((value, c) => {
        const type = this.columns[c].type;
        if (!fits(type, value)) {
          throw gasError(
            `Value ${String(value)} in row ${r}, column ${c} does not match type ${type}.`,
          );
        }
      });
      return full;
    });
    return new EmulatedDataTable(this.rt, [...this.columns], rows);
  }
}

/** undefined counts as missing; anything else non-primitive is kept as its string. */
function normalise(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (isDate(value)) return value;
  return String(value);
}

/** Cross-realm: the script's Dates may come from another vm context than ours. */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
