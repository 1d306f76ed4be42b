import type { Submission } from '../../usecases/ingest';

/**
 * Turns a spreadsheet form-submit event into the submitted row with its header, read from the
 * sheet (typed values, not the display strings of `e.values`). A blank event (no range, as
 * Google sometimes sends) gives null.
 */
export function submissionFromEvent(
  e: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined,
): Submission | null {
  if (!e || !e.range) return null;
  const range = e.range;
  const sheet = range.getSheet();
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const values = sheet.getRange(range.getRow(), 1, 1, width).getValues()[0];
  return { row: range.getRow(), header, values, sheetId: sheet.getSheetId() };
}
