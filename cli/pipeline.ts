/**
 * The whole monitoring on the embedded emulator, through the same entry points Apps Script
 * calls: the menu's setup, the inspector's sheets filled from files, each response submitted
 * through the emulated form (firing the real onFormSubmit trigger), recompute, the report.
 * Then what the emulator holds is exported: monitoring.xlsx, report.docx, summary.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGoogle, type Google } from '../emulator';
import type { CallRecord, FaultSwitches } from '../emulator/runtime';
import { loadProject, type LoadedProject } from '../emulator/loader';
import { exportSpreadsheetToXlsx } from '../emulator/export/xlsx';
import { exportSpreadsheetInWorker } from '../emulator/export/xlsx-thread';
import { exportDocumentToDocx } from '../emulator/export/docx';
import { codeOfItem } from '../src/adapters/gas/forms';
import { REGISTRY_COLUMNS } from '../src/core/catalogue';
import { CLI_RUN } from './messages';
import { readJobs } from '../src/usecases/jobs/runner';
import { SHEETS } from '../src/sheets/schema';
import { parseBool } from '../src/core/parse';
import {
  CODES_FROM_LINKS_KEY,
  headerOf,
  LINKS_SHEET,
  FORM_ID_KEY,
  OFFLINE_RUN_KEY,
} from '../src/sheets/schema';
import type { SummaryJson } from '../src/core/summaryJson';
import { accountForFiles } from './account';
import { collectGarbage } from './memory';
import { ACCESS_CODE } from './columns';
import {
  prepareInputs,
  type MonitoringInputs,
  type PreparedInputs,
  type Submission,
} from './inputs';

export type { MonitoringInputs } from './inputs';

export interface RunOptions {
  outDir: string;
  /** Called as the run goes: a stage name and, for submissions, done/total. */
  onProgress?: (stage: string, done?: number, total?: number) => void;
  /** Script console (the bundle's console.log); silent by default. */
  console?: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
  spreadsheetName?: string;
  clockStart?: string;
  /**
   * Whether the emulated clock moves with each call's modelled Apps Script cost (the default),
   * so a long job stops at the runner's budget and continues in new executions as on Google.
   * The offline command runs on this machine, where no execution limit applies: it turns this
   * off, and a long job then finishes in its first execution (the same code, one chunk),
   * instead of reloading the data for every modelled chunk.
   */
  clockFollowsCost?: boolean;
  /**
   * The workbook export's worker (dist-cli/xlsx-worker.cjs): when given, monitoring.xlsx is
   * written in a worker thread while the report and letters are written here; otherwise first.
   */
  xlsxWorker?: string;
  /** Things the user should know that do not stop the run (unknown columns, ignored codes). */
  onWarning?: (text: string) => void;
  /** Called once the files are understood, before the emulator starts. */
  onPrepared?: (prepared: PreparedInputs) => void;
  /** Make the emulated Google misbehave during submissions (duplicate or blank events). */
  faults?: Partial<FaultSwitches>;
  /**
   * How the add-on takes in the responses. `batch` (the default): every response goes through
   * the form into «Ответы формы» with the submit trigger silent, then the add-on's
   * «Сверить ответы» ingests them all at once — the add-on's own recovery path after lost
   * trigger runs, with the same intake rules as the trigger, and linear in the rows.
   * `trigger`: the submit trigger runs once per response, as online (what the benchmark's
   * «one submission» measures; its cost grows with what is already stored).
   */
  ingest?: 'batch' | 'trigger';
  /**
   * With `batch`: the last this many responses are submitted after «Сверить ответы», each
   * through the submit trigger as online (stage `trigger`): what the benchmark's «one
   * submission» measures, without a trigger run for every earlier response.
   */
  triggerLast?: number;
  /**
   * The last responses arrive this far apart (a rush before the deadline) instead of at their
   * own times; unset: at their own times.
   */
  triggerSpacingMs?: number;
  /**
   * Called after each stage with how many executions (trigger or menu runs) it took and its
   * wall time; the emulator's call counter holds that stage's calls and is reset after. A long
   * job's stage (report, letters) also gives each execution's calls (`perExecution`).
   */
  onStageDone?: (stage: Stage, info: StageInfo) => void;
}

