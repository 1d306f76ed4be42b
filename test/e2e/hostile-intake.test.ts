/**
 * Hostile responses on the built bundle (issue 11, points 5 and 6): a huge value never
 * overflows a cell, and the «what to fix» e-mail never turns the add-on into a mail relay.
 */
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers } from './harness';

type Mail = { to: string | string[]; subject: string; body: string };
const outbox = (h: ReturnType<typeof makeHarness>) =>
  (h.google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();

const setSetting = (h: ReturnType<typeof makeHarness>, key: string, value: string) => {
  const sheet = h.ss.getSheetByName(SHEETS.settings)!;
  const row =
    sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === key) + 1;
  sheet.getRange(row, 3).setValue(value);
};

describe('5. a huge value', () => {
  it('is quoted short in the reason; no cell overflows; «Сверить ответы» still works', () => {
    const h = makeHarness(2);
    const huge = '9'.repeat(20_000) + 'x'.repeat(30_000);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001'), students_total: huge }));
    const failed = h.executions().filter((e) => e.error);
    expect(failed).toEqual([]);
    const rejected = h.values(SHEETS.rejected);
    expect(rejected).toHaveLength(2);
    const reasons = String(rejected[1][4]);
    expect(reasons.length).toBeLessThan(400);
    expect(reasons).toContain('…');
    for (const sheet of h.ss.getSheets())
      for (const row of sheet.getDataRange().getValues())
        for (const v of row) expect(String(v).length).toBeLessThanOrEqual(50_000);
    expect(() => h.project.call('menuReconcile')).not.toThrow();
  });
});

describe('6. the «what to fix» e-mail', () => {
  it('goes to the registry address, not to an address the submitter typed', () => {
    const h = makeHarness(2);
    h.submit(
      validAnswers(1, {
        respondent_email: 'victim@attacker.example.com',
        students_total: 'КУПИТЕ СЛОНА',
      }),
    );
    const mails = outbox(h);
    expect(mails.map((m) => m.to)).toEqual(['school0001@example.edu.ru']);
  });

  it('goes to the typed address only when the response passed the code check', () => {
    const h = makeHarness(2);
    h.submit(
      validAnswers(1, {
        access_code: h.codeOf('0001'),
        respondent_email: 'zam@school-one.ru',
        students_total: 'сто',
      }),
    );
    expect(
      outbox(h)
        .map((m) => m.to)
        .sort(),
    ).toEqual(['school0001@example.edu.ru', 'zam@school-one.ru'].sort());
  });

  it('never carries respondent text in its subject', () => {
    const h = makeHarness(2);
    h.submit(validAnswers(1, { period: 'СПАМ: выиграйте приз', students_total: 'x' }));
    const [mail] = outbox(h);
    expect(mail.subject).not.toContain('СПАМ');
    expect(mail.subject).not.toContain('приз');
  });

  it('a public mail domain is not the school’s domain', () => {
    const h = makeHarness(2);
    const registry = h.ss.getSheetByName(SHEETS.registry)!;
    registry.getRange(2, 5).setValue('school1@mail.ru');
    setSetting(h, 'access_code_check', 'нет');
    h.form.setCollectEmail(true);
    h.submit(validAnswers(1), 'attacker@mail.ru');
    expect(h.values(SHEETS.data)).toHaveLength(1);
    const held = h.values(SHEETS.rejected).slice(1);
    expect(held).toHaveLength(1);
    expect(String(held[0][4])).toContain('attacker@mail.ru');
  });
});
