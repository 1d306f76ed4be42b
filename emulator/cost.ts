/**
 * Modelled Apps Script time for counted emulator calls: the linear model of the project's
 * cost-model note (shared/spec/cost-model.md),
 *
 *     T = start-up + Σ per-call cost + Σ per-cell cost + penalties.
 *
 * Every figure lives in the one table below, with where it comes from, so that a live
 * measurement can replace it. `spec` = the cost-model note's table (its confidence in
 * brackets); `guess` = no published figure, chosen by analogy (the analogy is named).
 * Other engineers: add figures here, not beside the code that uses them.
 */
import type { CallRecord } from './runtime';

interface Figure {
  ms: number;
  source: string;
}

export const COST_FIGURES = {
  startup: { ms: 500, source: 'spec: start-up of an execution (low)' },
  sheetsServerCall: {
    ms: 100,
    source: 'spec: a Sheets call that reaches the server (medium, 50–260 ms published)',
  },
  perCellRead: { ms: 0.01, source: 'spec: per cell read (medium, 9–35 µs)' },
  perCellWritten: { ms: 0.06, source: 'spec: per cell written (medium, 50–150 µs)' },
  sheetsLocalCall: {
    ms: 1,
    source: 'spec: cheap Sheets calls answered locally (getRange, getSheetId, getA1Notation)',
  },
  readAfterWrite: { ms: 150, source: 'spec: a read after pending writes (medium)' },
  flush: { ms: 30, source: 'spec: flush() 30 ms (low)' },
  flushPerCell: {
    ms: 0.14,
    source:
      'spec: flush() + 0.14 ms per pending cell (low); the write call already paid ' +
      'perCellWritten for each cell, so flush charges only the difference',
  },
  appendRow: { ms: 110, source: 'spec: appendRow (medium)' },
  formatting: {
    ms: 100,
    source: 'spec: formatting writes (setNumberFormats, setBackgrounds, rules) (low)',
  },
  formattingPerCell: { ms: 0.1, source: 'spec: formatting writes, per cell (low)' },
  sheetStructure: {
    ms: 200,
    source:
      'spec: insertSheet, getSheetByName, conditional-format rule changes (guess); row and ' +
      'column insertions and deletions, whichever variant, cost the same (guess: same kind)',
  },
  customFunctionCell: {
    ms: 500,
    source:
      'spec: custom function 0.5 s per calling cell, plus its own calls (medium); this is its ' +
      "execution's start-up (spec: overhead measured at 0.4–0.6 s), so no start-up is added",
  },
  propertiesGet: { ms: 30, source: 'spec: PropertiesService get (medium)' },
  propertiesSet: { ms: 60, source: 'spec: PropertiesService set (medium)' },
  cacheGet: {
    ms: 3,
    source: 'spec: CacheService get (medium); getAll is one call, as getProperties is',
  },
  cachePut: {
    ms: 90,
    source: 'spec: CacheService put (medium); putAll, remove and removeAll are one call each',
  },
  lock: { ms: 30, source: 'spec: LockService acquire or release (guess)' },
  mailSend: { ms: 1000, source: 'spec: MailApp.sendEmail (low)' },
  docCreate: { ms: 1500, source: 'spec: DocumentApp.create (guess)' },
  docOpen: {
    ms: 500,
    source: 'guess: opening a document by id costs what saveAndClose does (one document load)',
  },
  docSaveAndClose: { ms: 500, source: 'spec: Document.saveAndClose (guess)' },
  docBodyCall: {
    ms: 100,
    source:
      'spec: each mutating body call (guess; appendTable with a 2D array is one call). ' +
      'editAsText and getters only return a view: local calls',
  },
  formItemCreate: { ms: 150, source: 'spec: FormApp item creation (guess)' },
  formSetter: { ms: 50, source: 'spec: FormApp each setter (guess)' },
  formOpen: { ms: 200, source: 'guess: FormApp.openById as a structure call of Sheets' },
  driveCall: {
    ms: 200,
    source:
      'guess: a DriveApp call that reaches Drive (open, create, move, share, list) as a ' +
      'structure call of Sheets; getters of a fetched file or folder are local',
  },
  docImport: {
    ms: 1500,
    source:
      'guess: Drive files.create/update importing a page into a Google Doc (advanced Drive ' +
      'service) as DocumentApp.create (spec, guess), the content included; plus docImportPerKb',
  },
  docImportPerKb: {
    ms: 2,
    source:
      'guess: per kilobyte uploaded and converted (≈0.5 MB/s for upload and conversion ' +
      'together); a 300 KB report pays 0.6 s more than an empty page',
  },
  chartRender: {
    ms: 500,
    source: 'guess: Chart.getAs / getBlob renders on the server like saveAndClose',
  },
  triggerChange: {
    ms: 200,
    source: 'guess: creating, listing or deleting a trigger as a structure call of Sheets',
  },
  builderCall: {
    ms: 0.05,
    source:
      'guess: a builder method (DataTableBuilder.addRow, validation and rule builders) ' +
      'changes an object inside the script runtime, no round trip',
  },
  textsDecode: {
    ms: 20,
    source:
      "guess: Apps Script's V8 alike to what we measured locally for the bundle's builtText " +
      'decoding its packed texts (base64, fflate inflate of ≈16 KB to ≈50 KB, JSON.parse) cold ' +
      'in a fresh node process: 17 ms wall at best, 21–34 ms CPU with V8 compiler threads ' +
      '(scripts/pack-texts.mjs). Charged once per execution that decodes; not a service call',
  },
  localCall: {
    ms: 1,
    source: 'spec: as cheap Sheets calls answered locally (getters, Utilities, Session)',
  },
} as const satisfies Record<string, Figure>;

