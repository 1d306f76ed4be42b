/**
 * What each entry point does: the real ports, a use case, and what the user is told.
 * Entry points in src/entry call these in one line each.
 */
import { INTAKE, JOBS_TEXT, REMINDERS, SIDEBAR, UI } from '../core/messages';
import { runReminders } from '../usecases/reminders/run';
import { sendLinks } from '../usecases/links';
import { reconcile } from '../usecases/reconcile';
import { gasPorts as googlePorts } from '../adapters/gas';
import {
  bumpIntakeVersion,
  INTAKE_INPUT_SHEETS,
  rememberSheetOrder,
  warmIntakeCacheLocked,
  watchIntakeInputs,
} from '../usecases/intakeCache';
import { keepSpreadsheetId, useTrigger } from '../adapters/gas/spreadsheet';
import { forgetOutputs, REMEMBERED_SHEETS } from '../usecases/outputMemory';
import { spreadsheetOf, submissionFromEvent } from '../adapters/gas/events';
import { buildMenu, showDialog, showSidebar } from '../adapters/gas/menu';
import { saveSidebarSettings, sidebarStatus } from '../usecases/sidebar';
import type { SaveOutcome, SidebarStatus } from '../core/sidebar';
import { ingestSubmission, type IngestOutcome } from '../usecases/ingest';
import { summaryJson } from '../usecases/report';
import {
  continueJob,
  LETTERS_JOB_CODE,
  MAILING_JOB_CODE,
  RECOMPUTE_JOB_CODE,
  REPORT_JOB_CODE,
  startJob,
  type StartOutcome,
} from '../usecases/jobs';
import { setupMonitoring, syncSchoolList } from '../usecases/setup';
import { checkInstallation } from '../usecases/checkInstallation';
import {
  indicatorFn,
  isbFn,
  resultsIndexFn,
  shareFn,
  riskFn,
  statusFn,
  type Arg,
  type Out,
} from '../core/customFunctions';

/** Google's ports; the add-on's writes to the sheets a submission reads date its cache. */
const gasPorts = (ss?: GoogleAppsScript.Spreadsheet.Spreadsheet) =>
  watchIntakeInputs(googlePorts(ss));

export function openMenu(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

export function handleEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e?.range?.getSheet().getName();
  if (sheet && INTAKE_INPUT_SHEETS.includes(sheet)) bumpIntakeVersion(googlePorts());
  // An edited output sheet no longer holds what recompute wrote: the next one reads it back.
  if (sheet && REMEMBERED_SHEETS.includes(sheet)) forgetOutputs(googlePorts(), [sheet]);
}

/**
 * Structure changed (a row deleted, a sheet sorted or removed): the cache may be stale, and
 * no output sheet is trusted to hold what recompute wrote.
 */
export function handleChange(e?: GoogleAppsScript.Events.SheetsOnChange): void {
  if (e?.changeType === 'EDIT' || e?.changeType === 'FORMAT') return;
  const ports = googlePorts(e?.source);
  bumpIntakeVersion(ports);
  forgetOutputs(ports);
  // Sheets added, removed or moved by hand: the next submission finds them where they are.
  if (
    e?.changeType === 'INSERT_GRID' ||
    e?.changeType === 'REMOVE_GRID' ||
    e?.changeType === 'OTHER'
  )
    rememberSheetOrder(ports);
}

export function handleFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): IngestOutcome {
  return ingestSubmission(gasPorts(spreadsheetOf(e)), submissionFromEvent(e));
}

export function runSetup(): string {
  const ports = gasPorts();
  const result = setupMonitoring(ports);
  keepSpreadsheetId();
  ports.ui.alert(UI.setupDoneTitle, UI.setupDone(result.formUrl, result.created.join(', ')));
  return result.formUrl;
}

export function runSyncSchools(): number {
  const ports = gasPorts();
  const count = syncSchoolList(ports);
  warmIntakeCacheLocked(ports);
  ports.ui.toast(UI.schoolsSynced(count));
  return count;
}