/** One counted method with its call count, as the emulator's counter snapshots it. */
export type CountedCalls = Array<CallRecord & { calls: number }>;

export interface StageInfo {
  executions: number;
  wallMs: number;
  google: Google;
  /** Each execution's calls, for stages of several executions whose spread matters. */
  perExecution?: CountedCalls[];
}

export type Stage =
  | 'setup'
  | 'inspector'
  | 'submit'
  | 'ingest'
  | 'trigger'
  | 'recompute'
  | 'report'
  | 'letters'
  | 'summary';

export interface RunResult {
  files: { xlsx: string; docx: string; summary: string; letters: string };
  summary: SummaryJson;
  google: Google;
  project: LoadedProject;
  submitted: number;
  /** What was submitted, in order: row r of «Ответы формы» is submissions[r - 2]. */
  submissions: Submission[];
  /** The period asked for (option or latest in the responses), if any. */
  period?: string;
}

const silent = { log() {}, info() {}, warn() {}, error() {} };

/** Letters exported at once (their compression overlaps the next ones' building). */
const LETTERS_IN_FLIGHT = 8;

export async function runMonitoring(
  inputs: MonitoringInputs,
  options: RunOptions,
): Promise<RunResult> {
  const progress = options.onProgress ?? (() => {});
  const warn = options.onWarning ?? (() => {});
  const prepared = prepareInputs(inputs);
  prepared.warnings.forEach((w) => warn(w));
  options.onPrepared?.(prepared);
  const google = createGoogle({
    clockStart: options.clockStart ?? '2026-06-01T09:00:00+03:00',
    timeZone: prepared.timeZone,
    clockFollowsCost: options.clockFollowsCost ?? true,
  });
  const ss = google.SpreadsheetApp.create(options.spreadsheetName ?? 'Мониторинг ШНОР и ШНСУ');
  setActiveSpreadsheet(google, ss);
  const project = loadProject(google, { console: options.console ?? silent });
  const properties = google.PropertiesService.getDocumentProperties();
  properties.setProperty(OFFLINE_RUN_KEY, '1');

  let stageStart = Date.now();
  const stageDone = (stage: Stage, executions: number, perExecution?: CountedCalls[]) => {
    options.onStageDone?.(stage, {
      executions,
      wallMs: Date.now() - stageStart,
      google,
      perExecution,
    });
    google.runtime.calls.reset();
    stageStart = Date.now();
  };
  /**
   * A long job as Google runs it: the first chunk from the menu, then the next ones from its
   * continuation trigger (here called in turn) until it is done. The emulator's clock moves
   * with each call's modelled cost, so each chunk stops at the runner's time budget as it
   * would on Google. Returns the menu's answer and each execution's calls.
   */
  const runJob = (menu: string): { answer: string; perExecution: CountedCalls[] } => {
    const perExecution: CountedCalls[] = [];
    const execution = (name: string): string => {
      google.runtime.calls.reset();
      const answer = project.call<string>(name);
      perExecution.push(google.runtime.calls.snapshot());
      return answer;
    };
    const answer = execution(menu);
    while (perExecution.length <= 1000 && jobRunning(google)) execution('continueJob');
    return { answer, perExecution };
  };
  google.runtime.calls.reset();
  stageStart = Date.now();

  progress('setup');
  project.call('onOpen', { authMode: google.ScriptApp.AuthMode.FULL });
  project.call('menuSetup');
  stageDone('setup', 2);
  fillInspectorSheets(ss, prepared);
  project.call('menuSyncSchools');
  if (prepared.hasAccessCodes && prepared.links) {
    fillIssuedCodes(ss, prepared.links);
    properties.setProperty(CODES_FROM_LINKS_KEY, '1');
  } else if (prepared.hasAccessCodes) warn(CLI_RUN.codesUnchecked);
  stageDone('inspector', 1);

  const formId = properties.getProperty(FORM_ID_KEY);
  if (!formId) throw new Error('setup made no form');
  const form = google.FormApp.openById(formId);
  const { submissions } = prepared;
  if (prepared.hasAccessCodes && !form.getItems().some((i) => codeOfItem(i) === ACCESS_CODE))
    warn(CLI_RUN.accessCodeIgnored);
  const batch = (options.ingest ?? 'batch') === 'batch';
  Object.assign(
    google.runtime.faults,
    options.faults ?? {},
    batch ? { lostSubmitEvents: true } : {},
  );
  let done = 0;
  const submit = google.runtime.asUser(() => formFiller(google, form));
  const tail = batch ? Math.min(options.triggerLast ?? 0, submissions.length) : 0;
  for (const submission of submissions.slice(0, submissions.length - tail)) {
    google.runtime.asUser(() => submit(submission));
    done += 1;
    progress('submit', done, submissions.length);
  }
  stageDone('submit', submissions.length - tail);
  Object.assign(google.runtime.faults, {
    duplicateSubmitEvents: false,
    blankSubmitEvents: false,
    lostSubmitEvents: false,
    lockContention: 0,
  });
  if (batch) {
    progress('ingest');
    project.call('menuReconcile');
    stageDone('ingest', 1);
  }
  const spacing = options.triggerSpacingMs;
  for (const submission of submissions.slice(submissions.length - tail)) {
    if (spacing !== undefined) google.runtime.clock.advance(spacing);
    const at = spacing !== undefined ? null : submission.at;
    google.runtime.asUser(() => submit({ ...submission, at }));
    done += 1;
    progress('submit', done, submissions.length);
  }
  if (tail > 0) stageDone('trigger', tail);

  progress('recompute');
  project.call('menuRecompute');
  stageDone('recompute', 1);
  progress('report');
  const report = runJob('menuReport');
  const reportUrl = report.answer || lastJobNote(google, 'report', 'url');
  stageDone('report', report.perExecution.length, report.perExecution);
  // Letters are a long job too: one letter per school.
  const letterJob = runJob('menuLetters');
  stageDone('letters', letterJob.perExecution.length, letterJob.perExecution);
  const summary = accountForFiles(
    JSON.parse(project.call<string>('summaryJson_', prepared.period ?? '')) as SummaryJson,
    submissions,
    prepared.skipped,
  );
  stageDone('summary', 1);
  const period = summary.period;
  const props = google.PropertiesService.getDocumentProperties().getProperties();
  const prefix = `letters.doc.${period}.`;
  const letters = Object.entries(props)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, id]) => ({ school_id: key.slice(prefix.length), id: String(id) }));

  mkdirSync(options.outDir, { recursive: true });
  const files = {
    xlsx: path.join(options.outDir, 'monitoring.xlsx'),
    docx: path.join(options.outDir, 'report.docx'),
    summary: path.join(options.outDir, 'summary.json'),
    letters: path.join(options.outDir, 'letters'),
  };
  progress('export');
  // The workbook is final here: with a worker it is written there while the documents are
  // written here. Its failure is the one reported when both fail (as when it came first).
  if (options.xlsxWorker) collectGarbage();
  const workbook = options.xlsxWorker
    ? exportSpreadsheetInWorker(ss, files.xlsx, options.xlsxWorker).then(
        () => undefined,
        (error: unknown) => ({ error }),
      )
    : exportSpreadsheetToXlsx(ss as never, files.xlsx, { cutNote: CLI_RUN.excelCut }).then(
        () => undefined,
      );
  if (!options.xlsxWorker) await workbook;
  try {
    await exportDocuments(google, reportUrl, letters, files);
  } finally {
    const failed = await workbook;
    // eslint-disable-next-line no-unsafe-finally
    if (failed) throw failed.error;
  }
  writeFileSync(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return {
    files,
    summary,
    google,
    project,
    submitted: submissions.length,
    submissions,
    period: prepared.period,
  };
}

