/**
 * Revision 2 on a spreadsheet that already holds data: «Данные» made with the old header (no
 * rev-2 columns) keeps every earlier row mapped when the updated code accepts a new response,
 * even before anyone re-runs setup; re-running setup names the exam year in the form.
 */
import { RULES_REV1 } from '../core/fixtures/rulesRev1';
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

  it('upgrades untouched rev-1 rules, keeps an edited one and says so in «Журнал»', () => {
    const h = makeHarness(1);
    const sheet = h.ss.getSheetByName(SHEETS.rules)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    // The sheet as revision 1 seeded it, with R05's threshold edited by the inspector.
    const rows = RULES_REV1.map((r) => [
      r.rule_id,
      r.code,
      r.operator,
      r.rule_id === 'R05' ? '0.25' : r.threshold,
      r.addressee,
      r.text,
      r.applies_to,
    ]);
    sheet.clear();
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    sheet.getRange(2, 1, rows.length, 7).setValues(rows);
    h.google.PropertiesService.getDocumentProperties().deleteProperty('rules.revision');

    h.project.call('menuRecompute');
    const after = h.values(SHEETS.rules).slice(1);
    const byId = new Map(after.map((r) => [String(r[0]), r]));
    expect(byId.get('R13')?.[1]).toBe('vpr_inflation'); // untouched: the rev-2 default
    expect(String(byId.get('R05')?.[3])).toBe('0.25'); // edited: kept
    expect([...byId.keys()].slice(-4)).toEqual(['R17', 'R18', 'R19', 'R20']);
    const log = h
      .values(SHEETS.journal)
      .filter((r) => r[1] === 'Правила обновлены до редакции 2 методики');
    expect(log).toHaveLength(1);
    expect(String(log[0][2])).toContain('изменены вручную (сравните с новой редакцией): R05');

    // Once: a second recompute changes nothing and logs nothing more.
    h.project.call('menuRecompute');
    expect(h.values(SHEETS.rules).slice(1)).toEqual(after);
  });
});
