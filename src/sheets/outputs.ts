/**
 * The product's output sheets as tables, each named by its sheet: «Показатели» (one row per
 * school), «Сводка» (the municipal summary, current vs previous period), «Динамика»,
 * «Не представили», «Рекомендации».
 * Columns and layouts are the schema's.
 */
import type { MonitoringResult } from '../core/monitoring';
import { REPORT, REPORT_DOC } from '../core/messages';
import { objectivityList, riskProfileText, statusText } from '../core/report/words';
import type { JournalEntry } from '../core/intake';
import type { Cell, RegistrySchool } from '../core/types';
import { DYNAMICS, yesNo } from '../core/words';
import type { SheetLayout, Table } from '../ports';
import {
  DYNAMICS_SHEET,
  INDICATORS_SHEET,
  NOT_RESPONDED_SHEET,
  layoutOf,
  RECOMMENDATIONS_SHEET,
  CHANGE_PP,
  summarySchema,
  tableOf,
  type CodeOf,
  type SheetSchema,
} from './schema';

export interface SheetTable {
  rows: Table;
  layout: SheetLayout;
}

const blank = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);
const round2 = (v: number | null): Cell => (v === null ? '' : Math.round(v * 100) / 100);

function sheetTable<S extends SheetSchema>(
  schema: S,
  records: ReadonlyArray<Record<CodeOf<S>, Cell>>,
): SheetTable {
  return { rows: tableOf(schema, records), layout: layoutOf(schema) };
}

/** The 0-based positions of these columns in a schema: the key of its rows. */
function keyColumns<S extends SheetSchema>(schema: S, codes: ReadonlyArray<CodeOf<S>>): number[] {
  return codes.map((code) => schema.columns.findIndex((c) => c.code === code));
}

/** «Показатели»: each school's indices, statuses, dynamics, risks and recommendations. */
export function indicatorsSheet(result: MonitoringResult): SheetTable {
  const names = new Map(result.schools.map((s) => [s.school_id, s.name]));
  const table = sheetTable(
    INDICATORS_SHEET,
    result.schools.map((s) => ({
      school_id: s.school_id,
      name: s.name,
      responded: yesNo(s.responded),
      official_status: s.official_status,
      computed_status: s.computed_status,
      status: s.status,
      status_mismatch: s.status_mismatch ? REPORT.statusMismatch : '',
      results_index: round2(s.results_index),
      results_index_no_vpr: round2(s.results_index_no_vpr),
      results_index_prev: round2(s.results_index_prev),
      isb: round2(s.isb),
      isb_prev: round2(s.isb_prev),
      risk_zone: yesNo(s.risk_zone),
      resilient: yesNo(s.resilient),
      residual: round2(s.residual),
      dynamics: s.dynamics ? DYNAMICS.show(s.dynamics) : '',
      effective_mode: s.effective_mode ? yesNo(true) : '',
      objectivity_flags: objectivityList(s.objectivity_flags),
      risk_profile: riskProfileText(s.risk_levels),
      peers: s.peers.map((id) => names.get(id) ?? id).join('; '),
      peer_rank: blank(s.peer_rank),
      municipal_rank: blank(s.municipal_rank),
      leader_suggestions: s.leader_suggestions.map((id) => names.get(id) ?? id).join('; '),
      recommendations: s.recommendations.join(', '),
    })),
  );
  return {
    rows: table.rows,
    layout: { ...table.layout, keyColumns: keyColumns(INDICATORS_SHEET, ['school_id']) },
  };
}

/**
 * «Сводка»: each catalogue indicator, this period against the previous one, in Russian (the
 * codes in a hidden column). A gap is in п.п.: its cells get the п.п. format, not the «%».
 */
export function summarySheet(result: MonitoringResult): SheetTable {
  const table = sheetTable(
    summarySchema(result.period, result.previousPeriod),
    result.indicators.map((ind) => ({
      code: ind.code,
      section: REPORT_DOC.sectionShort[ind.section] ?? String(ind.section),
      title: ind.title,
      count: ind.value ?? blank(ind.count),
      denominator: blank(ind.denominator),
      percent: ind.percent === null ? (ind.denominator === 0 ? REPORT.dash : '') : ind.percent,
      previous_percent: blank(ind.previous_percent),
      change_pp: ind.change_pp === null ? '' : ind.change_pp,
      note: ind.note ?? '',
    })),
  );
  const gapRows = result.indicators.flatMap((ind, row) =>
    ind.code.startsWith('gap_') ? [row] : [],
  );
  return {
    rows: table.rows,
    layout: {
      ...table.layout,
      cellFormats: gapRows.flatMap((row) =>
        [5, 6].map((column) => ({ row, column, numberFormat: CHANGE_PP })),
      ),
      negativeRed: [7],
    },
  };
}

