/**
 * `summary.json` of the offline run: exactly the shape of domain spec, section 9.
 */
import type { RowsAccount } from './rowAccount';
import { roundHalfUp } from './text';
import type { Dynamics, MonitoringResult, OfficialStatus } from './types';

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
    isb: number | null;
    risk_zone: boolean;
    resilient: boolean;
    dynamics: Dynamics;
    objectivity_flags: string[];
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

/** Indices are z-score means: two decimals are what a reader can use (a choice). */
function index(x: number | null): number | null {
  if (x === null) return null;
  const r = roundHalfUp(x, 2);
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
      isb: index(s.isb),
      risk_zone: s.risk_zone,
      resilient: s.resilient,
      dynamics: s.dynamics,
      objectivity_flags: [...s.objectivity_flags],
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
