/**
 * What a cell holds, and how a value written by a script becomes one. Writes are interpreted as
 * if the user typed them (Google's USER_ENTERED): `=...` is a formula, `'...` forces text, and
 * strings that read as a number or TRUE/FALSE become numbers and booleans, unless the cell's
 * number format is plain text (`@`).
 */
import { Messages, MAX_CELL_CHARS } from './errors';
import { gasError } from '../gas';

/**
 * A formula; we keep its text and do not evaluate it, except calls of the script's custom
 * functions (emulator/custom-functions.ts), whose last result and arguments are kept here.
 */
export class FormulaCell {
  /** How many formula cells were ever written: no formula, nothing to recalculate. */
  static written = 0;
  /** The custom function's last result (what the cell shows); undefined: never computed. */
  result?: CellValue;
  /** The arguments the result was computed from (Google recalculates when they change). */
  argsKey?: string;
  constructor(readonly text: string) {
    FormulaCell.written += 1;
  }
}

export type CellValue = string | number | boolean | Date;
export type StoredCell = CellValue | FormulaCell;

/** Google's default display for dates written by a script. */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy H:mm:ss';
/** What `getNumberFormat` answers for a cell with the automatic format. */
export const AUTOMATIC_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

/** True for `Date` objects from any realm (the script may run in a `vm` context). */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;

export interface Interpreted {
  value: StoredCell | undefined;
  /** A number format Google would apply as a side effect (dates, percentages). */
  impliedFormat?: string;
}

function checkLength(text: string): void {
  if (text.length > MAX_CELL_CHARS) throw gasError(Messages.cellTooLong);
}

/** Interprets one written value as Google does; `format` is the cell's current number format. */
export function interpretInput(raw: unknown, format: string | undefined): Interpreted {
  if (raw === null || raw === undefined || raw === '') return { value: undefined };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  if (isDate(raw)) {
    // Host-realm copy, so later changes to the script's object do not reach the sheet.
    return { value: new Date(raw.getTime()), impliedFormat: DEFAULT_DATE_FORMAT };
  }
  const text = typeof raw === 'string' ? raw : String(raw);
  checkLength(text);
  if (typeof raw !== 'string') return { value: text };
  if (text.startsWith("'")) {
    const forced = text.slice(1);
    return { value: forced === '' ? undefined : forced };
  }
  if (text.length > 1 && text.startsWith('=')) return { value: new FormulaCell(text) };
  if (format === TEXT_FORMAT) return { value: text };
  return { value: parseTyped(text.trim()) ?? text, impliedFormat: percentFormat(text.trim()) };
}

function parseTyped(t: string): number | boolean | undefined {
  if (NUMBER.test(t)) return Number(t);
  const pct = PERCENT.exec(t);
  if (pct) return Number(pct[1]) / 100;
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return undefined;
}

function percentFormat(t: string): string | undefined {
  const pct = PERCENT.exec(t);
  if (!pct) return undefined;
  return pct[1].includes('.') ? '0.00%' : '0%';
}

/** The value a script reads back: a fresh copy, `''` for empty cells and for formulas. */
export function readOut(cell: StoredCell | undefined): CellValue {
  if (cell instanceof FormulaCell) return cell.result === undefined ? '' : readOut(cell.result);
  if (cell === undefined) return '';
  if (cell instanceof Date) return new Date(cell.getTime());
  return cell;
}

export function formulaOf(cell: StoredCell | undefined): string {
  return cell instanceof FormulaCell ? cell.text : '';
}

/** A `setFormula` argument: formulas start with `=`; anything else is taken as typed input. */
export function interpretFormula(raw: unknown): StoredCell | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const text = String(raw);
  checkLength(text);
  return text.startsWith('=') ? new FormulaCell(text) : interpretInput(text, undefined).value;
}
