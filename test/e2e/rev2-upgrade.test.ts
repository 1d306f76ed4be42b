/**
 * Revision 2 on a spreadsheet that already holds data: «Данные» made with the old header (no
 * rev-2 columns) keeps every earlier row mapped when the updated code accepts a new response,
 * even before anyone re-runs setup; re-running setup names the exam year in the form.
 */
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers } from './harness';

const REV2 = [
  'students_low_motivation',
  'ege_mathbase_participants',
  'ege_mathbase_fail',
  'grads_total',
  'grads_no_certificate',
  'has_differentiated_instruction',
  'has_inschool_pd',
];

describe('an existing spreadsheet after revision 2', () => {
  it('rewrites an old «Данные» once by column code before writing a new row', () => {
    const h = makeHarness(2);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    // Make «Данные» look as revision 1 left it.
    const sheet = h.ss.getSheetByName(SHEETS.data)!;
    const [header, ...rows] = sheet.getDataRange().getValues();
    const keep = header.map((c, i) => (REV2.includes(String(c)) ? -1 : i)).filter((i) => i >= 0);
    sheet.clear();
    // The apostrophe keeps «0001» text, as the product writes it.
    const old = [header, ...rows.map((r) => [`'${r[0]}`, ...r.slice(1)])].map((r) =>
      keep.map((i) => r[i]),
    );
    sheet.getRange(1, 1, old.length, keep.length).setValues(old);
    h.google.PropertiesService.getDocumentProperties().deleteProperty('data.layout');

    h.submit(
      validAnswers(2, {
        access_code: h.codeOf('0002'),
        grads_total: '30',
        grads_no_certificate: '1',
      }),
    );
    const [after] = h.values(SHEETS.data);
    expect(REV2.every((c) => after.includes(c))).toBe(true);
    const byId = Object.fromEntries(h.records(SHEETS.data).map((r) => [String(r.school), r]));
    expect(byId['0001'].students_total).toBe(101);
    expect(byId['0001'].grads_total).toBe('');
    expect(byId['0002'].students_total).toBe(102);
    expect(byId['0002'].grads_total).toBe(30);
    expect(byId['0002'].grads_no_certificate).toBe(1);
  });

  it('names the exam year of the period in the results section', () => {
    const h = makeHarness(1);
    h.project.call('menuSetup'); // the period is in settings now
    const results = h.form.getItems().find((i) => i.getTitle() === 'Образовательные результаты')!;
    expect(results.getHelpText()).toContain('ГИА и ВПР 2026 года (2025-2026 учебный год)');
  });

  it('freezes the registry facts of the period in «История реестра» at each recompute', () => {
    const h = makeHarness(2);
    h.project.call('menuRecompute');
    const [header, ...rows] = h.values(SHEETS.registryHistory);
    expect(header[0]).toBe('Период (period)');
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['2025-2026', '0001', 'да'],
      ['2025-2026', '0002', 'да'],
    ]);
    // A row of an earlier period stays as it was through the next recompute.
    const sheet = h.ss.getSheetByName(SHEETS.registryHistory)!;
    sheet.appendRow(['2024-2025', "'0001", 'да', '', 'нет']);
    h.project.call('menuRecompute');
    expect(h.values(SHEETS.registryHistory).slice(1)[0]).toEqual([
      '2024-2025',
      '0001',
      'да',
      '',
      'нет',
    ]);
  });
});
