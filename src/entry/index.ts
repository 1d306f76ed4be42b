/**
 * The Apps Script surface. The build generates one top-level function per export below, with
 * this JSDoc and these parameter names, delegating here. One line each; nothing at top level.
 */
import * as app from '../app';

/**
 * Builds the «Мониторинг ШНОР/ШНСУ» menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  app.openMenu(e);
}

/**
 * Runs when the add-on is installed: builds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Ingests one school questionnaire response (installable form-submit trigger).
 * @param {GoogleAppsScript.Events.SheetsOnFormSubmit} e the submit event
 */
export function onFormSubmit(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): string {
  return app.handleFormSubmit(e);
}

/** Menu: «Настроить мониторинг…» — sheets, questionnaire, trigger. */
export function menuSetup(): string {
  return app.runSetup();
}

/** Menu: «Обновить список школ в форме». */
export function menuSyncSchools(): number {
  return app.runSyncSchools();
}

/** Menu: «Пересчитать показатели». */
export function menuRecompute(): string {
  return app.runRecompute();
}

/** Menu: «Сформировать аналитическую записку». */
export function menuReport(): string {
  return app.runReport();
}

/** Menu: «О программе». */
export function menuAbout(): void {
  app.runAbout();
}

/**
 * The summary of section 9 of the domain spec as JSON (used by the offline command).
 * The trailing underscore keeps it out of Apps Script's run menu.
 * @param {string} period the period, e.g. "2021-2022"; the latest when empty
 */
export function summaryJson_(period?: string): string {
  return app.runSummaryJson(period);
}
