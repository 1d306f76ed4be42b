/**
 * The product's output sheets as plain tables: «Показатели» (one row per school),
 * «Сводка» (the municipal summary, current vs previous period), «Рекомендации».
 */
import type { MonitoringResult } from '../core/monitoring';
import { REPORT } from '../core/messages';
import { renderRuleText } from '../core/rules/evaluate';
import type { Cell } from '../core/types';
import type { SheetLayout } from '../ports';
import { objectivityWords, riskWords } from '../core/report/words';
import { formatPp, periodText } from '../core/text';

export interface SheetTable {
  rows: Cell[][];
  layout: SheetLayout & { frozenRows: number };
}

const blank = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);
const round2 = (v: number | null): Cell => (v === null ? '' : Math.round(v * 100) / 100);

export function schoolSheet(result: MonitoringResult): SheetTable {
  const header = REPORT.schoolColumns;
  const names = new Map(result.schools.map((s) => [s.school_id, s.name]));
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
    objectivityWords(s.objectivity_flags),
    riskWords(s).join('; '),
    s.peers.map((id) => names.get(id) ?? id).join('; '),
    blank(s.peer_rank),
    blank(s.municipal_rank),
    s.leader_suggestions.map((id) => names.get(id) ?? id).join('; '),
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
  const header = REPORT.summaryColumns(periodText(result.period), result.previousPeriod ? periodText(result.previousPeriod) : null);
  // A gap is in п.п., not in %: written as text so the «%» format of the column never shows.
  const pp = (ind: (typeof result.indicators)[number], v: number | null): Cell =>
    v === null ? '' : ind.code.startsWith('gap_') ? formatPp(v) : v;
  const rows: Cell[][] = result.indicators.map((ind) => [
    SECTION_WORDS[ind.section] ?? String(ind.section),
    ind.title,
    ind.value ?? blank(ind.count),
    blank(ind.denominator),
    ind.percent === null ? (ind.denominator === 0 ? '—' : '') : pp(ind, ind.percent),
    pp(ind, ind.previous_percent),
    ind.change_pp === null ? '' : ind.change_pp,
    ind.note ?? '',
  ]);
  return {
    rows: [header.slice(), ...rows],
    layout: {
      frozenRows: 1,
      columns: [
        { width: 150, wrap: true },
        { width: 460, wrap: true },
        { width: 70 },
        { width: 60 },
        { width: 100, numberFormat: '0.0" %"' },
        { width: 100, numberFormat: '0.0" %"' },
        { width: 110, numberFormat: '+0.0" п.п.";"−"0.0" п.п.";0.0" п.п."' },
        { width: 260, wrap: true },
      ],
      // Codes for machine reading, out of the reader's way: a note on each indicator's title.
      cellNotes: { column: 1, notes: result.indicators.map((ind) => ind.code) },
      negativeRed: [6],
    },
  };
}

const SECTION_WORDS: Record<number, string> = {
  1: '1. Выявление',
  2: '2. Динамика',
  3: '3. Педагоги',
  4: '4. Методическая помощь',
  5: '5. Профилактика неуспешности',
  6: '6. Мониторинг рисков',
  7: '7. Результаты и разрыв',
};

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
