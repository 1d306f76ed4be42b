/**
 * A spreadsheet holds at most 10 million cells (Google's limit, which the emulator enforces).
 * Every response row becomes a row of «Ответы формы» and, at most, one of «Данные», each about
 * as wide as the questionnaire; the other sheets are small. Checked before the run, so that a
 * file too large for a spreadsheet is refused at once instead of failing minutes later.
 */
import { MAX_WORKBOOK_CELLS } from '../emulator/services/spreadsheet/errors';
import { FIELDS } from '../src/core/catalogue';
import { DATA_LEAD } from '../src/sheets/schema';
import { InputError } from './errors';
import { CLI_INPUT } from './messages';
import type { NormalizedTable } from './columns';

/** Cells kept for the other sheets (settings, registry, rules, summaries, journal): generous. */
const OTHER_SHEETS = 1_000_000;

/** Cells one response row takes: its row in «Ответы формы» and its row in «Данные». */
export const CELLS_PER_RESPONSE = FIELDS.length + 2 + (DATA_LEAD.length + FIELDS.length);

/** The largest number of response rows a run can take. */
export const MAX_RESPONSE_ROWS = Math.floor(
  (MAX_WORKBOOK_CELLS - OTHER_SHEETS) / CELLS_PER_RESPONSE,
);

export function checkSize(responses: readonly NormalizedTable[]): void {
  const rows = responses.reduce((n, t) => n + t.rows.length, 0);
  if (rows <= MAX_RESPONSE_ROWS) return;
  const largest = [...responses].sort((a, b) => b.rows.length - a.rows.length)[0];
  throw new InputError(
    largest.file,
    CLI_INPUT.tooManyRows(rows, CELLS_PER_RESPONSE, MAX_WORKBOOK_CELLS, MAX_RESPONSE_ROWS),
  );
}
