/**
 * Where real Google differs from what the emulator used to do (issue 9): each case is modelled
 * by the emulator, and the product is shown to cope with it.
 */
import { FORM_ID_KEY, RESPONSES_SHEET_KEY, SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers } from './harness';

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
    h.ss.getSheets().find((s) => s.getSheetId() === id)!.setName('Ответы школ');
    props.deleteProperty(RESPONSES_SHEET_KEY);
    h.project.call('menuReconcile');
    expect(h.values(SHEETS.data).slice(1).map((r) => r[0])).toEqual(['0001']);
  });
});
