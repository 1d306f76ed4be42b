/**
 * The product's output sheets as plain tables: «Показатели» (one row per school),
 * «Сводка» (the municipal summary, current vs previous period), «Рекомендации».
 */
import type { MonitoringResult } from '../core/monitoring';
import { REPORT } from '../core/messages';
import { renderRuleText } from '../core/rules/evaluate';
import type { Cell } from '../core/types';

export interface SheetTable {
  rows: Cell[][];
  layout: {
    frozenRows: number;
    columns: Array<{ width?: number; numberFormat?: string }>;
  };
}

const blank = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);
const round2 = (v: number | null): Cell => (v === null ? '' : Math.round(v * 100) / 100);

export function schoolSheet(result: MonitoringResult): SheetTable {
  const header = REPORT.schoolColumns;
  const rows: Cell[][] = result.schools.map((s) => [
    s.school_id,
    s.name,
    s.responded ? REPORT.yes : REPORT.no,
    s.official_status,
    s.computed_status,
    s.status,
    s.status_mismatch ? REPORT.statusMismatch : '',
    round2(s.results_index),
    round2(s.results_index_prev),
    round2(s.isb),
    round2(s.isb_prev),
    s.risk_zone ? REPORT.yes : REPORT.no,
    s.resilient ? REPORT.yes : REPORT.no,
    round2(s.residual),
    s.dynamics,
    s.effective_mode ? REPORT.yes : '',
    s.objectivity_flags.join(', '),
    s.risk_profile.join(', '),
    s.peers.join(', '),
    blank(s.peer_rank),
    blank(s.municipal_rank),
    s.leader_suggestions.join(', '),
    s.recommendations.join(', '),
  ]);
  return {
    rows: [header.slice(), ...rows],
    layout: {
      frozenRows: 1,
      columns: header.map((_, i) => ({
        width: i === 1 ? 260 : 110,
        numberFormat: i >= 7 && i <= 10 ? '0.00' : undefined,
      })),
    },
  };
}

export function indicatorSheet(result: MonitoringResult): SheetTable {
  const header = REPORT.summaryColumns(result.period, result.previousPeriod);
  const rows: Cell[][] = result.indicators.map((ind) => [
    ind.code,
    ind.section,
    ind.title,
    ind.value ?? blank(ind.count),
    blank(ind.denominator),
    ind.percent === null ? (ind.denominator === 0 ? '—' : '') : ind.percent,
    blank(ind.previous_percent),
    ind.change_pp === null ? '' : ind.change_pp,
    ind.note ?? '',
  ]);
  return {
    rows: [header.slice(), ...rows],
    layout: {
      frozenRows: 1,
      columns: [
        { width: 240 },
        { width: 60 },
        { width: 520 },
        { width: 90 },
        { width: 90 },
        { width: 90, numberFormat: '0.0' },
        { width: 110, numberFormat: '0.0' },
        { width: 110, numberFormat: '+0.0;-0.0;0.0' },
        { width: 300 },
      ],
    },
  };
}

export function recommendationSheet(result: MonitoringResult): SheetTable {
  const header = REPORT.recommendationColumns;
  const texts = new Map(result.recommendations.map((r) => [r.rule_id, r]));
  const names = new Map(result.schools.map((s) => [s.school_id, s.name]));
  const rows: Cell[][] = [];
  for (const school of result.schools) {
    const leaders = school.leader_suggestions.map((id) => names.get(id) ?? id);
    for (const ruleId of school.recommendations) {
      const rule = texts.get(ruleId);
      rows.push([
        school.school_id,
        school.name,
        school.status,
        ruleId,
        rule?.addressee ?? '',
        renderRuleText(rule?.text ?? '', leaders),
      ]);
    }
  }
  return {
    rows: [header.slice(), ...rows],
    layout: {
      frozenRows: 1,
      columns: [
        { width: 100 },
        { width: 240 },
        { width: 100 },
        { width: 70 },
        { width: 90 },
        { width: 600 },
      ],
    },
  };
}
