/**
 * A monitoring spreadsheet on the emulator, set up through the built bundle's own menu, with
 * a small registry, and helpers to answer the form as a school would (by its personal link or
 * not), edit a response, and read sheets.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeOfItem } from '../../src/adapters/gas/forms';
import {
  dataSheet,
  INDICATORS_SHEET,
  LINKS_SHEET,
  LISTS_SHEET,
  OUTBOX_SHEET,
  readRecords,
  RECOMMENDATIONS_SHEET,
  REGISTRY_SHEET,
  REJECTED_SHEET,
  RULES_SHEET,
  SETTINGS_SHEET,
  SHEETS,
  JOURNAL_SHEET,
  type SheetSchema,
} from '../../src/sheets/schema';
import type { Cell } from '../../src/core/types';
import { schoolChoice } from '../../src/core/schoolChoice';
import { createGoogle, type Google } from '../../emulator';
import { loadProject, type LoadOptions } from '../../emulator/loader';
import type { RuntimeOptions } from '../../emulator/runtime';

export const PERIOD = '2025-2026';

/**
 * The output sheets recompute writes from the computation alone (the charts' data sheet aside:
 * it is laid out with its charts), listed here independently of the product's own list.
 */
export const OUTPUT_SHEETS: readonly string[] = [
  SHEETS.indicators,
  SHEETS.summary,
  SHEETS.dynamics,
  SHEETS.notResponded,
  SHEETS.recommendations,
  SHEETS.formulaValues,
  SHEETS.registryHistory,
];

export interface Harness {
  google: ReturnType<typeof createGoogle>;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  project: ReturnType<typeof loadProject>;
  form: GoogleAppsScript.Forms.Form;
  /** Answers by field code; `access_code` included when given. Returns the response. */
  submit(
    answers: Record<string, string>,
    respondentEmail?: string,
  ): GoogleAppsScript.Forms.FormResponse;
  edit(response: GoogleAppsScript.Forms.FormResponse, answers: Record<string, string>): void;
  values(sheet: string): unknown[][];
  /** The rows of a product sheet keyed by column code (read as the product reads them). */
  records(sheet: string): Array<Record<string, Cell>>;
  /** The access code of a school's personal link, from «Ссылки школам». */
  codeOf(schoolId: string): string;
  linkOf(schoolId: string): string;
  /** Every trigger run so far (Google keeps them in the executions log, errors included). */
  executions(): Array<{ handler: string; error?: string }>;
}

const SCHEMAS: SheetSchema[] = [
  SETTINGS_SHEET,
  REGISTRY_SHEET,
  LISTS_SHEET,
  RULES_SHEET,
  dataSheet(),
  REJECTED_SHEET,
  JOURNAL_SHEET,
  OUTBOX_SHEET,
  LINKS_SHEET,
  INDICATORS_SHEET,
  RECOMMENDATIONS_SHEET,
];

/** The rows of a sheet keyed by column code, by its schema. */
export function recordsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: string) {
  const schema = SCHEMAS.find((s) => s.name === sheet);
  if (!schema) throw new Error(`no schema for «${sheet}»`);
  const table = ss.getSheetByName(sheet)!.getDataRange().getValues() as Cell[][];
  return readRecords(schema, table).map((r) => r.record);
}

export function schoolId(i: number): string {
  return String(i).padStart(4, '0');
}

/** A valid answer of school i: only the required numbers and a few others. */
export function validAnswers(
  i: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    school_id: schoolId(i),
    period: PERIOD,
    respondent_email: `school${schoolId(i)}@example.edu.ru`,
    students_total: String(100 + i),
    students_single_parent: String(i % 20),
    teachers_total: '20',
    teachers_diagnosed: String(i % 15),
    ...extra,
  };
}

/** Sets one value in «Настройки», found by its key and the value column's header. */
export function setSetting(
  settings: GoogleAppsScript.Spreadsheet.Sheet,
  key: string,
  value: string,
): void {
  const table = settings.getDataRange().getValues() as Cell[][];
  const record = readRecords(SETTINGS_SHEET, table).find((r) => r.record.key === key);
  const column = SETTINGS_SHEET.columns.findIndex((c) => c.code === 'value') + 1;
  settings.getRange(record!.row, column).setValue(value);
}

