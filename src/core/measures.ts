/**
 * `Меры` (domain spec §8): management decisions and measures the inspector records per school.
 * The sheet is typed by people: states are codes here, read back from their Russian words.
 */
import { parseDateSetting } from './settings';
import type { Cell } from './types';

export type MeasureState = 'planned' | 'in_progress' | 'done';

export const MEASURE_STATES: Record<MeasureState, string> = {
  planned: 'запланирована',
  in_progress: 'выполняется',
  done: 'выполнена',
};

/** Column codes of «Меры», in sheet order (spec §8). */
export const MEASURE_COLUMNS = [
  'date',
  'school_id',
  'measure',
  'responsible',
  'deadline',
  'status',
] as const;

export interface Measure {
  /** The day the decision was taken (`YYYY-MM-DD`), as the sheet shows it. */
  date: string | null;
  school_id: string;
  measure: string;
  responsible: string;
  /** `YYYY-MM-DD` when the cell holds a date, else the text typed there. */
  deadline: string;
  state: MeasureState | null;
}

function stateOf(value: Cell): MeasureState | null {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  for (const [code, word] of Object.entries(MEASURE_STATES)) {
    if (text === word || text === code || (text.length > 4 && word.startsWith(text)))
      return code as MeasureState;
  }
  return null;
}

/** The school code of a cell that holds `0012` or `0012 — МБОУ …` (the dropdown's wording). */
export function schoolIdOfChoice(value: Cell): string {
  const text = String(value ?? '').trim();
  const dash = text.search(/\s[—–-]\s/);
  return dash > 0 ? text.slice(0, dash).trim() : text;
}

export type MeasureRecord = Record<(typeof MEASURE_COLUMNS)[number], Cell>;

/**
 * The day a cell names: a date cell is the day the sheet shows, which only the spreadsheet's
 * time zone tells (`calendarDay`, the adapter's); typed text `31.05.2026` or `2026-05-31` is
 * read as written. Null when the cell names no day.
 */
function dayOf(value: Cell, calendarDay: (date: Date) => string): string | null {
  if (value instanceof Date) return isNaN(value.getTime()) ? null : calendarDay(value);
  return parseDateSetting(value);
}

/**
 * Rows of «Меры» as records by column code; rows without a school or a measure are skipped.
 * `calendarDay` turns a date cell into the day it shows (SheetStore.calendarDate).
 */
export function parseMeasures(
  records: readonly MeasureRecord[],
  calendarDay: (date: Date) => string,
): Measure[] {
  const out: Measure[] = [];
  for (const r of records) {
    const school_id = schoolIdOfChoice(r.school_id);
    const measure = String(r.measure ?? '').trim();
    if (!school_id || !measure) continue;
    out.push({
      date: dayOf(r.date, calendarDay),
      school_id,
      measure,
      responsible: String(r.responsible ?? '').trim(),
      deadline: dayOf(r.deadline, calendarDay) ?? String(r.deadline ?? '').trim(),
      state: stateOf(r.status),
    });
  }
  return out;
}
