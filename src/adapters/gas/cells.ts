import type { Cell } from '../../ports';

/**
 * Sheets parses what is written into a cell as if typed: `=…` becomes a formula (and `+`, `-`,
 * `@` may too), `0101` the number 101, `да`-like words stay, `50%` a percent. A string in our
 * model is text (a respondent's answer, a school code with its leading zeros), so every
 * non-empty string is written with Google's leading apostrophe, which stores it as plain text.
 * Numbers, booleans and dates are written as themselves.
 */
export function asCellValue(value: Cell | null | undefined): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value !== '') return `'${value}`;
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
