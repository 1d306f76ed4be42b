/**
 * `shnor-monitor run`: read the files, run the monitoring, tell the user what came out,
 * with each rejected or held response traced back to its file and row.
 */
import { CLI, CLI_RUN } from './messages';
import type { SummaryJson } from '../src/core/summaryJson';
import type { Submission } from './inputs';
import { loadInputFiles, type FileOptions } from './load';
import { runMonitoring } from './pipeline';
import { progressReporter, type ErrStream } from './progress';

export interface RunCommandOptions extends FileOptions {
  out: string;
  quiet?: boolean;
}

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: ErrStream;
}

/** How many rejected or held rows the terminal lists (all are in summary.json). */
const LISTED = 20;

export async function runCommand(options: RunCommandOptions, io: Io): Promise<SummaryJson> {
  const started = Date.now();
  const progress = progressReporter(io.stderr, options.quiet ?? false);
  progress.line(CLI_RUN.reading);
  const inputs = await loadInputFiles(options);
  try {
    const result = await runMonitoring(inputs, {
      outDir: options.out,
      onProgress: progress.onProgress,
      onWarning: (text) => io.stderr.write(`${text}\n`),
      onPrepared: (prepared) => {
        if (prepared.submissions.length === 0) io.stderr.write(`${CLI_RUN.noResponses}\n`);
        progress.line(
          prepared.period
            ? CLI_RUN.period(prepared.period, Boolean(options.period))
            : CLI_RUN.noPeriod,
        );
      },
    });
    progress.finish();
    const summary = result.summary as SummaryJson;
    const out = (text: string) => io.stdout.write(`${text}\n`);
    out(
      CLI.result(summary.period, summary.responded, summary.schools_total, summary.rejected.length),
    );
    if (summary.held.length > 0) out(CLI_RUN.held(summary.held.length));
    const where = (row: number) => sourceOf(result.submissions, row);
    listRows(out, CLI_RUN.rejectedHeading, summary.rejected, (r) => [where(r.row), r.errors]);
    listRows(out, CLI_RUN.heldHeading, summary.held, (r) => [where(r.row), r.reasons]);
    out(CLI.files);
    for (const file of Object.values(result.files)) out(`  ${file}`);
    out(CLI.done(((Date.now() - started) / 1000).toFixed(1)));
    return summary;
  } finally {
    progress.finish();
  }
}

/** Row r of «Ответы формы» is the (r - 1)-th submission: back to the file and line it came from. */
function sourceOf(submissions: readonly Submission[], row: number): string {
  const s = submissions[row - 2];
  return s ? CLI_RUN.sourceRow(s.file, s.line) : CLI_RUN.sheetRow(row);
}

function listRows<T extends { row: number; school_id: string }>(
  out: (text: string) => void,
  heading: string,
  rows: readonly T[],
  describe: (r: T) => [string, readonly string[]],
): void {
  if (rows.length === 0) return;
  out(heading);
  for (const r of rows.slice(0, LISTED)) {
    const [where, reasons] = describe(r);
    out(CLI_RUN.rowLine(where, r.school_id, reasons.join('; ')));
  }
  if (rows.length > LISTED) out(CLI_RUN.more(rows.length - LISTED));
}
