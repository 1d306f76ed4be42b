/**
 * Edge cases found in review, each reproduced on the built bundle before its fix.
 */
import { INTAKE_STATE } from '../../src/core/words';
import { SHEETS } from '../../src/sheets/schema';
import { codeOfItem } from '../../src/adapters/gas/forms';
import { makeHarness, setSetting as setSettingIn, validAnswers } from './harness';

const schoolsIn = (h: ReturnType<typeof makeHarness>, sheet: string) =>
  h.records(sheet).map((r) => String(r.school));
const setSetting = (h: ReturnType<typeof makeHarness>, key: string, value: string) =>
  setSettingIn(h.ss.getSheetByName(SHEETS.settings)!, key, value);

describe('review fixes', () => {
  it('recreates a deleted «Данные» with its header before writing to it', () => {
    const h = makeHarness(2);
    h.ss.deleteSheet(h.ss.getSheetByName(SHEETS.data)!);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(h.values(SHEETS.data)[0].slice(0, 2)).toEqual(['Код ОО', 'Период']);
    expect(JSON.parse(h.project.call<string>('summaryJson_', '')).responded).toBe(1);
  });

  it('reconcile marks versions it accepts, so none stays listed as held', () => {
    const h = makeHarness(2);
    h.submit(validAnswers(1));
    setSetting(h, 'access_code_check', 'нет');
    h.project.call('menuReconcile');
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0001']);
    expect(h.records(SHEETS.rejected)[0].state).not.toBe(INTAKE_STATE.show('held'));
    expect(JSON.parse(h.project.call<string>('summaryJson_', '')).held).toEqual([]);
  });

  it('an address the mail service refuses does not block the others', () => {
    const h = makeHarness(3);
    const registry = h.ss.getSheetByName(SHEETS.registry)!;
    registry.getRange(2, 5).setValue('dir:ector@school.ru');
    h.project.call('menuSendLinks');
    type Mail = { to: string | string[] };
    const sent = (h.google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();
    expect(sent).toHaveLength(2);
  });

  it('sends links to schools added to the registry since the form was synced', () => {
    const h = makeHarness(2);
    const registry = h.ss.getSheetByName(SHEETS.registry)!;
    const rows = registry.getRange(2, 1, 2, 8).getValues();
    registry
      .getRange(2, 1, 3, 8)
      .setValues([
        ["'0003", 'Школа № 3', '', 'urban', 'school0003@example.edu.ru', 'нет', '', 'да'],
        ...rows.map((r) => [`'${r[0]}`, ...r.slice(1)]),
      ]);
    expect(() => h.project.call('menuSendLinks')).not.toThrow();
    expect(decodeURIComponent(h.linkOf('0003'))).toContain('0003 — Школа № 3');
  });

  it('an edit that changes the school moves the response, as reconcile would', () => {
    const h = makeHarness(2);
    const response = h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.google.runtime.clock.advance(60_000);
    h.edit(response, validAnswers(2, { access_code: h.codeOf('0002') }));
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0002']);
    h.project.call('menuReconcile');
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0002']);
  });

  it('keeps mapping answers after the inspector renames a question in the form', () => {
    const h = makeHarness(2);
    h.form
      .getItems()
      .find((i) => codeOfItem(i) === 'students_total')!
      .setTitle('Сколько всего учеников?');
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0001']);
  });

  it('reconcile does not wipe «Данные» when the responses sheet was renamed', () => {
    const h = makeHarness(2);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.ss.getSheetByName(SHEETS.responses)!.setName('Ответы 2025');
    h.project.call('menuReconcile');
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0001']);
  });

  it('a response without a period keeps the period it was accepted for after the period changes', () => {
    const h = makeHarness(2);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001'), period: '' }));
    setSetting(h, 'period', '2026-2027');
    h.project.call('menuReconcile');
    expect(h.records(SHEETS.data).map((r) => [r.school, r.reporting_period])).toEqual([
      ['0001', '2025-2026'],
    ]);
  });

  it('reads «Отклонено» by its headers: the inspector may move the decision column', () => {
    const h = makeHarness(3);
    h.submit(validAnswers(2));
    h.submit(validAnswers(3));
    // The inspector drags «Решение инспектора» to the front and types decisions in any case.
    const sheet = h.ss.getSheetByName(SHEETS.rejected)!;
    const table = sheet.getDataRange().getValues();
    const moved = table.map((r) => [r[r.length - 1], ...r.slice(0, -1)]);
    moved[1][0] = 'Принять';
    moved[2][0] = 'ОТКЛОНИТЬ';
    sheet.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
    h.project.call('menuReconcile');
    expect(schoolsIn(h, SHEETS.data)).toEqual(['0002']);
    expect(h.records(SHEETS.rejected).map((r) => [r.school_id, r.state, r.decision])).toEqual([
      ['0002', INTAKE_STATE.show('accepted_by_inspector'), 'принять'],
      ['0003', INTAKE_STATE.show('rejected_by_inspector'), 'отклонить'],
    ]);
  });
});
