/**
 * The Apps Script surface. The build generates one top-level function per export below, with
 * this JSDoc and these parameter names, delegating here. One line each; nothing at top level.
 */
import * as app from '../app';
import type { Arg, Out } from '../core/customFunctions';

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
 * The inspector edited a cell (simple trigger): an edit of a sheet a submission reads dates
 * the submissions' cache.
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e the edit event
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  app.handleEdit(e);
}

/**
 * Rows, columns or sheets were inserted or removed (installable change trigger): dates the
 * submissions' cache, as `onEdit` does for edited cells.
 * @param {GoogleAppsScript.Events.SheetsOnChange} e the change event
 */
export function onSpreadsheetChange(e?: GoogleAppsScript.Events.SheetsOnChange): void {
  app.handleChange(e);
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

/** Menu: «Разослать ссылки школам» — personal links with access codes, within the mail quota. */
export function menuSendLinks(): string {
  return app.runSendLinks();
}

/** Menu: «Сверить ответы» — rebuilds «Данные» from «Ответы формы», applies decisions on held responses. */
export function menuReconcile(): string {
  return app.runReconcile();
}

/**
 * Daily trigger while e-mail is queued: sends what the quota allows.
 * @param {GoogleAppsScript.Events.TimeDriven} e the time event
 */
export function continueMailing(e?: GoogleAppsScript.Events.TimeDriven): number {
  return app.runContinueMailing(e?.triggerUid);
}

/**
 * Daily trigger at the send hour: reminders to schools that have not answered, and the
 * inspectors' digest.
 * @param {GoogleAppsScript.Events.TimeDriven} e the time event
 */
export function runReminders(e?: GoogleAppsScript.Events.TimeDriven): string {
  return app.runDailyReminders(e?.triggerUid);
}

/**
 * One-off trigger of a long job (recompute, report, mailings): its next chunk.
 * @param {GoogleAppsScript.Events.TimeDriven} e the time event
 */
export function continueJob(e?: GoogleAppsScript.Events.TimeDriven): string {
  return app.runContinueJob(e?.triggerUid);
}

/** Menu: «Пересчитать показатели». */
export function menuRecompute(): string {
  return app.runRecompute();
}

/** Menu: «Сформировать аналитическую записку». */
export function menuReport(): string {
  return app.runReport();
}

/** Menu: «Сформировать письма школам» (a long job: one letter per school). */
export function menuLetters(): string {
  return app.runLetters();
}

/** Menu: «Проверить установку» — the form, triggers, quota, time zones, a round trip; to «Журнал». */
export function menuCheckInstallation(): string {
  return app.runCheckInstallation();
}

/** Menu: «О программе». */
export function menuAbout(): void {
  app.runAbout();
}

/** Menu: «Панель мониторинга» — the sidebar. */
export function openSidebar(): void {
  app.runOpenSidebar();
}

/** Sidebar: the status it shows (period, deadline, responses, quota, runs, job progress). */
export function sidebarStatus(): ReturnType<typeof app.runSidebarStatus> {
  return app.runSidebarStatus();
}

/**
 * Sidebar: saves the reminder settings, validated as «Настройки» are.
 * @param {Object} values setting code -> value as typed
 */
export function sidebarSaveSettings(
  values: Record<string, unknown>,
): ReturnType<typeof app.runSidebarSave> {
  return app.runSidebarSave(values);
}

/**
 * The summary of section 9 of the domain spec as JSON (used by the offline command).
 * The trailing underscore keeps it out of Apps Script's run menu.
 * @param {string} period the period, e.g. "2021-2022"; the latest when empty
 */
export function summaryJson_(period?: string): string {
  return app.runSummaryJson(period);
}

/**
 * Доля: часть, делённая на целое, с округлением как в сводке (7 из 18 → 0,389). Принимает
 * числа или диапазоны одинакового размера; при нулевом знаменателе — пусто.
 * @param {number|Array<Array<number>>} part часть: число или диапазон
 * @param {number|Array<Array<number>>} whole целое: число или диапазон того же размера
 * @return {number|Array<Array<number>>} доля от 0 до 1
 * @customfunction
 */
export function SHNOR_SHARE(part: Arg, whole: Arg): Out {
  return app.customShare(part, whole);
}

/**
 * ИСБ — индекс социального благополучия по абсолютной шкале 0–100 (100 — самый благополучный
 * контекст): строка на школу, девять столбцов: доли обучающихся из неполных семей; из семей,
 * где оба родителя с высшим образованием; на учёте (большая из долей ОДН/КДН и
 * внутришкольного); с неродным русским языком; с ЗПР и УО; затем да/нет: отдалённость;
 * малокомплектная; неукомплектованность штата; дефицит инфраструктуры, интернета или
 * компьютеров.
 * @param {Array<Array<number>>} range показатели школ: строка на школу, девять столбцов
 * @param {Array<Array<number>>} weights веса девяти показателей (необязательно; по умолчанию 1)
 * @return {Array<Array<number>>} ИСБ каждой школы от 0 до 100
 * @customfunction
 */
export function SHNOR_ISB(range: Arg, weights?: Arg): Out {
  return app.customIsb(range, weights);
}

/**
 * Индекс образовательных результатов по диапазону: строка на школу, пять долей (ЕГЭ ниже
 * порога, ЕГЭ высокобалльники, ОГЭ «2», ВПР «2», РДР «2»); пустая ячейка — нет данных.
 * @param {Array<Array<number>>} range доли результатов: строка на школу
 * @return {Array<Array<number>>} индекс каждой школы
 * @customfunction
 */
export function SHNOR_RESULTS_INDEX(range: Arg): Out {
  return app.customResultsIndex(range);
}

/**
 * Уровень фактора риска «500+» школы (высокий, средний, низкий; пусто — ответы школы его не
 * определяют) по листу «Значения для формул», который пишет «Пересчитать показатели»:
 * =SHNOR_RISK(A2; "environment"; 'Значения для формул'!A:BZ). Факторы: equipment, staff,
 * teacher_competence, adaptivity, inschool_pd, language, environment, learning_failure,
 * parents, motivation (или их названия).
 * @param {string|Array<Array<string>>} school_id код ОО или диапазон кодов
 * @param {string|Array<Array<string>>} factor фактор риска: код или название
 * @param {Array<Array<string>>} table диапазон листа «Значения для формул»
 * @param {string} period период, например "2025-2026" (необязательно: рассчитанный)
 * @return {string|Array<Array<string>>} уровень фактора
 * @customfunction
 */
export function SHNOR_RISK(school_id: Arg, factor: Arg, table: Arg, period?: Arg): Out {
  return app.customRisk(school_id, factor, table, period);
}

/**
 * Статус школы (ШНОР, ШНСУ, ШНОР+ШНСУ или пусто) по листу «Значения для формул», который
 * пишет «Пересчитать показатели»: =SHNOR_STATUS(A2; 'Значения для формул'!A:AZ).
 * @param {string|Array<Array<string>>} school_id код ОО или диапазон кодов
 * @param {Array<Array<string>>} table диапазон листа «Значения для формул»
 * @param {string} period период, например "2025-2026" (необязательно: рассчитанный)
 * @return {string|Array<Array<string>>} статус
 * @customfunction
 */
export function SHNOR_STATUS(school_id: Arg, table: Arg, period?: Arg): Out {
  return app.customStatus(school_id, table, period);
}

/**
 * Показатель мониторинга: школы — по листу «Значения для формул», муниципальный — по листу
 * «Сводка»: =SHNOR_INDICATOR("isb"; 'Значения для формул'!A:AZ; A2),
 * =SHNOR_INDICATOR("share_flagged"; 'Сводка'!A:I).
 * @param {string} code код показателя, например "share_flagged" или "results_index"
 * @param {Array<Array<string>>} table диапазон листа «Значения для формул» или «Сводка»
 * @param {string|Array<Array<string>>} school_id код ОО или диапазон кодов (для показателя школы)
 * @param {string} period период (необязательно: рассчитанный)
 * @return {number|string|Array<Array<number|string>>} значение показателя
 * @customfunction
 */
export function SHNOR_INDICATOR(code: Arg, table: Arg, school_id?: Arg, period?: Arg): Out {
  return app.customIndicator(code, table, school_id, period);
}