/** The report and one letter per school as .docx files. */
async function exportDocuments(
  google: Google,
  reportUrl: string,
  letters: Array<{ school_id: string; id: string }>,
  files: { docx: string; letters: string },
): Promise<void> {
  const doc = google.DocumentApp.openById(documentIdOf(reportUrl));
  await exportDocumentToDocx(doc as never, files.docx);
  mkdirSync(files.letters, { recursive: true });
  // A few letters at a time: each one's package is built here while the ones before are
  // compressed on the thread pool (emulator/export/zip.ts).
  const exporting = new Set<Promise<void>>();
  const failed: unknown[] = [];
  for (const letter of letters) {
    const letterDoc = google.DocumentApp.openById(letter.id);
    const done: Promise<void> = exportDocumentToDocx(
      letterDoc as never,
      path.join(files.letters, `${letter.school_id}.docx`),
    ).then(
      () => void exporting.delete(done),
      (error: unknown) => {
        failed.push(error);
        exporting.delete(done);
      },
    );
    exporting.add(done);
    if (exporting.size >= LETTERS_IN_FLIGHT) await Promise.race(exporting);
    if (failed.length > 0) break;
  }
  await Promise.all(exporting);
  if (failed.length > 0) throw failed[0];
}

/** The long jobs' state as the runner keeps it (document properties), read as a person. */
function jobsOf(google: Google): ReturnType<typeof readJobs> {
  return google.runtime.asUser(() => {
    const store = google.PropertiesService.getDocumentProperties();
    return readJobs({ properties: { get: (key) => store.getProperty(key), set() {} } });
  });
}

