/** Shared setup for the SpreadsheetApp tests: a fresh runtime and app, and typed shortcuts. */
import { Runtime } from '../../emulator/runtime';
import {
  createSpreadsheetApp,
  type EmulatedSpreadsheetApp,
} from '../../emulator/services/spreadsheet';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Fixture {
  rt: Runtime;
  app: EmulatedSpreadsheetApp;
  ss: Spreadsheet;
  sheet: Sheet;
}

export function setup(options: ConstructorParameters<typeof Runtime>[0] = {}): Fixture {
  const rt = new Runtime(options);
  const app = createSpreadsheetApp(rt);
  const ss = app.create('Мониторинг');
  const sheet = ss.getSheets()[0];
  rt.calls.reset();
  return { rt, app, ss, sheet };
}

/** Calls counted for one SpreadsheetApp method. */
export function calls(rt: Runtime, method: string): number {
  return rt.calls.get('SpreadsheetApp', method);
}
