/** «Сформировать аналитическую записку» and the summary the offline command writes. */
import { JOURNAL, SHEETS, UI } from '../core/messages';
import { buildReport } from '../core/report/build';
import { toSummaryJson } from '../core/summaryJson';
import type { DocumentInfo, Ports } from '../ports';
import { journal } from './journal';
import { compute, recompute } from './recompute';

export function writeReport(ports: Ports, period?: string): DocumentInfo {
  const { result, settings, inputErrors } = recompute(ports, period);
  const model = buildReport(result, {
    municipality: String(settings.municipality ?? ''),
    date: ports.clock.format(ports.clock.now(), 'dd.MM.yyyy'),
    rejectedCount: readRejected(ports).filter((r) => r.period === result.period).length,
    inputWarnings: inputErrors,
  });
  const doc = ports.documents.write(model.title, model);
  journal(ports, JOURNAL.report, doc.url);
  ports.ui.alert(UI.reportDoneTitle, UI.reportDone(doc.url));
  return doc;
}

interface RejectedRow {
  row: number;
  school_id: string;
  period: string;
  errors: string[];
}

export function readRejected(ports: Pick<Ports, 'sheets'>): RejectedRow[] {
  const table = ports.sheets.read(SHEETS.rejected);
  return table.slice(1).map((r) => ({
    row: Number(r[0]),
    school_id: String(r[2] ?? ''),
    period: String(r[3] ?? ''),
    errors: String(r[4] ?? '')
      .split('\n')
      .filter((e) => e !== ''),
  }));
}

/** The section 9 summary of the current (or given) period, as JSON text. */
export function summaryJson(ports: Pick<Ports, 'sheets'>, period?: string): string {
  const { result } = compute(ports, period);
  const rejected = readRejected(ports)
    .filter((r) => !r.period || r.period === result.period)
    .map(({ row, school_id, errors }) => ({ row, school_id, errors }));
  return JSON.stringify(toSummaryJson(result, rejected, []), null, 2);
}
