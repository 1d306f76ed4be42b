/**
 * Where real Google differs from what the emulator used to do (issue 9): each case is modelled
 * by the emulator, and the product is shown to cope with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';
import { FORM_ID_KEY, RESPONSES_SHEET_KEY, SHEETS } from '../../src/sheets/schema';
import { buildAddOn, makeHarness, setSetting, validAnswers } from './harness';

describe('the questionnaire is published by setup (forms made through the API start unpublished)', () => {
  it('publishes the form, so a school can answer it', () => {
    const h = makeHarness(2);
    expect((h.form as unknown as { isPublished(): boolean }).isPublished()).toBe(true);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(h.values(SHEETS.data)).toHaveLength(2);
  });

  it('publishes a form left unpublished when setup runs again', () => {
    const h = makeHarness(1);
    const form = h.form as unknown as { setPublished(p: boolean): void; isPublished(): boolean };
    form.setPublished(false);
    h.project.call('menuSetup');
    expect(form.isPublished()).toBe(true);
  });
});

describe('the responses sheet is found by the form, whatever Google named it', () => {
  it('on a Russian spreadsheet, setup finds the sheet Google named «Ответы на форму (1)» by its form', () => {
    const h = makeHarness(2, { locale: 'ru_RU' });
    const props = h.google.PropertiesService.getDocumentProperties();
    const id = Number(props.getProperty(RESPONSES_SHEET_KEY));
    const sheet = h.ss.getSheets().find((s) => s.getSheetId() === id)!;
    expect(sheet.getFormUrl()).toContain(props.getProperty(FORM_ID_KEY)!);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(h.project.call<string>('menuReconcile')).toMatch(/1/);
  });

  it('«Сверить ответы» finds it by the form when the kept id is lost', () => {
    const h = makeHarness(2, { locale: 'ru_RU' });
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    const props = h.google.PropertiesService.getDocumentProperties();
    const id = Number(props.getProperty(RESPONSES_SHEET_KEY));
    h.ss
      .getSheets()
      .find((s) => s.getSheetId() === id)!
      .setName('Ответы школ');
    props.deleteProperty(RESPONSES_SHEET_KEY);
    h.project.call('menuReconcile');
    expect(h.records(SHEETS.data).map((r) => r.school)).toEqual(['0001']);
  });
});

describe('no Ui in a trigger: Google refuses SpreadsheetApp.getUi() there', () => {
  type Alerts = { __alerts(): unknown[] };
  type Script = { __runDueTimeTriggers(): Array<{ handler: string; error?: string }> };

  it('the emulator refuses it in a form-submit trigger, as Google does', () => {
    const h = makeHarness(1);
    let seen = '';
    h.google.runtime.setHandlerInvoker(() => {
      try {
        h.google.runtime.runScript(() => h.google.SpreadsheetApp.getUi());
      } catch (error) {
        seen = String(error);
      }
    });
    h.submit(validAnswers(1));
    expect(seen).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('a menu action run by a daily trigger finishes, telling no one through a dialog', () => {
    const logged: string[] = [];
    const log = (...a: unknown[]) => void logged.push(a.join(' '));
    const h = makeHarness(1, { console: { log, info: log, warn: log, error: log } });
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.google.ScriptApp.newTrigger('menuReconcile').timeBased().everyDays(1).atHour(9).create();
    const alerts = (h.google.SpreadsheetApp.getUi() as unknown as Alerts).__alerts().length;
    h.google.runtime.clock.advance(24 * 3600 * 1000);
    const runs = (h.google.ScriptApp as unknown as Script).__runDueTimeTriggers();
    // (The daily reminders set up by «Настроить мониторинг…» run too, without a dialog.)
    expect(runs.map((r) => [r.handler, r.error]).filter(([h]) => h !== 'runReminders')).toEqual([
      ['menuReconcile', undefined],
    ]);
    expect(runs.filter((r) => r.error)).toEqual([]);
    expect((h.google.SpreadsheetApp.getUi() as unknown as Alerts).__alerts()).toHaveLength(alerts);
    expect(logged.some((l) => l.includes('Сверить ответы'))).toBe(true);
  });
});

describe('edit links: the sheet’s timestamp is not Google’s to the millisecond', () => {
  it('the rejection e-mail carries the edit link of the school’s own response', () => {
    const h = makeHarness(2);
    h.google.runtime.clock.advance(1234);
    const theirs = h.submit(validAnswers(2, { access_code: h.codeOf('0002') }));
    h.google.runtime.clock.advance(300);
    const mine = h.submit(
      validAnswers(1, { access_code: h.codeOf('0001'), teachers_diagnosed: '50' }),
    );
    const bodies = h.records(SHEETS.outbox).map((r) => String(r.body));
    const notice = bodies.find((b) => b.includes('Школа № 1'))!;
    expect(notice).toContain(mine.getEditResponseUrl());
    expect(notice).not.toContain(theirs.getEditResponseUrl());
  });
});

describe('the report chart’s data table (column 0 is X, every further column a Y series)', () => {
  it('draws flagged schools as their own series, at their own results index', () => {
    const h = makeHarness(4);
    for (const i of [1, 2, 3, 4])
      h.submit(
        validAnswers(i, {
          access_code: h.codeOf(`000${i}`),
          teachers_diagnosed: String(i * 4),
          vpr_rus5_participants: '10',
          vpr_rus5_fail: String(i),
        }),
      );
    const lists = h.ss.getSheetByName(SHEETS.lists)!;
    lists.getRange(2, 1, 1, 3).setValues([['2025-2026', "'0002", 'ШНОР']]);
    h.project.call('menuRecompute');
    // The report's figure is the image of this Sheets chart in «Сводка» (same data table).
    type Chart = { __series(): Array<{ label: string; points: Array<{ x: number; y: number }> }> };
    const charts = h.ss.getSheetByName(SHEETS.summary)!.getCharts() as unknown as Chart[];
    const series = charts[0].__series();
    expect(series.map((s) => s.label)).toEqual(['Прочие школы', 'ШНОР и (или) ШНСУ']);
    // Each school is one point, at (ИСБ, results index), in its series.
    const table = h.values(SHEETS.formulaValues);
    const col = (code: string) => table[0].indexOf(code);
    const schools = table
      .slice(1)
      .filter(
        (r) => typeof r[col('isb')] === 'number' && typeof r[col('results_index')] === 'number',
      );
    const pointsOf = (flagged: boolean) =>
      schools
        .filter((r) => r[col('flagged')] === flagged)
        .map((r) => ({
          x: Math.round((r[col('isb')] as number) * 100) / 100,
          y: Math.round((r[col('results_index')] as number) * 100) / 100,
        }));
    expect(series[1].points).toEqual(pointsOf(true));
    expect(series[0].points).toEqual(pointsOf(false));
    expect(series[1].points.length).toBeGreaterThan(0);
  });
});

describe('the add-on build', () => {
  type Script = { __runDueTimeTriggers(): Array<{ handler: string; error?: string }> };
  const quiet = { log() {}, info() {}, warn() {}, error() {} };
  let dist = '';
  beforeAll(() => {
    dist = buildAddOn();
  });

  function installed() {
    const google = createGoogle();
    google.SpreadsheetApp.create('Мониторинг');
    const project = loadProject(google, { distDir: dist, console: quiet, addOn: true });
    project.call('menuSetup');
    const registry = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEETS.registry)!;
    registry
      .getRange(2, 1, 1, 8)
      .setValues([["'0001", 'Школа № 1', 'Округ', 'urban', 'a@example.org', 'нет', '', 'да']]);
    project.call('menuSyncSchools');
    return { google, project };
  }

  /** The add-on's own store: the hidden sheet's key → value rows. */
  function stateOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, string> {
    const sheet = ss.getSheetByName(SHEETS.addonState);
    const rows = sheet ? sheet.getDataRange().getValues() : [];
    return new Map(rows.map(([k, v]) => [String(k), String(v)]));
  }

  it('keeps one access-code secret per spreadsheet, not in the script properties every installation shares', () => {
    const { google } = installed();
    const ss = google.SpreadsheetApp.getActiveSpreadsheet();
    const script = google.PropertiesService.getScriptProperties().getProperty('access.secret');
    expect(stateOf(ss).get('access.secret')).toMatch(/.{32,}/);
    expect(ss.getSheetByName(SHEETS.addonState)!.isSheetHidden()).toBe(true);
    expect(script).toBeNull();
  });

  /** What `probe` returns when run by an add-on clock trigger (a script function of its own). */
  function inClockTrigger(google: ReturnType<typeof createGoogle>, probe: () => unknown): unknown {
    let seen: unknown = 'unset';
    google.runtime.setHandlerInvoker(() => google.runtime.runScript(() => (seen = probe())));
    google.ScriptApp.newTrigger('probe').timeBased().after(1000).create();
    google.runtime.clock.advance(2000);
    (google.ScriptApp as unknown as Script).__runDueTimeTriggers();
    return seen;
  }

  it('the emulator gives an add-on clock trigger no document properties (Google: «within the open document»)', () => {
    const { google } = installed();
    expect(
      inClockTrigger(google, () => google.PropertiesService.getDocumentProperties()),
    ).toBeNull();
    // From a menu, each spreadsheet has its own.
    const first = google.SpreadsheetApp.getActiveSpreadsheet();
    google.PropertiesService.getDocumentProperties().setProperty('k', 'first');
    google.SpreadsheetApp.setActiveSpreadsheet(google.SpreadsheetApp.create('Другая'));
    expect(google.PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
    google.SpreadsheetApp.setActiveSpreadsheet(first);
    expect(google.PropertiesService.getDocumentProperties().getProperty('k')).toBe('first');
  });

  it('one user, the add-on in two spreadsheets: each daily trigger reminds its own schools', () => {
    type Mail = { to: string; subject: string };
    const google = createGoogle({ clockStart: '2026-09-01T10:00:00+03:00' });
    const first = google.SpreadsheetApp.create('Мониторинг Канска');
    const project = loadProject(google, { distDir: dist, console: quiet, addOn: true });
    const install = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string) => {
      google.SpreadsheetApp.setActiveSpreadsheet(ss);
      project.call('menuSetup');
      const settings = ss.getSheetByName(SHEETS.settings)!;
      setSetting(settings, 'period', '2026-2027');
      setSetting(settings, 'deadline', '09.09.2026');
      ss.getSheetByName(SHEETS.registry)!
        .getRange(2, 1, 1, 8)
        .setValues([["'0001", 'Школа № 1', 'Округ', 'urban', email, 'нет', '', 'да']]);
      project.call('menuSyncSchools');
    };
    install(first, 'kansk@example.org');
    install(google.SpreadsheetApp.create('Мониторинг Ачинска'), 'achinsk@example.org');
    const second = google.SpreadsheetApp.getActiveSpreadsheet();

    // 2 September, 9:00: a week before the deadline in both.
    google.runtime.clock.set('2026-09-02T09:30:00+03:00');
    const runs = (google.ScriptApp as unknown as Script).__runDueTimeTriggers();
    expect(runs.filter((r) => r.handler === 'runReminders')).toHaveLength(2);
    expect(runs.filter((r) => r.error)).toEqual([]);
    const mails = (google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();
    expect(
      mails
        .filter((m) => /напоминание/.test(m.subject))
        .map((m) => m.to)
        .sort(),
    ).toEqual(['achinsk@example.org', 'kansk@example.org']);
    // Each spreadsheet's journal has its own run, and each keeps its own secret.
    for (const ss of [first, second])
      expect(JSON.stringify(ss.getSheetByName(SHEETS.journal)!.getDataRange().getValues())).toMatch(
        /Напоминания/,
      );
    expect(stateOf(first).get('access.secret')).not.toBe(stateOf(second).get('access.secret'));
    // Every trigger → spreadsheet entry the user keeps is a live trigger's: deleted ones go.
    const prefix = 'monitoring.trigger.';
    const kept = Object.keys(google.PropertiesService.getUserProperties().getProperties())
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
    const live = google.ScriptApp.getProjectTriggers().map((t) => t.getUniqueId());
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.filter((uid) => !live.includes(uid))).toEqual([]);
  });

  it('runs its daily triggers, which have no active spreadsheet, on the spreadsheet setup kept', () => {
    const { google } = installed();
    google.runtime.clock.advance(24 * 3600 * 1000);
    const runs = (google.ScriptApp as unknown as Script).__runDueTimeTriggers();
    expect(runs.map((r) => r.handler)).toContain('runReminders');
    expect(runs.filter((r) => r.error)).toEqual([]);
    const journal = google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEETS.journal)!;
    expect(JSON.stringify(journal.getDataRange().getValues())).toMatch(/напомина/i);
  });

  it('the emulator gives an add-on clock trigger no active spreadsheet', () => {
    const { google } = installed();
    expect(inClockTrigger(google, () => google.SpreadsheetApp.getActiveSpreadsheet())).toBeNull();
  });

  it('asks for `spreadsheets` (to open by id) only in the add-on manifest', () => {
    const scopes = (dir: string) =>
      JSON.parse(fs.readFileSync(path.join(dir, 'appsscript.json'), 'utf8')).oauthScopes;
    const spreadsheets = 'https://www.googleapis.com/auth/spreadsheets';
    expect(scopes(dist)).toContain(spreadsheets);
    expect(scopes(dist)).not.toContain(`${spreadsheets}.currentonly`);
    expect(scopes('dist')).toContain(`${spreadsheets}.currentonly`);
    expect(scopes('dist')).not.toContain(spreadsheets);
  });
});

describe('dates: a date cell is the day the spreadsheet shows, whatever the script’s zone', () => {
  type Mail = { to: string; body: string };
  it('a deadline typed in a spreadsheet in Asia/Krasnoyarsk stays that day in the reminder', () => {
    const h = makeHarness(1, { clockStart: '2026-05-24T07:00:00+03:00' });
    expect(h.google.Session.getScriptTimeZone()).toBe('Europe/Moscow');
    h.ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    // What Sheets stores when the inspector types 31.05.2026 there: that day's midnight,
    // which is 30 May, 20:00 in Moscow.
    const typed = new Date('2026-05-31T00:00:00+07:00');
    const settings = h.ss.getSheetByName(SHEETS.settings)!;
    const rows = settings.getDataRange().getValues();
    settings.getRange(rows.findIndex((r) => r[0] === 'deadline') + 1, 3).setValue(typed);
    h.project.call('runReminders');
    const mail = (h.google.MailApp as unknown as { __outbox(): Mail[] })
      .__outbox()
      .find((m) => m.to === 'school0001@example.edu.ru')!;
    expect(mail.body).toContain('Срок: 31.05.2026');
  });
});