/** True while a long job is unfinished. */
function jobRunning(google: Google): boolean {
  return jobsOf(google).current?.status === 'running';
}

/** A note of the last finished job with this code (the report's URL). */
function lastJobNote(google: Google, code: string, note: string): string {
  return jobsOf(google).history.find((j) => j.code === code)?.notes[note] ?? '';
}

function setActiveSpreadsheet(google: Google, ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const app = google.SpreadsheetApp as unknown as { setActiveSpreadsheet?: (s: unknown) => void };
  app.setActiveSpreadsheet?.(ss);
}

function documentIdOf(url: string): string {
  const match = /\/d\/([^/]+)/.exec(url);
  return match ? match[1] : url;
}

/**
 * The inspector's part: settings values, the registry and the official lists. The period
 * asked for is set as the inspector would set it; files without access codes switch the
 * access-code check off (domain spec, section 9).
 */
function fillInspectorSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  inputs: PreparedInputs,
): void {
  const sheet = (name: string) => {
    const s = ss.getSheetByName(name);
    if (!s) throw new Error(`sheet ${name} missing after setup`);
    return s;
  };
  const settings = sheet(SHEETS.settings);
  const table = settings.getDataRange().getValues();
  const rowOf = new Map(table.map((r, i) => [String(r[0]), i]));
  const set = (key: string, value: string, onlyIfKnown = false) => {
    const i = rowOf.get(key);
    if (i !== undefined) table[i][2] = typed(value);
    else if (!onlyIfKnown) {
      rowOf.set(key, table.length);
      table.push([key, '', typed(value), '']);
    }
  };
  for (const { key, value } of inputs.settings) set(key, value);
  if (inputs.period) set('period', inputs.period);
  // Codes are checked only against the codes a deployment issued (`--links`): offline there
  // is no secret to compute them from.
  if (!inputs.hasAccessCodes || !inputs.links) set(ACCESS_CODE_CHECK, 'нет', true);
  grow(settings, table.length, table[0].length);
  settings.getRange(1, 1, table.length, table[0].length).setValues(table);

  const s = sheet(SHEETS.registry);
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  const codes = header.map((h) => registryCode(String(h)));
  const registryRows = inputs.registry.rows.map(({ record }) =>
    codes.map((c) => asText(record[c] ?? '')),
  );
  grow(s, registryRows.length + 1, codes.length);
  if (registryRows.length > 0)
    s.getRange(2, 1, registryRows.length, codes.length).setValues(registryRows);
  if (inputs.lists && inputs.lists.rows.length > 0) {
    const rows = inputs.lists.rows.map(({ record }) =>
      [record.period, record.school_id, record.status].map(asText),
    );
    const lists = sheet(SHEETS.lists);
    grow(lists, rows.length + 1, 3);
    lists.getRange(2, 1, rows.length, 3).setValues(rows);
  }
}

