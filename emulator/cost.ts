/**
 * Modelled Apps Script time for counted emulator calls (the linear model of the project's
 * cost-model note): T = start-up + Σ per-call cost + Σ per-cell cost + penalties.
 * The figures live in this one table so a live measurement can replace them.
 */
import type { CallRecord } from './runtime';

export const COST_MS = {
  startup: 500,
  sheetsServerCall: 100,
  perCellRead: 0.01,
  perCellWritten: 0.06,
  sheetsLocalCall: 1,
  readAfterWrite: 150,
  flush: 30,
  flushPerCell: 0.14,
  appendRow: 110,
  formatting: 100,
  formattingPerCell: 0.1,
  sheetStructure: 200,
  propertiesGet: 30,
  propertiesSet: 60,
  cacheGet: 3,
  cachePut: 90,
  lock: 30,
  mailSend: 1000,
  docCreate: 1500,
  docSaveAndClose: 500,
  docBodyCall: 100,
  formItemCreate: 150,
  formSetter: 50,
  /** Google recalculating one cell that calls a custom function. */
  customFunctionCell: 500,
  other: 1,
} as const;

const SHEETS_SERVER = new Set([
  'Range.getValues',
  'Range.setValues',
  'Range.getDisplayValues',
  'Range.getValue',
  'Range.setValue',
  'Range.getDisplayValue',
  'Range.getFormulas',
  'Range.setFormula',
  'Range.setFormulas',
  'Range.clear',
  'Range.clearContent',
  'Sheet.clear',
  'Sheet.clearContents',
  'Sheet.getLastRow',
  'Sheet.getLastColumn',
]);
const SHEETS_FORMAT =
  /^Range\.(set(NumberFormat|Background|FontWeight|FontColor|Wrap|HorizontalAlignment|Note|DataValidation)s?|protect)$|^Sheet\.(setFrozen|setColumnWidth|autoResize)/;
const SHEETS_STRUCTURE =
  /^(Spreadsheet\.(insertSheet|getSheetByName|deleteSheet)|Sheet\.(setConditionalFormatRules|insertChart|removeChart|insertRowsAfter|deleteRows)|SpreadsheetApp\.(create|openById))$/;
const FORM_CREATE = /^Form\.add|^FormApp\.create$/;
const DOC_BODY =
  /^(Body|Paragraph|ListItem|Table|TableRow|TableCell|Text|InlineImage)\.(append|insert|set|clear|replace|remove|edit)/;

/** Milliseconds one counted method costs in the model. */
export function costOf(entry: CallRecord & { calls: number }): number {
  const { service, method, calls, cellsRead, cellsWritten } = entry;
  const c = COST_MS;
  if (service === 'SpreadsheetApp') {
    if (method === 'readAfterWrite') return calls * c.readAfterWrite;
    if (method === 'flush') return calls * c.flush + cellsWritten * c.flushPerCell;
    if (method === 'Sheet.appendRow') return calls * c.appendRow + cellsWritten * c.perCellWritten;
    if (SHEETS_SERVER.has(method)) {
      return (
        calls * c.sheetsServerCall + cellsRead * c.perCellRead + cellsWritten * c.perCellWritten
      );
    }
    if (SHEETS_FORMAT.test(method))
      return calls * c.formatting + (cellsWritten + cellsRead) * c.formattingPerCell;
    if (SHEETS_STRUCTURE.test(method)) return calls * c.sheetStructure;
    return calls * c.sheetsLocalCall;
  }
  if (service === 'PropertiesService') {
    if (/\.(get|getProperty|getProperties|getKeys)$/.test(method)) return calls * c.propertiesGet;
    if (/\.(set|delete)/.test(method)) return calls * c.propertiesSet;
    return calls * c.other;
  }
  if (service === 'CacheService') {
    if (/\.(get|getAll)$/.test(method)) return calls * c.cacheGet;
    if (/\.(put|putAll|remove|removeAll)$/.test(method)) return calls * c.cachePut;
    return calls * c.other;
  }
  if (service === 'LockService') {
    return /\.(tryLock|waitLock|releaseLock)$/.test(method) ? calls * c.lock : calls * c.other;
  }
  if (service === 'CustomFunctions') return calls * c.customFunctionCell;
  if (service === 'MailApp')
    return method === 'MailApp.sendEmail' ? calls * c.mailSend : calls * c.other;
  if (service === 'DocumentApp') {
    if (method === 'DocumentApp.create') return calls * c.docCreate;
    if (method === 'Document.saveAndClose') return calls * c.docSaveAndClose;
    if (DOC_BODY.test(method)) return calls * c.docBodyCall;
    return calls * c.other;
  }
  if (service === 'FormApp') {
    if (FORM_CREATE.test(method)) return calls * c.formItemCreate;
    if (/\.set|\.(moveItem|deleteItem)$/.test(method)) return calls * c.formSetter;
    return calls * c.other;
  }
  return calls * c.other;
}

export interface CostSummary {
  calls: number;
  modelledMs: number;
  byService: Record<string, { calls: number; ms: number }>;
}

/** Calls and modelled time of one execution (start-up included). */
export function modelCost(
  entries: ReadonlyArray<CallRecord & { calls: number }>,
  executions = 1,
): CostSummary {
  const byService: CostSummary['byService'] = {};
  let calls = 0;
  let ms = executions * COST_MS.startup;
  for (const e of entries) {
    if (e.method === 'readAfterWrite') {
      ms += costOf(e);
      continue;
    }
    const cost = costOf(e);
    calls += e.calls;
    ms += cost;
    const s = (byService[e.service] ??= { calls: 0, ms: 0 });
    s.calls += e.calls;
    s.ms += cost;
  }
  return { calls, modelledMs: ms, byService };
}
