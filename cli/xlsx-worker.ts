/**
 * The offline run's workbook export thread (built as dist-cli/xlsx-worker.cjs; see
 * emulator/export/xlsx-thread.ts): writes monitoring.xlsx with the run's cut-text note.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveXlsxExport, type XlsxWorkerData } from '../emulator/export/xlsx-serve';
import { CLI_RUN } from './messages';

if (parentPort)
  serveXlsxExport(parentPort, workerData as XlsxWorkerData, { cutNote: CLI_RUN.excelCut });
