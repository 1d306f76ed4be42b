/**
 * The `SpreadsheetApp` global. The first spreadsheet created becomes the active (container-bound)
 * one; `setActiveSpreadsheet` / `__setActive` change it. `flush()` pays for all pending writes.
 */
import type { Runtime } from '../../runtime';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from './enums';
import { Messages, MAX_WORKBOOK_CELLS } from './errors';
import { SheetsContext } from './context';
import { EmulatedSpreadsheet } from './workbook';
import { EmulatedUi } from './ui';
import { EmulatedDataValidationBuilder } from './validation';
import { EmulatedConditionalFormatRuleBuilder } from './conditional';
import type { EmulatedSheet } from './sheet';
import { asGas, gasEnum, gasError } from '../gas';

type GasApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type S = typeof GoogleAppsScript.Spreadsheet;

type AppMembers =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'Dimension'
  | 'ProtectionType'
  | 'WrapStrategy'
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSheet'
  | 'setActiveSpreadsheet';

export class EmulatedSpreadsheetApp implements Pick<GasApp, AppMembers> {
  readonly BooleanCriteria = gasEnum<S['BooleanCriteria']>(BooleanCriteria);
  readonly DataValidationCriteria = gasEnum<S['DataValidationCriteria']>(DataValidationCriteria);
  readonly Dimension = gasEnum<S['Dimension']>(Dimension);
  readonly ProtectionType = gasEnum<S['ProtectionType']>(ProtectionType);
  readonly WrapStrategy = gasEnum<S['WrapStrategy']>(WrapStrategy);
  /** Not in Google's SpreadsheetApp (it is `Charts.ChartType`); here for convenience. */
  readonly ChartType = gasEnum<typeof GoogleAppsScript.Charts.ChartType>(ChartType);

  /** Non-Google: the shared state (runtime, counting rules). */
  readonly ctx: SheetsContext;
  private readonly registry = new Map<string, EmulatedSpreadsheet>();
  private active: EmulatedSpreadsheet | null = null;
  private readonly ui: EmulatedUi;

  constructor(rt: Runtime) {
    this.ctx = new SheetsContext(rt);
    this.ui = new EmulatedUi(this.ctx);
  }

  // --- non-Google helpers ------------------------------------------------------------------

  /** Makes `ss` the container-bound spreadsheet of the script. */
  __setActive(ss: GasSpreadsheet | EmulatedSpreadsheet | null): void {
    this.active = ss as EmulatedSpreadsheet | null;
  }

  /** The active spreadsheet as the emulated object (null when none). */
  __active(): EmulatedSpreadsheet | null {
    return this.active;
  }

  /** Every spreadsheet created, in order. */
  __spreadsheets(): EmulatedSpreadsheet[] {
    return [...this.registry.values()];
  }

  /** A spreadsheet by id without counting a call, or undefined. */
  __get(id: string): EmulatedSpreadsheet | undefined {
    return this.registry.get(id);
  }

  /** The Ui object (same as `getUi()`), for inspection without counting. */
  __ui(): EmulatedUi {
    return this.ui;
  }

  /** Runs `fn` with nothing counted: for Google acting on its own (form submissions, exports). */
  __silently<T>(fn: () => T): T {
    return this.ctx.silently(fn);
  }

  // --- Google --------------------------------------------------------------------------

  create(name: string, rows?: number, columns?: number): GasSpreadsheet {
    this.ctx.mutate('SpreadsheetApp.create');
    if ((rows ?? 1) < 1 || (columns ?? 1) < 1) throw gasError(Messages.invalidArgument('rows'));
    if ((rows ?? 1000) * (columns ?? 26) > MAX_WORKBOOK_CELLS)
      throw gasError(Messages.tooManyCells);
    const ss = new EmulatedSpreadsheet(this.ctx, this.ctx.rt.nextId('ss'), name, rows, columns);
    this.registry.set(ss.id, ss);
    if (!this.active) this.active = ss;
    return asGas(ss);
  }

  openById(id: string): GasSpreadsheet {
    this.ctx.call('SpreadsheetApp.openById');
    const ss = this.registry.get(id);
    if (!ss) throw gasError(Messages.openById);
    return asGas(ss);
  }

  openByUrl(url: string): GasSpreadsheet {
    this.ctx.call('SpreadsheetApp.openByUrl');
    const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(url);
    const ss = m ? this.registry.get(m[1]) : undefined;
    if (!ss) throw gasError(Messages.openByUrl);
    return asGas(ss);
  }

  getActiveSpreadsheet(): GasSpreadsheet {
    this.ctx.call('SpreadsheetApp.getActiveSpreadsheet');
    return asGas(this.activeHere());
  }

  getActive(): GasSpreadsheet {
    this.ctx.call('SpreadsheetApp.getActive');
    return asGas(this.activeHere());
  }

  /** An Editor add-on's clock trigger runs with no document open: nothing is active there. */
  private activeHere(): EmulatedSpreadsheet | null {
    const rt = this.ctx.rt;
    return rt.addOn && rt.execution() === 'clockTrigger' ? null : this.active;
  }

  setActiveSpreadsheet(ss: GasSpreadsheet): void {
    this.ctx.call('SpreadsheetApp.setActiveSpreadsheet');
    this.active = asGas<EmulatedSpreadsheet>(ss);
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('SpreadsheetApp.getActiveSheet');
    return asGas(this.active ? this.ctx.silently(() => this.active?.getActiveSheet()) : null);
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('SpreadsheetApp.setActiveSheet');
    const s = asGas<EmulatedSheet>(sheet);
    s.parent.__activate(s);
    return sheet;
  }

  /** Sends every pending write: counted as `flush` with the pending cells as written. */
  flush(): void {
    let cells = 0;
    for (const ss of this.registry.values()) {
      cells += ss.pending.cells;
      ss.pending.cells = 0;
      ss.pending.dirty = false;
      ss.unflushed.clear();
    }
    this.ctx.call('flush', { written: cells });
  }

  /**
   * No one looks at a form-submit or clock trigger's run, nor at a custom function's: Google
   * refuses the Ui there.
   */
  getUi(): GoogleAppsScript.Base.Ui {
    this.ctx.call('SpreadsheetApp.getUi');
    const kind = this.ctx.rt.execution();
    if (kind === 'submitTrigger' || kind === 'clockTrigger' || kind === 'customFunction')
      throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return asGas(this.ui);
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.call('SpreadsheetApp.newDataValidation');
    return asGas(new EmulatedDataValidationBuilder(this.ctx));
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.call('SpreadsheetApp.newConditionalFormatRule');
    return asGas(new EmulatedConditionalFormatRuleBuilder(this.ctx));
  }
}

export function createSpreadsheetApp(rt: Runtime): EmulatedSpreadsheetApp {
  return new EmulatedSpreadsheetApp(rt);
}
