/**
 * The workbook's export in a worker thread: the offline run writes monitoring.xlsx there while
 * its own thread writes the report and letters (the machine's second core). The worker is sent
 * what the writer needs and nothing else: the book's parts when it starts, then each sheet's
 * layers when it asks for them (when the sheet before is written), so that it holds one
 * sheet's cells at a time. The file is the one `exportSpreadsheetToXlsx` writes: both go
 * through `writeXlsx` with the same parts.
 */
import { Worker } from 'node:worker_threads';
import { xlsxSource } from './xlsx';
import type { XlsxWorkerAnswer, XlsxWorkerData } from './xlsx-serve';

/** The worker's young generation (MB): 4 kept the 2,000-school run ≈ 30 MB lower than V8's default. */
const WORKER_YOUNG_MB = 4;

/**
 * Writes the spreadsheet to `filePath` in a worker thread started from `workerFile` (a script
 * that calls `serveXlsxExport`). The sheets are read here, as they are when asked for: the
 * spreadsheet must not change until the promise settles. A failure there rejects the promise
 * with an error carrying the worker's message and stack.
 */
export function exportSpreadsheetInWorker(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | object,
  filePath: string,
  workerFile: string,
): Promise<void> {
  const { book, sheet } = xlsxSource(spreadsheet as GoogleAppsScript.Spreadsheet.Spreadsheet);
  const workerData: XlsxWorkerData = { book, filePath };
  const worker = new Worker(workerFile, {
    workerData,
    // A small young generation: the thread's garbage is collected often, on its own core,
    // rather than growing the run's memory (its young generation would take up to 48 MB).
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  return new Promise<void>((resolve, reject) => {
    let failure: Error | undefined;
    let written = false;
    const fail = (error: Error) => {
      failure ??= error;
      void worker.terminate();
    };
    worker.on('message', (answer: XlsxWorkerAnswer) => {
      if ('want' in answer) {
        try {
          worker.postMessage(sheet(answer.want));
        } catch (error) {
          fail(error as Error);
        }
      } else if ('done' in answer) {
        written = true;
        void worker.terminate();
      } else {
        const error = new Error(answer.error.message);
        error.name = answer.error.name;
        if (answer.error.stack) error.stack = answer.error.stack;
        fail(error);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (failure) reject(failure);
      else if (written) resolve();
      else reject(new Error(`the workbook export's worker stopped (exit code ${code})`));
    });
  });
}
