/** «Сформировать аналитическую записку» and the summary the offline command writes. */
import { JOURNAL, UI } from '../core/messages';
import { buildReport } from '../core/report/build';
import { toSummaryJson } from '../core/summaryJson';
import type { DocumentInfo, DocumentOnce, Ports } from '../ports';
import { journal } from './journal';
import { compute, type Computation } from './recompute';
import { isBlankRow } from '../core/intake';
import { countRows, rowOutcomes } from '../core/rowAccount';
import { OFFLINE_RUN_KEY, RESPONSES_SHEET_KEY, SHEETS } from '../sheets/schema';
import { readData, readRejectedSheet } from '../sheets/workbook';
import { readMeasures } from '../sheets/measures';

const counts = (r: ReturnType<typeof rejectedAndHeld>) => ({
  rejectedCount: r.rejected.length,
  heldCount: r.held.length,
});

/**
 * The report computes what it shows (one read per input sheet and the core) but leaves the
 * output sheets to «Пересчитать показатели»: rewriting them here would double its cost.
 */
export function writeReport(ports: Ports, period?: string): DocumentInfo {
  const doc = reportDocument(ports, compute(ports, period));
  ports.ui.alert(UI.reportDoneTitle, UI.reportDone(doc.url));
  return doc;
}

/** The report of a computation as a document (`once`: made exactly once by a long job). */
export function reportDocument(
  ports: Ports,
  { result, settings, inputErrors }: Computation,
  once?: DocumentOnce,
): DocumentInfo {
  const model = buildReport(result, {
    municipality: String(settings.municipality ?? ''),
    issuer: String(settings.report_issuer ?? ''),
    date: ports.clock.format(ports.clock.now(), 'dd.MM.yyyy'),
    ...counts(rejectedAndHeld(ports, result.period)),
    inputWarnings: inputErrors,
    source: ports.properties.get(OFFLINE_RUN_KEY) === '1' ? 'files' : 'form',
    settings,
    measures: readMeasures(ports.sheets),
  });
  const doc = ports.documents.write(model.title, model, once);
  journal(ports, JOURNAL.report, doc.url);
  return doc;
}

/**
 * «Отклонено» of a period, split as the summary lists it: rejected (invalid, or rejected by
 * the inspector) and held (waiting for the inspector). Versions the inspector accepted are in
 * «Данные» and in neither list.
 */
export function rejectedAndHeld(ports: Pick<Ports, 'sheets'>, period: string) {
  const entries = readRejectedSheet(ports.sheets).filter((e) => !e.period || e.period === period);
  const rejected = entries
    .filter((e) => e.state === 'rejected' || e.state === 'rejected_by_inspector')
    .map((e) => ({ row: e.row, school_id: e.school_id, errors: e.reasons }));
  const held = entries
    .filter((e) => e.state === 'held')
    .map((e) => ({ row: e.row, school_id: e.school_id, reasons: e.reasons }));
  return { rejected, held };
}

/** The latest judgement of each row, all periods: what the summary lists and counts. */
function judgedRows(ports: Pick<Ports, 'sheets'>) {
  const latest = new Map<number, ReturnType<typeof readRejectedSheet>[number]>();
  for (const e of readRejectedSheet(ports.sheets)) {
    const seen = latest.get(e.row);
    if (!seen || e.timestamp.getTime() >= seen.timestamp.getTime()) latest.set(e.row, e);
  }
  return [...latest.values()].map((e) => ({
    ...e,
    outcome:
      e.state === 'rejected' || e.state === 'rejected_by_inspector'
        ? ('rejected' as const)
        : e.state === 'held'
          ? ('held' as const)
          : ('accepted' as const),
  }));
}

/**
 * The section 9 summary of the current (or given) period, as JSON text, with every row of
 * «Ответы формы» accounted for and the rejected and held rows of every period listed.
 */
export function summaryJson(ports: Pick<Ports, 'sheets' | 'properties'>, period?: string): string {
  const { result } = compute(ports, period);
  const judged = judgedRows(ports);
  const inData = new Set(readData(ports.sheets, true).rows.map((r) => r.rawRow));
  const outcomes = rowOutcomes(responseRows(ports), inData, judged);
  const listed = (o: 'rejected' | 'held') =>
    judged.filter((e) => e.outcome === o && outcomes.get(e.row) === o);
  const rejected = listed('rejected').map((e) => ({ ...e, errors: e.reasons }));
  const held = listed('held');
  return JSON.stringify(
    toSummaryJson(result, rejected, held, countRows(outcomes.values())),
    null,
    2,
  );
}

/** The rows of the responses sheet, each marked blank or not. */
function responseRows(ports: Pick<Ports, 'sheets' | 'properties'>) {
  const id = ports.properties.get(RESPONSES_SHEET_KEY);
  const name = id ? ports.sheets.sheetNameById(Number(id)) : SHEETS.responses;
  const table = name ? ports.sheets.read(name) : [];
  const header = table[0] ?? [];
  return table.slice(1).map((values, i) => ({ row: i + 2, blank: isBlankRow(header, values) }));
}
