/**
 * Cells that call the script's custom functions, recalculated as Google does: a cell is
 * recalculated only when the values of its arguments change (a function that reads sheets by
 * itself therefore goes stale), each recalculated cell costs about 0.5 s (one
 * `CustomFunction.call`, see cost.ts), and the function runs
 * read-only as a custom function does. The loader runs this after every script execution;
 * tests may call it after editing cells themselves.
 *
 * Formulas understood: `=NAME(arg; arg; …)` (`,` also separates when no `;` is used), an
 * argument being a quoted string, a number, TRUE/FALSE, or a reference (`A2`, `A2:C9`, `A:AZ`,
 * `'Лист'!A:AZ`). A single cell passes its value, a range a 2D array (whole columns stop at the
 * sheet's last row: Google pads them with blanks). A 2D result spills right and down into plain
 * values. Other formulas are left alone (not evaluated).
 */
import { FormulaCell, type CellValue } from './services/spreadsheet/cell-values';
import type { EmulatedSpreadsheet } from './services/spreadsheet/workbook';
import type { EmulatedSheet } from './services/spreadsheet/sheet';
import type { Runtime } from './runtime';

const CALL = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/;
const REF = /^(?:(?:'((?:[^']|'')+)'|([^'!:;,()]+))!)?(\$?[A-Z]*\$?\d*)(?::(\$?[A-Z]*\$?\d*))?$/i;

type Arg = CellValue | CellValue[][] | undefined;

export interface CustomFunctionHost {
  runtime: Runtime;
  spreadsheets(): EmulatedSpreadsheet[];
  functionNames(): string[];
  call(name: string, args: Arg[]): unknown;
  silently<T>(fn: () => T): T;
}

/** Splits the argument list at top-level separators, outside quotes and parentheses. */
function splitArgs(text: string): string[] {
  if (text.trim() === '') return [];
  const separator = /;(?=(?:[^"]*"[^"]*")*[^"]*$)/.test(text) ? ';' : ',';
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth += 1;
    else if (!quoted && ch === ')') depth -= 1;
    if (!quoted && depth === 0 && ch === separator) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function evaluateArg(text: string, home: EmulatedSheet, book: EmulatedSpreadsheet): Arg {
  if (text === '') return '';
  if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^TRUE$/i.test(text)) return true;
  if (/^FALSE$/i.test(text)) return false;
  const number = text.replace(',', '.');
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(number)) return Number(number);
  const ref = REF.exec(text);
  if (!ref) throw new Error(`#ERROR! Formula parse error: ${text}`);
  const sheetName = ref[1]?.replace(/''/g, "'") ?? ref[2]?.trim();
  const sheet = sheetName ? book.__sheets().find((s) => s.getName() === sheetName) : home;
  if (!sheet) throw new Error(`#REF! Unresolved sheet name '${sheetName}'.`);
  const data = sheet.__data();
  const parse = (a: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(a) as RegExpExecArray;
    return { col: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const start = parse(ref[3]);
  const end = ref[4] !== undefined ? parse(ref[4]) : start;
  const r1 = start.row || 1;
  const c1 = start.col || 1;
  const r2 = end.row || Math.max(data.lastRow(), r1);
  const c2 = end.col || Math.max(data.lastColumn(), c1);
  const values = sheet.getRange(r1, c1, r2 - r1 + 1, c2 - c1 + 1).getValues() as CellValue[][];
  return ref[4] === undefined ? values[0][0] : values;
}

const keyOf = (args: Arg[]): string =>
  JSON.stringify(args, (_k, v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? `D:${v}` : v,
  );

/**
 * Recalculates every custom-function cell whose arguments changed since its last result.
 * Returns how many cells were recalculated.
 */
export function recalculate(host: CustomFunctionHost): number {
  if (FormulaCell.written === 0) return 0;
  const names = new Map(host.functionNames().map((n) => [n.toUpperCase(), n]));
  let count = 0;
  for (const book of host.spreadsheets()) {
    for (const sheet of book.__sheets()) {
      const cells: Array<{ cell: FormulaCell; r: number; c: number; name: string; args: string }> =
        [];
      sheet.__data().values.forEach((v, r, c) => {
        if (!(v instanceof FormulaCell)) return;
        const call = CALL.exec(v.text);
        const name = call && names.get(call[1].toUpperCase());
        if (call && name) cells.push({ cell: v, r, c, name, args: call[2] });
      });
      for (const { cell, r, c, name, args: text } of cells) {
        let args: Arg[];
        try {
          args = host.silently(() => splitArgs(text).map((a) => evaluateArg(a, sheet, book)));
        } catch (error) {
          cell.result = String((error as Error).message).split(' ')[0];
          continue;
        }
        const key = keyOf(args);
        if (cell.argsKey === key) continue;
        cell.argsKey = key;
        count += 1;
        let result: unknown;
        try {
          result = host.call(name, args);
        } catch {
          result = '#ERROR!';
        }
        spill(sheet, cell, r, c, result);
      }
    }
  }
  return count;
}

function spill(sheet: EmulatedSheet, cell: FormulaCell, r: number, c: number, result: unknown) {
  const asCell = (v: unknown): CellValue => (v === null || v === undefined ? '' : (v as CellValue));
  if (!Array.isArray(result)) {
    cell.result = asCell(result);
    return;
  }
  const rows = result as unknown[][];
  const grid = sheet.__data().values;
  rows.forEach((row, i) =>
    (Array.isArray(row) ? row : [row]).forEach((v, j) => {
      if (i === 0 && j === 0) cell.result = asCell(v);
      else if (!(grid.get(r + i, c + j) instanceof FormulaCell)) grid.set(r + i, c + j, asCell(v));
    }),
  );
}
