/** Set by the build: true when built to be published as an Editor add-on. */
declare const __ADDON__: boolean | undefined;

/** User property with the id of the monitoring spreadsheet (add-on build only). */
export const SPREADSHEET_ID_KEY = 'monitoring.spreadsheetId';

const addOn = (): boolean => typeof __ADDON__ !== 'undefined' && __ADDON__;

/**
 * The monitoring spreadsheet. A container-bound script always has it as the active one. An
 * Editor add-on's time-driven triggers run with no active document (`getActiveSpreadsheet()`
 * is null there), so the add-on opens it by the id setup kept. The id is a user property: the
 * triggers run as the user who installed them, while script properties are shared by every
 * installation of the add-on and document properties need the document open.
 */
export function monitoredSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active || !addOn()) return active;
  const id = PropertiesService.getUserProperties().getProperty(SPREADSHEET_ID_KEY);
  if (!id) throw new Error('No active spreadsheet and no kept spreadsheet id: run setup first.');
  return SpreadsheetApp.openById(id);
}

/** Setup keeps the spreadsheet's id for the add-on's triggers (a no-op when container-bound). */
export function keepSpreadsheetId(): void {
  if (!addOn()) return;
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  PropertiesService.getUserProperties().setProperty(SPREADSHEET_ID_KEY, id);
}
