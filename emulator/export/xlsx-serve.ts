/**
 * The worker thread's side of the workbook export (xlsx-thread.ts): asks for the sheets in
 * turn, writes the file with `writeXlsx`, says how it went. Loads only the writer.
 */
import type { MessagePort } from 'node:worker_threads';
import { writeXlsx, type XlsxBook, type XlsxExportOptions, type XlsxSheet } from './xlsx-write';

/** What the worker starts with. */
export interface XlsxWorkerData {
  book: XlsxBook;
  filePath: string;
}

/** What the worker says: send a sheet, the file is written, or why it is not. */
export type XlsxWorkerAnswer =
  { want: number } | { done: true } | { error: { name: string; message: string; stack?: string } };

/** The worker's side: asks for the sheets in turn, writes the file, says how it went. */
export function serveXlsxExport(
  port: MessagePort,
  data: XlsxWorkerData,
  options: XlsxExportOptions,
): void {
  const { book, filePath } = data;
  // One sheet at a time, asked for when the one before is written: the thread holds one
  // sheet's cells (the memory the run may use is shared with the thread that sends them).
  const waiting: Array<(sheet: XlsxSheet) => void> = [];
  port.on('message', (sheet: XlsxSheet) => waiting.shift()?.(sheet));
  const sheet = (index: number): Promise<XlsxSheet> =>
    new Promise<XlsxSheet>((resolve) => {
      waiting.push(resolve);
      port.postMessage({ want: index } satisfies XlsxWorkerAnswer);
    });
  writeXlsx(book, sheet, filePath, options).then(
    () => port.postMessage({ done: true } satisfies XlsxWorkerAnswer),
    (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({
        error: { name: e.name, message: e.message, stack: e.stack },
      } satisfies XlsxWorkerAnswer);
    },
  );
}
