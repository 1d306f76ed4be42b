import type { ChartSpec, SheetLayout, SheetStore, Table, Cell } from '../../ports';
import { asCellRows } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Grows the grid so that `rows` x `columns` fit: Sheets refuses ranges outside it. */
function fit(s: Sheet, rows: number, columns: number): void {
  const maxRows = s.getMaxRows();
  if (rows > maxRows) s.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = s.getMaxColumns();
  if (columns > maxColumns) s.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** The container spreadsheet as a batched table store: one read or one write per call. */
export class GasSheetStore implements SheetStore {
  private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;

  constructor(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.ss = ss ?? SpreadsheetApp.getActiveSpreadsheet();
  }

  id(): string {
    return this.ss.getId();
  }

  url(): string {
    return this.ss.getUrl();
  }

  name(): string {
    return this.ss.getName();
  }

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  read(sheet: string): Table {
    const s = this.ss.getSheetByName(sheet);
    if (!s) return [];
    const values = s.getDataRange().getValues() as Cell[][];
    // An empty sheet still answers with one empty cell.
    if (values.length === 1 && values[0].length === 1 && values[0][0] === '') return [];
    return values;
  }

  readColumns(sheet: string, columns: number): Table {
    const s = this.ss.getSheetByName(sheet);
    if (!s) return [];
    const rows = s.getLastRow();
    if (rows === 0) return [];
    return s.getRange(1, 1, rows, columns).getValues() as Cell[][];
  }

  replace(sheet: string, rows: Table, layout?: SheetLayout): void {
    const s = this.sheet(sheet);
    s.clearContents();
    const width = Math.max(1, ...rows.map((r) => r.length));
    fit(s, rows.length, width);
    if (rows.length > 0) s.getRange(1, 1, rows.length, width).setValues(asCellRows(rows, width));
    if (layout) this.applyLayout(s, layout, Math.max(rows.length, 1));
  }

  ensure(sheet: string, header: readonly string[], layout?: SheetLayout): boolean {
    if (this.ss.getSheetByName(sheet)) return false;
    this.replace(sheet, [header.slice()], layout);
    return true;
  }

  append(sheet: string, rows: Table): void {
    if (rows.length === 0) return;
    const s = this.sheet(sheet);
    const width = Math.max(...rows.map((r) => r.length));
    const first = s.getLastRow() + 1;
    fit(s, first + rows.length - 1, width);
    s.getRange(first, 1, rows.length, width).setValues(asCellRows(rows, width));
  }

  writeRow(sheet: string, row: number, values: readonly Cell[]): void {
    const s = this.sheet(sheet);
    fit(s, row, values.length);
    s.getRange(row, 1, 1, values.length).setValues(asCellRows([values], values.length));
  }

  renameSheetById(sheetId: number, name: string): void {
    const s = this.ss.getSheets().find((x) => x.getSheetId() === sheetId);
    if (s && s.getName() !== name) s.setName(name);
  }

  setCharts(sheet: string, charts: readonly ChartSpec[]): void {
    const s = this.sheet(sheet);
    for (const old of s.getCharts()) s.removeChart(old);
    charts.forEach((spec, i) => {
      const type =
        spec.type === 'scatter'
          ? Charts.ChartType.SCATTER
          : spec.type === 'bar'
            ? Charts.ChartType.BAR
            : Charts.ChartType.COLUMN;
      let builder = s
        .newChart()
        .setChartType(type)
        .setPosition(2 + i * 20, 8, 0, 0);
      for (const a1 of spec.ranges) builder = builder.addRange(s.getRange(a1));
      builder = builder.setOption('title', spec.title);
      if (spec.xTitle) builder = builder.setOption('hAxis.title', spec.xTitle);
      if (spec.yTitle) builder = builder.setOption('vAxis.title', spec.yTitle);
      s.insertChart(builder.build());
    });
  }

  private sheet(name: string): Sheet {
    return this.ss.getSheetByName(name) ?? this.ss.insertSheet(name);
  }

  private applyLayout(s: Sheet, layout: SheetLayout, rows: number): void {
    if (layout.frozenRows !== undefined) s.setFrozenRows(layout.frozenRows);
    const columns = layout.columns ?? [];
    // Formats and dropdowns cover the whole column, so rows added later get them too.
    const dataRows = Math.max(s.getMaxRows(), rows) - 1;
    columns.forEach((col, i) => {
      if (col.width) s.setColumnWidth(i + 1, col.width);
      if (col.numberFormat) s.getRange(2, i + 1, dataRows, 1).setNumberFormat(col.numberFormat);
      if (col.allowed && col.allowed.length > 0) {
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList(col.allowed.slice(), true)
          .setAllowInvalid(false)
          .build();
        s.getRange(2, i + 1, dataRows, 1).setDataValidation(rule);
      }
    });
    if (layout.headerNotes && layout.headerNotes.length > 0) {
      s.getRange(1, 1, 1, layout.headerNotes.length).setNotes([layout.headerNotes.slice()]);
    }
    if (layout.frozenRows)
      s.getRange(1, 1, 1, Math.max(s.getLastColumn(), 1)).setFontWeight('bold');
  }
}
