/**
 * `summary.json` of the offline run: exactly the shape of domain spec, section 9.
 */
import type { RowsAccount } from './rowAccount';
import { RISKS } from './catalogue/components';
import { levelWord } from './report/words';
import { roundHalfUp } from './text';
import type { MonitoringResult, OfficialStatus } from './types';
import type { DynamicsCode } from './words';

/**
 * The `dynamics` values of section 9 are data fixed by the domain spec, not wording: they stay
 * as written there whatever words the sheets and the report show.
 */
export type SummaryDynamics = 'вышла' | 'вошла' | 'осталась' | 'вне списков' | 'нет данных' | '';
const SUMMARY_DYNAMICS: Record<DynamicsCode, SummaryDynamics> = {
  left: 'вышла',
  entered: 'вошла',
  stayed: 'осталась',
  outside: 'вне списков',
  no_data: 'нет данных',
};

export interface SummaryJson {
  period: string;
  schools_total: number;
  responded: number;
  indicators: {
    code: string;
    section: number;
    title: string;
    count: number | null;
    denominator: number | null;
    percent: number | null;
    previous_percent: number | null;
    value: string | null;
  }[];
  schools: {
    school_id: string;
    name: string;
    official_status: OfficialStatus;
    computed_status: OfficialStatus;
    status: OfficialStatus;
    results_index: number | null;
    /** rev 2: the results index without ВПР. */
    results_index_no_vpr: number | null;
    /** rev 2: absolute 0–100, one decimal. */
    isb: number | null;
    risk_zone: boolean;
    resilient: boolean;
    dynamics: SummaryDynamics;
    effective_mode: boolean;
    objectivity_flags: string[];
    /** rev 2: each «500+» factor's level as the spec words it (`высокий` …), null = undecided. */
    risk_factors: Record<string, string | null>;
    recommendations: string[];
  }[];
  /** Every response row, over all periods (offline: over all files). */
  rows: RowsAccount;
  /** Rejected rows of every period; offline, `row` is null for a row the form never took. */
  rejected: RejectedEntry[];
  held: HeldEntry[];
}

/** Where a row came from: its row in «Ответы формы»; offline also its file and line. */
export interface RowPlace {
  row: number | null;
  file?: string;
  line?: number;
  school_id: string;
  period: string;
}

export interface RejectedEntry extends RowPlace {
  errors: string[];
}

export interface HeldEntry extends RowPlace {
  reasons: string[];
}

/**
 * Results indices are means of standard scores: two decimals are what a reader can use; the
 * ИСБ is on 0–100: one decimal, as the spec's example (54.3) (choices).
 */
function index(x: number | null, decimals = 2): number | null {
  if (x === null) return null;
  const r = roundHalfUp(x, decimals);
  return r === 0 ? 0 : r; // no "-0" in the JSON
}

export function toSummaryJson(
  result: MonitoringResult,
  rejected: readonly RejectedEntry[],
  held: readonly HeldEntry[],
  rows: RowsAccount,
): SummaryJson {
  return {
    period: result.period,
    schools_total: result.schoolsTotal,
    responded: result.responded,
    indicators: result.indicators.map((i) => ({
      code: i.code,
      section: i.section,
      title: i.title,
      count: i.count,
      denominator: i.denominator,
      percent: i.percent,
      previous_percent: i.previous_percent,
      value: i.value,
    })),
    schools: result.schools.map((s) => ({
      school_id: s.school_id,
      name: s.name,
      official_status: s.official_status,
      computed_status: s.computed_status,
      status: s.status,
      results_index: index(s.results_index),
      results_index_no_vpr: index(s.results_index_no_vpr),
      isb: index(s.isb, 1),
      risk_zone: s.risk_zone,
      resilient: s.resilient,
      dynamics: s.dynamics ? SUMMARY_DYNAMICS[s.dynamics] : '',
      effective_mode: s.effective_mode,
      objectivity_flags: [...s.objectivity_flags],
      risk_factors: Object.fromEntries(
        RISKS.map((r) => [r.code, s.risk_levels[r.code] ? levelWord(s.risk_levels[r.code]) : null]),
      ),
      recommendations: [...s.recommendations],
    })),
    rows: { ...rows },
    rejected: rejected.map((r) => ({ ...place(r), errors: [...r.errors] })),
    held: held.map((h) => ({ ...place(h), reasons: [...h.reasons] })),
  };
}

/** The place fields in the order of domain spec 9: row, file, line, school, period. */
export function place(p: RowPlace): RowPlace {
  return {
    row: p.row,
    ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    school_id: p.school_id,
    period: p.period,
  };
}
