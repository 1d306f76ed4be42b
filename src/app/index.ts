/**
 * What each entry point does: the real ports, a use case, and what the user is told.
 * Entry points in src/entry call these in one line each.
 */
import { INTAKE, LETTER_UI, UI } from '../core/messages';
import { sendLinks } from '../usecases/links';
import { queueAndSend } from '../usecases/mail';
import { reconcile } from '../usecases/reconcile';
import { gasPorts } from '../adapters/gas';
import { submissionFromEvent } from '../adapters/gas/events';
import { buildMenu, showDialog } from '../adapters/gas/menu';
import { ingestSubmission, type IngestOutcome } from '../usecases/ingest';
import { recompute } from '../usecases/recompute';
import { summaryJson, writeReport } from '../usecases/report';
import { writeLettersStep } from '../usecases/letters';
import { setupMonitoring, syncSchoolList } from '../usecases/setup';
import { participation } from '../core/report/build';
import {
  indicatorFn,
  isbFn,
  resultsIndexFn,
  shareFn,
  statusFn,
  type Arg,
  type Out,
} from '../core/customFunctions';

export function openMenu(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

export function handleFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): IngestOutcome {
  return ingestSubmission(gasPorts(), submissionFromEvent(e));
}

export function runSetup(): string {
  const ports = gasPorts();
  const result = setupMonitoring(ports);
  ports.ui.alert(UI.setupDoneTitle, UI.setupDone(result.formUrl, result.created.join(', ')));
  return result.formUrl;
}

export function runSyncSchools(): number {
  const ports = gasPorts();
  const count = syncSchoolList(ports);
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
export function runContinueMailing(): number {
  return queueAndSend(gasPorts(), []).sent;
}

export function runRecompute(period?: string): string {
  const ports = gasPorts();
  const { result } = recompute(ports, period);
  const text = participation(result);
  ports.ui.toast(`${UI.recomputeDoneTitle}: ${text}`);
  return text;
}

export function runReport(period?: string): string {
  return writeReport(gasPorts(), period).url;
}

/**
 * One step of the letters job (about four minutes of an execution's six); the checkpoint
 * lets the next call continue. Returns the step as JSON (the offline command reads it).
 */
export function runLetters(maxLetters?: number): string {
  const ports = gasPorts();
  const step = writeLettersStep(ports, { maxMillis: 4 * 60 * 1000, maxLetters });
  if (step.finished) ports.ui.toast(LETTER_UI.done(step.total));
  else ports.ui.alert(LETTER_UI.doneTitle, LETTER_UI.partial(step.written, step.total));
  return JSON.stringify(step);
}

export function runSummaryJson(period?: string): string {
  return summaryJson(gasPorts(), period);
}

export function runAbout(): void {
  showDialog('about', UI.aboutTitle);
}

export const customShare = (part: Arg, whole: Arg): Out => shareFn(part, whole);
export const customIsb = (range: Arg, weights?: Arg): Out => isbFn(range, weights);
export const customResultsIndex = (range: Arg): Out => resultsIndexFn(range);
export const customStatus = (schoolId: Arg, table: Arg, period?: Arg): Out =>
  statusFn(schoolId, table, period);
export const customIndicator = (code: Arg, table: Arg, schoolId?: Arg, period?: Arg): Out =>
  indicatorFn(code, table, schoolId, period);
