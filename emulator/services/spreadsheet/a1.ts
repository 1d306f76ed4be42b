/** A1 notation: column letters, parsing `'Sheet name'!A1:B2` (also `A:C`, `2:5`), formatting. */

export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell rectangle, 1-based; `undefined` ends mean "to the edge of the sheet". */
export interface A1Rect {
  row: number;
  column: number;
  endRow: number | undefined;
  endColumn: number | undefined;
}

export interface A1Reference {
  sheetName: string | undefined;
  rect: A1Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePoint(text: string): { column?: number; row?: number } | undefined {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  return {
    column: m[1] ? columnNumber(m[1]) : undefined,
    row: m[2] ? Number(m[2]) : undefined,
  };
}

/** Splits off an optional sheet name, quoted with '' escapes as Google writes it. */
export function splitSheetName(a1: string): { sheetName: string | undefined; area: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: undefined, area: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, area: a1.slice(bang + 1) };
}

/** Parses A1 notation; returns undefined when it is not a valid reference. */
export function parseA1(a1: string): A1Reference | undefined {
  const { sheetName, area } = splitSheetName(a1.trim());
  const parts = area.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const start = parsePoint(parts[0]);
  const end = parts.length === 2 ? parsePoint(parts[1]) : start;
  if (!start || !end) return undefined;
  // A lone "A" or "5" is not a reference; "A:A" and "5:5" are.
  if (parts.length === 1 && (start.row === undefined || start.column === undefined))
    return undefined;
  if ((start.row === undefined) !== (end.row === undefined) && parts.length === 2) {
    // "A1:B" means A1 to the bottom of column B; "A:B2" is not valid.
    if (start.row === undefined) return undefined;
  }
  const row = start.row ?? 1;
  const column = start.column ?? 1;
  const endRow = end.row;
  const endColumn = end.column;
  if (row < 1 || column < 1) return undefined;
  return {
    sheetName,
    rect: {
      row: endRow !== undefined ? Math.min(row, endRow) : row,
      column: endColumn !== undefined ? Math.min(column, endColumn) : column,
      endRow: endRow !== undefined ? Math.max(row, endRow) : undefined,
      endColumn: endColumn !== undefined ? Math.max(column, endColumn) : undefined,
    },
  };
}

export function formatA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for use in a reference when Google would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
