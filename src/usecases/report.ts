/** «Сформировать аналитическую записку» and the summary the offline command writes. */
import { JOURNAL, UI } from '../core/messages';
import { buildReport } from '../core/report/build';
import { toSummaryJson } from '../core/summaryJson';
import type { DocumentInfo, DocumentOnce, Ports } from '../ports';
import { journal } from './journal';
import { compute, type Computation } from './recompute';
import { readRejectedSheet } from '../sheets/workbook';
import { readMeasures } from '../sheets/measures';

const counts = (r: ReturnType<typeof rejectedAndHeld>) => ({
  rejectedCount: r.rejected.length,
  heldCount: r.held.length,
});

/** Document property the offline command sets: the data came from files, not the form. */
export const SOURCE_KEY = 'report.source';

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
    source: ports.properties.get(SOURCE_KEY) === 'files' ? 'files' : 'form',
    settings,
    measures: readMeasures(ports.sheets),
    ...counts(rejectedAndHeld(ports, result.period)),
    inputWarnings: inputErrors,
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

/** The section 9 summary of the current (or given) period, as JSON text. */
export function summaryJson(ports: Pick<Ports, 'sheets'>, period?: string): string {
  const { result } = compute(ports, period);
  const { rejected, held } = rejectedAndHeld(ports, result.period);
  return JSON.stringify(toSummaryJson(result, rejected, held), null, 2);
}
