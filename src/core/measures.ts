/**
 * `Меры` (domain spec §8): management decisions and measures the inspector records per school.
 * The sheet is typed by people: states are codes here, read back from their Russian words.
 */
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
  date: Date | null;
  school_id: string;
  measure: string;
  responsible: string;
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

/** Rows of «Меры» as records by column code; rows without a school or a measure are skipped. */
export function parseMeasures(records: readonly MeasureRecord[]): Measure[] {
  const out: Measure[] = [];
  for (const r of records) {
    const school_id = schoolIdOfChoice(r.school_id);
    const measure = String(r.measure ?? '').trim();
    if (!school_id || !measure) continue;
    const deadline = r.deadline instanceof Date ? r.deadline : null;
    out.push({
      date: r.date instanceof Date ? r.date : null,
      school_id,
      measure,
      responsible: String(r.responsible ?? '').trim(),
      deadline: deadline ? deadline.toISOString().slice(0, 10) : String(r.deadline ?? '').trim(),
      state: stateOf(r.status),
    });
  }
  return out;
}
