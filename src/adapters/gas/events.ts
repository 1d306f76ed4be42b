import type { Submission } from '../../usecases/ingest';

/**
 * Turns a spreadsheet form-submit event into the submitted row (typed values, not the display
 * strings of `e.values`), read from the event's range. The header is read only when the one
 * stored at setup does not match the event's titles (`readHeader`). A blank event (no range,
 * as Google sometimes sends) gives null.
 */
export function submissionFromEvent(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined,
): Submission | null {
  if (!e || !e.range) return null;
  const range = e.range;
  const row = range.getRow();
  const named = e.namedValues as Record<string, string[]> | undefined;
  const shown = Array.isArray(e.values) ? e.values.map(String) : undefined;
  if (named && shown) {
    // Google's range is the submitted row from column A, as wide as `e.values`.
    const values = range.getValues()[0];
    if (values.length === shown.length) {
      const sheetId = range.getGridId();
      const readHeader = () => range.getSheet().getRange(1, 1, 1, values.length).getValues()[0];
      return { row, values, sheetId, named, shown, readHeader };
    }
  }
  const sheet = range.getSheet();
  const fromA = range.getColumn() === 1;
  const width = fromA ? range.getLastColumn() : sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const values = (fromA ? range : sheet.getRange(row, 1, 1, width)).getValues()[0];
  return { row, header, values, sheetId: sheet.getSheetId() };
}

/** The spreadsheet a form-submit event comes from (`e.source`), if it says. */
export function spreadsheetOf(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined,
): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  return (e as { source?: GoogleAppsScript.Spreadsheet.Spreadsheet } | undefined)?.source;
}
