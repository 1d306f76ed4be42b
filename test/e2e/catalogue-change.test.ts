/**
 * A field added to the catalogue after a period has started: re-running setup appends its
 * question to the form and its column to «Данные», and every earlier answer stays mapped —
 * also after the inspector renamed a question. Runs the use cases from source (the built
 * bundle has the real catalogue) on the emulator's services installed as globals.
 */
import { createGoogle } from '../../emulator';
import { codeOfItem } from '../../src/adapters/gas/forms';
import type { FieldDef } from '../../src/core/catalogue';
import { SHEETS } from '../../src/sheets/schema';

const NEW_FIELD: FieldDef = {
  code: 'students_olympiad',
  label: 'Обучающиеся — участники региональных олимпиад',
  short: 'Участники олимпиад',
  help: 'Число обучающихся, участвовавших в региональном этапе олимпиад.',
  type: 'int',
  base: 'students_total',
  section: 'contingent',
};

type Modules = {
  setup: typeof import('../../src/usecases/setup');
  ingest: typeof import('../../src/usecases/ingest');
  reconcile: typeof import('../../src/usecases/reconcile');
  gas: typeof import('../../src/adapters/gas');
  events: typeof import('../../src/adapters/gas/events');
};

function load(extraFields: FieldDef[]): Modules {
  let mods: Modules | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/core/catalogue/fields', () => {
      const actual = jest.requireActual('../../src/core/catalogue/fields');
      return { ...actual, FIELDS: [...actual.FIELDS, ...extraFields] };
    });
    // jest.isolateModules needs require(): a fresh module graph with the mocked catalogue.
    /* eslint-disable @typescript-eslint/no-require-imports */
    mods = {
      setup: require('../../src/usecases/setup'),
      ingest: require('../../src/usecases/ingest'),
      reconcile: require('../../src/usecases/reconcile'),
      gas: require('../../src/adapters/gas'),
      events: require('../../src/adapters/gas/events'),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return mods!;
}

describe('a field added to the catalogue', () => {
  const google = createGoogle();
  const ss = google.SpreadsheetApp.create('Мониторинг');
  const { runtime, ...services } = google;
  Object.assign(globalThis, services);
  let current: Modules = load([]);
  runtime.setHandlerInvoker((name, e) =>
    name === 'onFormSubmit'
      ? current.ingest.ingestSubmission(
          current.gas.gasPorts(),
          current.events.submissionFromEvent(e as never),
        )
      : undefined,
  );
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
  const data = () => {
    const [header, ...rows] = ss.getSheetByName(SHEETS.data)!.getDataRange().getValues();
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
  };

  it('keeps earlier answers mapped and takes the new field from then on', () => {
    current.setup.setupMonitoring(current.gas.gasPorts());
    const settings = ss.getSheetByName(SHEETS.settings)!;
    const keys = settings
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    settings.getRange(keys.indexOf('period') + 1, 3).setValue('2025-2026');
    settings.getRange(keys.indexOf('access_code_check') + 1, 3).setValue('нет');
    ss.getSheetByName(SHEETS.registry)!
      .getRange(2, 1, 2, 8)
      .setValues([
        ["'0001", 'Школа № 1', '', 'urban', '', 'нет', '', 'да'],
        ["'0002", 'Школа № 2', '', 'urban', '', 'нет', '', 'да'],
      ]);
    current.setup.syncSchoolList(current.gas.gasPorts());
    submit({ school_id: '0001', students_total: '300', teachers_total: '25' });

    // The inspector rewords a question; then the catalogue gains a field and setup runs again.
    const totalItem = form()
      .getItems()
      .find((i) => codeOfItem(i) === 'students_total')!;
    totalItem.setTitle('Сколько всего обучающихся в школе?');
    current = load([NEW_FIELD]);
    current.setup.setupMonitoring(current.gas.gasPorts());
    expect(
      form()
        .getItems()
        .some((i) => codeOfItem(i) === NEW_FIELD.code),
    ).toBe(true);
    expect(data()[0]).toMatchObject({
      'Код ОО': '0001',
      students_total: 300,
      [NEW_FIELD.code]: '',
    });

    submit({
      school_id: '0002',
      students_total: '120',
      teachers_total: '12',
      [NEW_FIELD.code]: '7',
    });
    expect(data().map((d) => [d['Код ОО'], d.students_total, d[NEW_FIELD.code]])).toEqual([
      ['0001', 300, ''],
      ['0002', 120, 7],
    ]);

    // Rebuilding from the raw sheet maps the old columns and the new one alike.
    const before = data();
    current.reconcile.reconcile(current.gas.gasPorts());
    expect(data()).toEqual(before);
  });
});