export function runSendLinks(): string {
  const ports = gasPorts();
  const { sent, queued, withoutEmail } = sendLinks(ports);
  const text = [INTAKE.mailingDone(sent, queued), ...withoutEmail].join('\n');
  ports.ui.alert(UI.menuSendLinks, text);
  return text;
}

export function runReconcile(): string {
  const ports = gasPorts();
  const { accepted, held, rejected } = reconcile(ports);
  const text = INTAKE.reconcileDone(accepted, held, rejected);
  ports.ui.alert(UI.menuReconcile, text);
  return text;
}

/** The daily trigger that sends queued e-mail once the quota is back. */
export function runContinueMailing(triggerId?: string): number {
  useTrigger(triggerId);
  const outcome = startJob(gasPorts(), MAILING_JOB_CODE);
  return outcome.chunk.kind === 'finished' ? outcome.chunk.state.done : 0;
}

/** The one-off trigger of a long job: its next chunk. */
/** The daily reminders trigger; a duplicate or foreign trigger still runs safely (ledger). */
export function runDailyReminders(triggerId?: string): string {
  useTrigger(triggerId);
  const digest = runReminders(gasPorts(), triggerId);
  return digest ? REMINDERS.journalLine(digest) : REMINDERS.notConfigured;
}

export function runContinueJob(triggerId?: string): string {
  useTrigger(triggerId);
  const outcome = continueJob(gasPorts());
  return outcome.kind === 'paused' || outcome.kind === 'finished'
    ? outcome.state.status
    : outcome.kind;
}

/** What a job started from the menu tells the user: its result, or that it goes on. */
function jobMessage(outcome: StartOutcome): string {
  const { chunk } = outcome;
  if (chunk.kind === 'finished') return chunk.state.message ?? '';
  return outcome.started === 'already' ? JOBS_TEXT.already : JOBS_TEXT.continues;
}

export function runRecompute(period?: string): string {
  const ports = gasPorts();
  const text = jobMessage(startJob(ports, RECOMPUTE_JOB_CODE, period ? { period } : {}));
  ports.ui.toast(`${UI.recomputeDoneTitle}: ${text}`);
  return text;
}

export function runReport(period?: string): string {
  const ports = gasPorts();
  const outcome = startJob(ports, REPORT_JOB_CODE, period ? { period } : {});
  const url = outcome.chunk.kind === 'finished' ? (outcome.chunk.state.notes.url ?? '') : '';
  if (url) ports.ui.alert(UI.reportDoneTitle, UI.reportDone(url));
  else ports.ui.toast(jobMessage(outcome));
  return url;
}

/** «Сформировать письма школам»: a long job, one letter per responding school. */
export function runLetters(period?: string): string {
  const ports = gasPorts();
  const text = jobMessage(startJob(ports, LETTERS_JOB_CODE, period ? { period } : {}));
  ports.ui.toast(text);
  return text;
}

export function runSummaryJson(period?: string): string {
  return summaryJson(gasPorts(), period);
}

export function runAbout(): void {
  showDialog('about', UI.aboutTitle);
}

export function runOpenSidebar(): void {
  showSidebar('sidebar', SIDEBAR.title);
}

export function runSidebarStatus(): SidebarStatus {
  return sidebarStatus(gasPorts());
}

export function runSidebarSave(values: Record<string, unknown>): SaveOutcome {
  return saveSidebarSettings(gasPorts(), values);
}

export const customShare = (part: Arg, whole: Arg): Out => shareFn(part, whole);
export const customIsb = (range: Arg, weights?: Arg): Out => isbFn(range, weights);
export const customResultsIndex = (range: Arg): Out => resultsIndexFn(range);
export const customStatus = (schoolId: Arg, table: Arg, period?: Arg): Out =>
  statusFn(schoolId, table, period);
export const customRisk = (schoolId: Arg, factor: Arg, table: Arg, period?: Arg): Out =>
  riskFn(schoolId, factor, table, period);
export const customIndicator = (code: Arg, table: Arg, schoolId?: Arg, period?: Arg): Out =>
  indicatorFn(code, table, schoolId, period);

export function runCheckInstallation(): string {
  return checkInstallation(gasPorts()).text;
}