/** «Ссылки школам» as the deployment listed them: the codes the offline check compares with. */
function fillIssuedCodes(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  links: NonNullable<PreparedInputs['links']>,
): void {
  const sheet = ss.getSheetByName(SHEETS.links) ?? ss.insertSheet(SHEETS.links);
  const header = headerOf(LINKS_SHEET);
  const rows = links.map((l) =>
    LINKS_SHEET.columns.map((c) => asText(c.code in l ? l[c.code as keyof typeof l] : '')),
  );
  sheet.clearContents();
  grow(sheet, rows.length + 1, header.length);
  sheet.getRange(1, 1, 1, header.length).setValues([header]);
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}

/** The setting that holds responses without a school's access code for the inspector. */
const ACCESS_CODE_CHECK = 'access_code_check';

/** A registry sheet column's code: its title ends in `(code)`, or is the catalogue label. */
function registryCode(title: string): string {
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(title.trim());
  if (inParens) return inParens[1];
  return (
    REGISTRY_COLUMNS.find((c) => c.label === title.trim() || c.code === title.trim())?.code ?? ''
  );
}

/** Text from a file stays text in the sheet (codes keep leading zeros): Google's apostrophe. */
function asText(value: string | undefined): string {
  return value ? `'${value}` : '';
}

/** A setting: a plain number is written as a number, anything else as text. */
function typed(value: string): string | number {
  const normalised = value.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : asText(value);
}

function grow(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  if (rows > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (columns > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

/**
 * Submits response rows through the emulated form, as schools would. The form's questions and
 * its list of schools are read once, not on every submission: the run stays linear in rows.
 */
export function formFiller(
  google: Google,
  form: GoogleAppsScript.Forms.Form,
): (submission: Submission) => void {
  const { ItemType } = google.FormApp;
  const questions = form.getItems().flatMap((item) => {
    const code = codeOfItem(item);
    return code ? [{ item, code, type: item.getType() }] : [];
  });
  /** Each list question's choices, by the value and by the school code before « — ». */
  const listChoices = new Map<string, { all: string[]; byValue: Map<string, string> }>();
  for (const q of questions) {
    if (q.type !== ItemType.LIST) continue;
    const all = q.item
      .asListItem()
      .getChoices()
      .map((c) => c.getValue());
    const byValue = new Map<string, string>();
    for (const c of [...all].reverse()) {
      byValue.set(c, c);
      const dash = c.indexOf(' — ');
      if (dash > 0) byValue.set(c.slice(0, dash), c);
    }
    listChoices.set(q.code, { all, byValue });
  }
  return ({ record, at }) => {
    if (at !== null) google.runtime.clock.set(at);
    const builder = form.createResponse();
    const restore: Array<() => void> = [];
    for (const { item, code, type } of questions) {
      const value = (record[code] ?? '').trim();
      if (value === '') continue;
      switch (type) {
        case ItemType.TEXT:
          builder.withItemResponse(item.asTextItem().createResponse(value));
          break;
        case ItemType.PARAGRAPH_TEXT:
          builder.withItemResponse(item.asParagraphTextItem().createResponse(value));
          break;
        case ItemType.MULTIPLE_CHOICE: {
          const bool = parseBool(value).value;
          const answer = bool === true ? 'Да' : bool === false ? 'Нет' : value;
          builder.withItemResponse(item.asMultipleChoiceItem().createResponse(answer));
          break;
        }
        case ItemType.LIST: {
          const list = item.asListItem();
          const { all, byValue } = listChoices.get(code) as {
            all: string[];
            byValue: Map<string, string>;
          };
          const choice = byValue.get(value);
          if (choice) {
            builder.withItemResponse(list.createResponse(choice));
          } else {
            // A school the form does not list (not in the registry, or inactive): as if the
            // form's list were out of date, so the product's validation judges the row.
            // The choice is `code — note`, as the form's own are, so that the sheet keeps the
            // code as text (0019, not 19).
            const unlisted = `${value} — ${CLI_RUN.unlistedSchool}`;
            list.setChoiceValues([...all, unlisted]);
            builder.withItemResponse(list.createResponse(unlisted));
            restore.push(() => list.setChoiceValues(all));
          }
          break;
        }
        default:
          break;
      }
    }
    builder.submit();
    for (const undo of restore) undo();
  };
}
