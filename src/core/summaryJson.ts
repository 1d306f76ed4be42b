/**
 * `summary.json` of the offline run: exactly the shape of domain spec, section 9.
 */
import { roundHalfUp } from './text';
import type { MonitoringResult, OfficialStatus } from './types';
import type { DynamicsCode } from './words';

/**
 * The `dynamics` values of section 9 are data fixed by the domain spec, not wording: they stay
 * as written there whatever words the sheets and the report show.
 */
export type SummaryDynamics = 'вышла' | 'вошла' | 'осталась' | 'вне списков' | '';
const SUMMARY_DYNAMICS: Record<DynamicsCode, SummaryDynamics> = {
  left: 'вышла',
  entered: 'вошла',
  stayed: 'осталась',
  outside: 'вне списков',
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
    isb: number | null;
    risk_zone: boolean;
    resilient: boolean;
    dynamics: SummaryDynamics;
    objectivity_flags: string[];
    recommendations: string[];
  }[];
  rejected: { row: number; school_id: string; errors: string[] }[];
  held: { row: number; school_id: string; reasons: string[] }[];
}

/** Indices are z-score means: two decimals are what a reader can use (a choice). */
function index(x: number | null): number | null {
  if (x === null) return null;
  const r = roundHalfUp(x, 2);
  return r === 0 ? 0 : r; // no "-0" in the JSON
}

export function toSummaryJson(
  result: MonitoringResult,
  rejected: { row: number; school_id: string; errors: string[] }[],
  held: { row: number; school_id: string; reasons: string[] }[],
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
      dynamics: s.dynamics ? SUMMARY_DYNAMICS[s.dynamics] : '',
      objectivity_flags: [...s.objectivity_flags],
      recommendations: [...s.recommendations],
    })),
    rejected: rejected.map((r) => ({ row: r.row, school_id: r.school_id, errors: [...r.errors] })),
    held: held.map((h) => ({ row: h.row, school_id: h.school_id, reasons: [...h.reasons] })),
  };
}
