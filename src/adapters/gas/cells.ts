import { INTAKE } from '../../core/messages';
import type { Cell } from '../../ports';

/** Google Sheets refuses a cell of more than 50,000 characters (the whole write fails). */
export const MAX_CELL_CHARS = 50_000;

/**
 * Every write of the product passes here, so this is the one place the cell limit is kept:
 * longer text is cut, with a visible note, rather than failing the write (and the trigger).
 */
export function withinCellLimit(text: string): string {
  // The leading apostrophe the text is written with counts too.
  const room = MAX_CELL_CHARS - 1;
  if (text.length <= room) return text;
  const note = INTAKE.cellCut(text.length);
  return text.slice(0, room - note.length) + note;
}

/**
 * Sheets parses what is written into a cell as if typed: `=…` becomes a formula (and `+`, `-`,
 * `@` may too), `0101` the number 101, `да`-like words stay, `50%` a percent. A string in our
 * model is text (a respondent's answer, a school code with its leading zeros), so every
 * non-empty string is written with Google's leading apostrophe, which stores it as plain text.
 * Numbers, booleans and dates are written as themselves.
 */
export function asCellValue(value: Cell | null | undefined): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value !== '') return `'${withinCellLimit(value)}`;
  return value;
}

export function asCellRows(
  rows: readonly (readonly (Cell | null | undefined)[])[],
  width: number,
): Cell[][] {
  return rows.map((row) => {
    const out: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = asCellValue(row[c]);
    return out;
  });
}