/**
 * «Рекомендации»: one row per school and rule that fired — the targeted ones numbered in the
 * school's order, then the rest as «дополнительно» (rev 2).
 */
export function recommendationsSheet(result: MonitoringResult): SheetTable {
  const rules = new Map(result.recommendations.map((r) => [r.rule_id, r]));
  const records: Array<Record<CodeOf<typeof RECOMMENDATIONS_SHEET>, Cell>> = [];
  for (const school of result.schools) {
    const row = (ruleId: string, priority: Cell) =>
      records.push({
        school_id: school.school_id,
        name: school.name,
        status: school.status,
        rule_id: ruleId,
        priority,
        addressee: rules.get(ruleId)?.addressee ?? '',
        text: school.recommendation_texts[ruleId] ?? '',
      });
    school.recommendations.forEach((id, i) => row(id, i + 1));
    school.additional_recommendations.forEach((id) => row(id, REPORT.additional));
  }
  const table = sheetTable(RECOMMENDATIONS_SHEET, records);
  return {
    rows: table.rows,
    layout: {
      ...table.layout,
      keyColumns: keyColumns(RECOMMENDATIONS_SHEET, ['school_id', 'rule_id']),
    },
  };
}

const change = (now: number | null, before: number | null, digits: number): Cell =>
  now === null || before === null ? '' : Math.round((now - before) * 10 ** digits) / 10 ** digits;

/** Names, with the code in brackets only where two schools share a name. */
function shownNames(schools: ReadonlyArray<{ school_id: string; name: string }>) {
  const count = new Map<string, number>();
  for (const s of schools) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return (s: { school_id: string; name: string }) =>
    (count.get(s.name) ?? 0) > 1 ? `${s.name} (${s.school_id})` : s.name;
}

/**
 * «Динамика»: each school's status of record last period and now, its list dynamics, the
 * change of its results index and ИСБ (negative changes shaded), effective mode.
 */
export function dynamicsSheet(result: MonitoringResult): SheetTable {
  const shown = shownNames(result.schools);
  const table = sheetTable(
    DYNAMICS_SHEET,
    result.schools.map((s) => ({
      name: shown(s),
      status_prev: s.status_prev === null ? '' : statusText(s.status_prev),
      status: statusText(s.status),
      dynamics: s.dynamics ? DYNAMICS.show(s.dynamics) : '',
      results_index_change: change(s.results_index, s.results_index_prev, 2),
      isb_change: change(s.isb, s.isb_prev, 1),
      effective_mode: yesNo(s.effective_mode),
    })),
  );
  return { rows: table.rows, layout: { ...table.layout, negativeRed: [4, 5] } };
}

/**
 * «Не представили»: active schools without an accepted response for the period, with their
 * e-mail, their personal link where «Ссылки школам» has one for the period, and how many of
 * their responses were rejected or are held for the inspector.
 */
export function notRespondedSheet(
  result: MonitoringResult,
  registry: readonly RegistrySchool[],
  links: ReadonlyArray<{ school_id: string; period: string; url: string }>,
  rejected: readonly JournalEntry[],
): SheetTable {
  const emails = new Map(registry.map((r) => [r.school_id, r.email]));
  const urls = new Map(
    links.filter((l) => l.period === result.period && l.url).map((l) => [l.school_id, l.url]),
  );
  const mine = (id: string, states: readonly string[]) => {
    const n = rejected.filter(
      (e) => e.school_id === id && e.period === result.period && states.includes(e.state),
    ).length;
    return n === 0 ? '' : n;
  };
  const silent = result.schools.filter((s) => !s.responded);
  const shown = shownNames(result.schools);
  return sheetTable(
    NOT_RESPONDED_SHEET,
    silent.map((s) => ({
      name: shown(s),
      school_id: s.school_id,
      email: emails.get(s.school_id) ?? '',
      url: urls.get(s.school_id) ?? '',
      rejected: mine(s.school_id, ['rejected', 'rejected_by_inspector']),
      held: mine(s.school_id, ['held']),
    })),
  );
}
