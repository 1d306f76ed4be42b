/**
 * A field added to the catalogue after a period has started: re-running setup appends its
 * question to the form and its column to «Данные», and every earlier answer stays mapped —
 * also after the inspector renamed a question. Runs the use cases from source, passing them
 * the catalogue (the built bundle has the real one), on the emulator's services installed as
 * globals.
 */
import { createGoogle } from '../../emulator';
import { codeOfItem } from '../../src/adapters/gas/forms';
import { gasPorts } from '../../src/adapters/gas';
import { submissionFromEvent } from '../../src/adapters/gas/events';
import { CATALOGUE, type Catalogue, type FieldDef } from '../../src/core/catalogue';
import type { Cell } from '../../src/core/types';
import { dataSheet, readRecords, SHEETS } from '../../src/sheets/schema';
import { ingestSubmission } from '../../src/usecases/ingest';
import { reconcile } from '../../src/usecases/reconcile';
import { setupMonitoring, syncSchoolList } from '../../src/usecases/setup';
import { setSetting } from './harness';

const NEW_FIELD: FieldDef = {
  code: 'students_olympiad',
  label: 'Обучающиеся — участники региональных олимпиад',
  short: 'Участники олимпиад',
  help: 'Число обучающихся, участвовавших в региональном этапе олимпиад.',
  type: 'int',
  base: 'students_total',
  section: 'contingent',
};

/** The catalogue of the product, and the one that gained a field since setup first ran. */
const BEFORE: Catalogue = CATALOGUE;
const AFTER: Catalogue = { ...CATALOGUE, fields: [...CATALOGUE.fields, NEW_FIELD] };

describe('a field added to the catalogue', () => {
  const google = createGoogle();
  const ss = google.SpreadsheetApp.create('Мониторинг');
  const { runtime, ...services } = google;
  Object.assign(globalThis, services);
  let current = BEFORE;
  // One trigger run; at its end Apps Script releases the locks the script still holds.
  const locks = services.LockService as unknown as { __releaseAll(): void };
  runtime.setHandlerInvoker((name, e) => {
    if (name !== 'onFormSubmit') return undefined;
    try {
      return ingestSubmission(gasPorts(), submissionFromEvent(e as never), current);
    } finally {
      locks.__releaseAll();
    }
  });
  afterAll(() => {
    for (const key of Object.keys(services)) delete (globalThis as Record<string, unknown>)[key];
  });

  const form = () =>
    google.FormApp.openById(
      google.PropertiesService.getDocumentProperties().getProperty('form.id')!,
    );
  const submit = (answers: Record<string, string>) =>
    runtime.asUser(() => {
      const f = form();
      const builder = f.createResponse();
      for (const item of f.getItems()) {
        const value = answers[codeOfItem(item) ?? ''];
        if (value === undefined) continue;
        if (item.getType() === google.FormApp.ItemType.LIST) {
          const choice = item
            .asListItem()
            .getChoices()
            .map((c) => c.getValue())
            .find((c) => c.startsWith(`${value} — `))!;
          builder.withItemResponse(item.asListItem().createResponse(choice));
        } else builder.withItemResponse(item.asTextItem().createResponse(value));
      }
      builder.submit();
    });
  /** «Данные» by column code, as the product reads it with the current catalogue. */
  const data = () =>
    readRecords(
      dataSheet(current.fields),
      ss.getSheetByName(SHEETS.data)!.getDataRange().getValues() as Cell[][],
    ).map((r) => r.record);

  it('keeps earlier answers mapped and takes the new field from then on', () => {
    setupMonitoring(gasPorts(), current);
    const settings = ss.getSheetByName(SHEETS.settings)!;
    setSetting(settings, 'period', '2025-2026');
    setSetting(settings, 'access_code_check', 'нет');
    ss.getSheetByName(SHEETS.registry)!
      .getRange(2, 1, 2, 8)
      .setValues([
        ["'0001", 'Школа № 1', '', 'urban', '', 'нет', '', 'да'],
        ["'0002", 'Школа № 2', '', 'urban', '', 'нет', '', 'да'],
      ]);
    syncSchoolList(gasPorts());
    submit({ school_id: '0001', students_total: '300', teachers_total: '25' });

    // The inspector rewords a question; then the catalogue gains a field and setup runs again.
    const totalItem = form()
      .getItems()
      .find((i) => codeOfItem(i) === 'students_total')!;
    totalItem.setTitle('Сколько всего обучающихся в школе?');
    current = AFTER;
    setupMonitoring(gasPorts(), current);
    expect(
      form()
        .getItems()
        .some((i) => codeOfItem(i) === NEW_FIELD.code),
    ).toBe(true);
    expect(data()[0]).toMatchObject({
      school: '0001',
      students_total: 300,
      [NEW_FIELD.code]: '',
    });

    submit({
      school_id: '0002',
      students_total: '120',
      teachers_total: '12',
      [NEW_FIELD.code]: '7',
    });
    expect(data().map((d) => [d.school, d.students_total, d[NEW_FIELD.code]])).toEqual([
      ['0001', 300, ''],
      ['0002', 120, 7],
    ]);

    // Rebuilding from the raw sheet maps the old columns and the new one alike.
    const before = data();
    reconcile(gasPorts(), current);
    expect(data()).toEqual(before);
  });
});
