/**
 * The offline summary accounts for every input row (domain spec 9, rev 2): the bundle counts
 * the rows of «Ответы формы»; the rows the form never received (blank, or rejected before it)
 * are added here, and every listed row is traced back to its file and line.
 */
import path from 'node:path';
import type { RowPlace, SummaryJson } from '../src/core/summaryJson';
import { place } from '../src/core/summaryJson';
import type { SkippedRow, Submission } from './inputs';

export function accountForFiles(
  summary: SummaryJson,
  submissions: readonly Submission[],
  skipped: readonly SkippedRow[],
): SummaryJson {
  // Row r of «Ответы формы» is the (r - 1)-th submission.
  const traced = <T extends RowPlace>(entry: T): T => {
    const s = entry.row === null ? undefined : submissions[entry.row - 2];
    const { row, file, line, school_id, period, ...rest } = entry;
    const at = s ? { file: path.basename(s.file), line: s.line } : { file, line };
    return { ...place({ row, school_id, period, ...at }), ...rest } as T;
  };
  const before = skipped
    .filter((s) => s.outcome === 'rejected')
    .map((s) => ({
      ...place({ row: null, ...s, file: path.basename(s.file) }),
      errors: [...s.reasons],
    }));
  const blank = skipped.filter((s) => s.outcome === 'blank').length;
  const rows = { ...summary.rows };
  rows.rejected += before.length;
  rows.blank += blank;
  rows.read += before.length + blank;
  const byLine = (a: RowPlace, b: RowPlace) =>
    (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
  return {
    ...summary,
    rows,
    rejected: [...summary.rejected.map(traced), ...before].sort(byLine),
    held: summary.held.map(traced).sort(byLine),
  };
}
