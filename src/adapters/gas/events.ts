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
  const row = range.getRow();
  // The event's range is the submitted row from column A: read it as it is, and the header
  // over the same columns (no getLastColumn, which is one more round trip).
  const fromA = range.getColumn() === 1;
  const width = fromA ? range.getLastColumn() : sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const values = (fromA ? range : sheet.getRange(row, 1, 1, width)).getValues()[0];
  return { row, header, values, sheetId: sheet.getSheetId() };
}