type FigureName = keyof typeof COST_FIGURES;

/** The figures alone, in milliseconds. */
export const COST_MS = Object.fromEntries(
  Object.entries(COST_FIGURES).map(([k, v]) => [k, v.ms]),
) as { readonly [K in FigureName]: number };

const c = COST_MS;

/** Sheets reads that reach the server: values, formats, notes, validation of a grid. */
const SHEETS_READ =
  /^(Range\.(get(Values?|DisplayValues?|Formulas?|FormulasR1C1|FormulaR1C1|Notes?|NumberFormats?|Backgrounds?|FontWeights?|FontColors?|Wraps?|HorizontalAlignments?|DataValidations?|RichTextValues?)|isBlank)|Sheet\.(getSheetValues|getLastRow|getLastColumn))$/;
/** Sheets value writes that reach the server. */
const SHEETS_WRITE = /^Range\.set(Values?|Formulas?|FormulasR1C1|RichTextValues?)$/;
/** Clears: one server call whatever the size (no cell data travels). */
const SHEETS_CLEAR = /^(Range|Sheet)\.clear[A-Za-z]*$/;
const SHEETS_FORMAT =
  /^(Range\.(set[A-Za-z]+|protect)|Sheet\.(set(Frozen|ColumnWidth|RowHeight|Name|TabColor)[A-Za-z]*|autoResize[A-Za-z]*|hideSheet|showSheet|hideColumns|hideRows|showColumns|showRows)|Spreadsheet\.(rename|setSpreadsheet[A-Za-z]+|toast))$/;
const SHEETS_STRUCTURE =
  /^(Spreadsheet\.(insertSheet|getSheetByName|deleteSheet)|Sheet\.(setConditionalFormatRules|insertChart|removeChart|updateChart|(insert|delete)(Rows?|Columns?)[A-Za-z]*)|SpreadsheetApp\.(create|openById|openByUrl))$/;
const BUILDER = /Builder\./;
const DOC_BODY =
  /^(Body|Paragraph|ListItem|Table|TableRow|TableCell|Text|InlineImage)\.(append|insert|set|clear|replace|remove|merge)/;
const FORM_CREATE = /^(Form\.add[A-Za-z]+|FormApp\.create)$/;
const FORM_SETTER = /\.(set[A-Za-z]+|moveItem|deleteItem|deleteAllResponses|submit)$/;
const DRIVE_SERVER =
  /^(DriveApp\.(?!get(Folder|File)Iterator)[A-Za-z]+|(File|Folder)\.(create[A-Za-z]*|add[A-Za-z]*|remove[A-Za-z]*|moveTo|makeCopy|set[A-Za-z]+|get(Files|Folders)[A-Za-z]*|searchFiles|searchFolders|getParents)|[A-Za-z]*Iterator\.(hasNext|next))$/;

