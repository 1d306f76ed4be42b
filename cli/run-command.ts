/**
 * `shnor-monitor run`: read the files, run the monitoring, tell the user what came out,
 * with each rejected or held response traced back to its file and row.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLI, CLI_RUN } from './messages';
import type { RowPlace } from '../src/core/summaryJson';
import type { SummaryJson } from '../src/core/summaryJson';
import { loadInputFiles, type FileOptions } from './load';
import { prepareOutDir } from './out-dir';
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

/**
 * The workbook export's worker, built next to the command's bundle (dist-cli/cli.cjs); none
 * when the command runs from its TypeScript sources (tests): the workbook is written in turn.
 */
function xlsxWorkerFile(): string | undefined {
  if (!__filename.endsWith('.cjs')) return undefined;
  const file = path.join(path.dirname(__filename), 'xlsx-worker.cjs');
  return existsSync(file) ? file : undefined;
}

/** How many rejected or held rows the terminal lists (all are in summary.json). */
const LISTED = 20;

export async function runCommand(options: RunCommandOptions, io: Io): Promise<SummaryJson> {
  const started = Date.now();
  const progress = progressReporter(io.stderr, options.quiet ?? false);
  prepareOutDir(options.out);
  progress.line(CLI_RUN.reading);
  const inputs = await loadInputFiles(options);
  try {
    const result = await runMonitoring(inputs, {
      outDir: options.out,
      // A local run: no Apps Script time limit to chunk long jobs for.
      clockFollowsCost: false,
      xlsxWorker: xlsxWorkerFile(),
      onProgress: progress.onProgress,
      onWarning: (text) => io.stderr.write(`${text}\n`),
      onPrepared: (prepared) => {
        if (prepared.submissions.length === 0) io.stderr.write(`${CLI_RUN.noResponses}\n`);
        progress.line(
          prepared.period
            ? CLI_RUN.period(prepared.period, prepared.periodSource, prepared.periodFile)
            : CLI_RUN.noPeriod,
        );
      },
    });
    progress.finish();
    const summary = result.summary;
    const out = (text: string) => io.stdout.write(`${text}\n`);
    const ofPeriod = summary.rejected.filter((r) => r.period === summary.period).length;
    out(CLI.result(summary.period, summary.responded, summary.schools_total, ofPeriod));
    out(CLI_RUN.accounting(summary.rows));
    if (summary.held.length > 0) out(CLI_RUN.held(summary.held.length));
    listRows(out, CLI_RUN.rejectedHeading, summary.rejected, (r) => [where(r), r.errors]);
    listRows(out, CLI_RUN.heldHeading, summary.held, (r) => [where(r), r.reasons]);
    out(CLI.files);
    for (const file of Object.values(result.files)) out(`  ${file}`);
    out(CLI.done(((Date.now() - started) / 1000).toFixed(1)));
    return summary;
  } finally {
    progress.finish();
  }
}

/** Where a row is: its file and line, or (without them) its row of «Ответы формы». */
function where(r: RowPlace): string {
  if (r.file !== undefined && r.line !== undefined) return CLI_RUN.sourceRow(r.file, r.line);
  return r.row === null ? '' : CLI_RUN.sheetRow(r.row);
}

function listRows<T extends RowPlace>(
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