export function makeHarness(
  schools: number,
  options: RuntimeOptions & {
    inactive?: number[];
    console?: LoadOptions['console'];
    /** The spreadsheet's locale (Google names the responses sheet in its language). */
    locale?: string;
    /** Runs on the fresh account before setup (say, to put a known secret in its store). */
    beforeSetup?: (google: Google) => void;
  } = {},
): Harness {
  const google = createGoogle(options);
  const ss = google.SpreadsheetApp.create('Мониторинг');
  if (options.locale) ss.setSpreadsheetLocale(options.locale);
  const quiet = { log() {}, info() {}, warn() {}, error() {} };
  const project = loadProject(google, { console: options.console ?? quiet });
  options.beforeSetup?.(google);
  project.call('menuSetup');
  const settings = ss.getSheetByName(SHEETS.settings)!;
  setSetting(settings, 'period', PERIOD);
  const registry = ss.getSheetByName(SHEETS.registry)!;
  const rows = Array.from({ length: schools }, (_, k) => {
    const i = k + 1;
    const active = options.inactive?.includes(i) ? 'нет' : 'да';
    return [
      `'${schoolId(i)}`,
      `Школа № ${i}`,
      'Округ',
      'urban',
      `school${schoolId(i)}@example.edu.ru`,
      'нет',
      '',
      active,
    ];
  });
  registry.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
  project.call('menuSyncSchools');
  const formId = google.PropertiesService.getDocumentProperties().getProperty('form.id')!;
  const form = google.FormApp.openById(formId);

  const itemResponses = (answers: Record<string, string>) => {
    const out: GoogleAppsScript.Forms.ItemResponse[] = [];
    for (const item of form.getItems()) {
      const code = codeOfItem(item);
      const value = code ? answers[code] : undefined;
      if (value === undefined || value === '') continue;
      const type = item.getType();
      if (type === google.FormApp.ItemType.LIST) {
        const list = item.asListItem();
        const choice = list
          .getChoices()
          .map((c) => c.getValue())
          .find((c) => c.startsWith(`${value} — `));
        const unlisted = schoolChoice(value, '?');
        if (!choice)
          list.setChoiceValues([...list.getChoices().map((c) => c.getValue()), unlisted]);
        out.push(list.createResponse(choice ?? unlisted));
      } else if (type === google.FormApp.ItemType.MULTIPLE_CHOICE) {
        out.push(item.asMultipleChoiceItem().createResponse(value));
      } else if (type === google.FormApp.ItemType.PARAGRAPH_TEXT) {
        out.push(item.asParagraphTextItem().createResponse(value));
      } else {
        out.push(item.asTextItem().createResponse(value));
      }
    }
    return out;
  };
  const links = () => recordsOf(ss, SHEETS.links);
  return {
    google,
    ss,
    project,
    form,
    submit: (answers, respondentEmail) =>
      google.runtime.asUser(() => {
        const builder = form.createResponse();
        if (respondentEmail) builder.__setRespondentEmail(respondentEmail);
        for (const r of itemResponses(answers)) builder.withItemResponse(r);
        return builder.submit();
      }),
    edit: (response, answers) =>
      google.runtime.asUser(() => {
        (form as unknown as { __editResponse(id: string, a: unknown[]): unknown }).__editResponse(
          response.getId(),
          itemResponses(answers),
        );
      }),
    values: (sheet) => ss.getSheetByName(sheet)!.getDataRange().getValues(),
    records: (sheet) => recordsOf(ss, sheet),
    codeOf: (id) => String(links().find((r) => r.school_id === id)?.access_code ?? ''),
    linkOf: (id) => String(links().find((r) => r.school_id === id)?.url ?? ''),
    executions: () =>
      (
        google.ScriptApp as unknown as {
          __getExecutions(): Array<{ handler: string; error?: string }>;
        }
      ).__getExecutions(),
  };
}

/** Builds the Editor add-on bundle into a fresh temporary folder; returns the folder. */
export function buildAddOn(prefix = 'shnor-addon-'): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...process.env, SHNOR_ADDON: '1', SHNOR_DIST: dist, QUIET_BUILD: '1' },
  });
  return dist;
}

/** The text of every Google Doc in the emulated Drive (documents made by the script). */
export function documentTexts(h: Pick<Harness, 'google'>): string[] {
  const out: string[] = [];
  const files = h.google.DriveApp.getFiles();
  while (files.hasNext()) {
    const f = files.next();
    if (f.getMimeType() === 'application/vnd.google-apps.document')
      out.push(h.google.DocumentApp.openById(f.getId()).getBody().getText());
  }
  return out;
}
