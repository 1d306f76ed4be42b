/**
 * What each entry point does: the real ports, a use case, and what the user is told.
 * Entry points in src/entry call these in one line each.
 */
import { UI } from '../core/messages';
import { gasPorts } from '../adapters/gas';
import { submissionFromEvent } from '../adapters/gas/events';
import { buildMenu, showDialog } from '../adapters/gas/menu';
import { ingestSubmission, type IngestOutcome } from '../usecases/ingest';
import { recompute } from '../usecases/recompute';
import { summaryJson, writeReport } from '../usecases/report';
import { setupMonitoring, syncSchoolList } from '../usecases/setup';
import { participation } from '../core/report/tables';

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

export function runSummaryJson(period?: string): string {
  return summaryJson(gasPorts(), period);
}

export function runAbout(): void {
  showDialog('about', UI.aboutTitle);
}