/** The figure one counted call is charged by, and whether its cells count. */
function figuresFor(
  service: string,
  method: string,
): { call: number; read: number; written: number } {
  const plain = (ms: number) => ({ call: ms, read: 0, written: 0 });
  if (service === 'SpreadsheetApp') {
    if (method === 'readAfterWrite') return plain(c.readAfterWrite);
    if (method === 'flush')
      return { call: c.flush, read: 0, written: c.flushPerCell - c.perCellWritten };
    if (method === 'Sheet.appendRow')
      return { call: c.appendRow, read: 0, written: c.perCellWritten };
    if (SHEETS_READ.test(method))
      return { call: c.sheetsServerCall, read: c.perCellRead, written: 0 };
    if (SHEETS_WRITE.test(method))
      return { call: c.sheetsServerCall, read: 0, written: c.perCellWritten };
    if (SHEETS_CLEAR.test(method)) return plain(c.sheetsServerCall);
    if (SHEETS_STRUCTURE.test(method)) return plain(c.sheetStructure);
    if (SHEETS_FORMAT.test(method))
      return { call: c.formatting, read: c.formattingPerCell, written: c.formattingPerCell };
    if (BUILDER.test(method)) return plain(c.builderCall);
    return plain(c.sheetsLocalCall);
  }
  if (service === 'CustomFunction') return plain(c.customFunctionCell);
  if (service === 'Script' && method === 'decodeTexts') return plain(c.textsDecode);
  if (service === 'PropertiesService') {
    if (/^Properties\.(get[A-Za-z]*)$/.test(method)) return plain(c.propertiesGet);
    if (/^Properties\.(set|delete)[A-Za-z]*$/.test(method)) return plain(c.propertiesSet);
    return plain(c.localCall);
  }
  if (service === 'CacheService') {
    if (/^Cache\.(get|getAll)$/.test(method)) return plain(c.cacheGet);
    if (/^Cache\.(put|putAll|remove|removeAll)$/.test(method)) return plain(c.cachePut);
    return plain(c.localCall);
  }
  if (service === 'LockService')
    return plain(/\.(tryLock|waitLock|releaseLock)$/.test(method) ? c.lock : c.localCall);
  if (service === 'MailApp')
    return plain(method === 'MailApp.sendEmail' ? c.mailSend : c.localCall);
  if (service === 'DocumentApp') {
    if (method === 'DocumentApp.create') return plain(c.docCreate);
    if (/^DocumentApp\.open(ById|ByUrl)$/.test(method)) return plain(c.docOpen);
    if (method === 'Document.saveAndClose') return plain(c.docSaveAndClose);
    if (DOC_BODY.test(method)) return plain(c.docBodyCall);
    return plain(c.localCall);
  }
  if (service === 'FormApp') {
    if (FORM_CREATE.test(method)) return plain(c.formItemCreate);
    if (/^FormApp\.open(ById|ByUrl)$/.test(method)) return plain(c.formOpen);
    if (BUILDER.test(method)) return plain(c.builderCall);
    if (FORM_SETTER.test(method)) return plain(c.formSetter);
    return plain(c.localCall);
  }
  if (service === 'DriveApp') return plain(DRIVE_SERVER.test(method) ? c.driveCall : c.localCall);
  // The advanced Drive service: its «cells written» are the kilobytes uploaded.
  if (service === 'Drive') {
    if (/^Drive\.Files\.(create|update)$/.test(method))
      return { call: c.docImport, read: 0, written: c.docImportPerKb };
    return plain(c.driveCall);
  }
  if (service === 'Charts') {
    if (/^Chart\.(getAs|getBlob)$/.test(method)) return plain(c.chartRender);
    return plain(c.builderCall);
  }
  if (service === 'ScriptApp') {
    if (
      /^(ScriptApp\.(getProjectTriggers|getUserTriggers|deleteTrigger)|[A-Za-z]*TriggerBuilder\.create)$/.test(
        method,
      )
    )
      return plain(c.triggerChange);
    return plain(BUILDER.test(method) ? c.builderCall : c.localCall);
  }
  return plain(c.localCall);
}

/** Milliseconds one counted method costs in the model. */
export function costOf(entry: CallRecord & { calls: number }): number {
  const f = figuresFor(entry.service, entry.method);
  return entry.calls * f.call + entry.cellsRead * f.read + entry.cellsWritten * f.written;
}

export interface CostSummary {
  /** Calls the script made (a read-after-write penalty is not a call). */
  calls: number;
  modelledMs: number;
  /** Calls and milliseconds per service; penalties are in their service's milliseconds. */
  byService: Record<string, { calls: number; ms: number }>;
}

/** Calls and modelled time of `executions` executions (start-up included). */
export function modelCost(
  entries: ReadonlyArray<CallRecord & { calls: number }>,
  executions = 1,
): CostSummary {
  const byService: CostSummary['byService'] = {};
  let calls = 0;
  let ms = executions * c.startup;
  for (const e of entries) {
    const cost = costOf(e);
    const penalty = e.method === 'readAfterWrite' || e.charge === true;
    const s = (byService[e.service] ??= { calls: 0, ms: 0 });
    s.ms += cost;
    ms += cost;
    if (!penalty) {
      calls += e.calls;
      s.calls += e.calls;
    }
  }
  return { calls, modelledMs: ms, byService };
}
