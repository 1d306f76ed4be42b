/** `Sheet`: the whole emulated class, with its conditional format rules, charts and protections. */
import { Messages } from './errors';
import { EmulatedChartBuilder, withChartId, type EmulatedChart } from './charts';
import { EmulatedProtection } from './protection';
import { SheetLayout } from './sheet-layout';
import type { EmulatedConditionalFormatRule } from './conditional';
import { asGas, unchecked, gasError } from '../gas';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFormUrl'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'hideColumns'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'showSheet'
  | 'updateChart';

export class EmulatedSheet extends SheetLayout implements Pick<GasSheet, SheetMethods> {
  // --- rules, charts, protections ----------------------------------------------------------

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.ctx.call('Sheet.getConditionalFormatRules');
    return asGas([...this.__data().conditionalRules]);
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.structural('Sheet.setConditionalFormatRules');
    this.__data().conditionalRules = unchecked<EmulatedConditionalFormatRule[]>([...rules]);
  }

  clearConditionalFormatRules(): void {
    this.structural('Sheet.clearConditionalFormatRules');
    this.__data().conditionalRules = [];
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.ctx.call('Sheet.newChart');
    return asGas(new EmulatedChartBuilder(this.ctx));
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.structural('Sheet.insertChart');
    this.__data().charts.push(withChartId(this.ctx, asGas<EmulatedChart>(chart)));
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.ctx.call('Sheet.getCharts');
    return asGas([...this.__data().charts]);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.structural('Sheet.removeChart');
    const id = asGas<EmulatedChart>(chart).state.id;
    const d = this.__data();
    d.charts = d.charts.filter((c) => c.state.id !== id);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.structural('Sheet.updateChart');
    const updated = asGas<EmulatedChart>(chart);
    const d = this.__data();
    const i = d.charts.findIndex((c) => c.state.id === updated.state.id);
    if (i < 0) throw gasError(Messages.invalidArgument('chart'));
    d.charts[i] = updated;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.structural('Sheet.protect');
    const d = this.__data();
    const whole = this.__range(1, 1, d.maxRows, d.maxColumns);
    const p = new EmulatedProtection(this.ctx, 'SHEET', whole, this.ctx.rt.userEmail, (x) => {
      d.protections = d.protections.filter((q) => q !== x);
    });
    d.protections.push(p);
    return asGas(p);
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.call('Sheet.getProtections');
    return asGas(this.__data().protections.filter((p) => p.type === String(type)));
  }
}
