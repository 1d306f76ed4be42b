/**
 * Data collection through the built bundle on the emulator: personal links and access codes,
 * held and rejected responses, messages to respondents within the mail quota, reconcile.
 */
import { INTAKE_STATE } from '../../src/core/words';
import { REJECTED_SHEET, SCHOOL_ITEM_KEY, SHEETS } from '../../src/sheets/schema';
import { makeHarness, PERIOD, schoolId, validAnswers } from './harness';

type Outbox = Array<{ to: string[] | string; subject: string; body: string }>;
const outbox = (h: ReturnType<typeof makeHarness>): Outbox =>
  (h.google.MailApp as unknown as { __outbox(): Outbox }).__outbox();
const recipients = (m: Outbox[number]) => (Array.isArray(m.to) ? m.to : [m.to]).join(',');

describe('personal links and access codes', () => {
  it('lists every active school with its own code and a link that pre-fills school, period and code', () => {
    const h = makeHarness(5, { inactive: [5] });
    const links = h.records(SHEETS.links);
    expect(links.map((r) => r.school_id)).toEqual(['0001', '0002', '0003', '0004']);
    const codes = links.map((r) => String(r.access_code));
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) expect(code).toMatch(/^[2-9A-Z]{8}$/);
    const link = decodeURIComponent(h.linkOf('0002'));
    expect(link).toContain('0002 — Школа № 2');
    expect(link).toContain(PERIOD);
    expect(link).toContain(h.codeOf('0002'));
    expect(link).not.toContain('SAMPLE');
  });

  it('keeps the codes when the list is refreshed, and they do not follow from the id', () => {
    const h = makeHarness(3);
    const before = h.codeOf('0001');
    h.project.call('menuSyncSchools');
    expect(h.codeOf('0001')).toBe(before);
    const other = makeHarness(3);
    expect(other.codeOf('0001')).not.toBe(before);
  });

  it("accepts a response sent by the school's link; holds one without a code or with another school's", () => {
    const h = makeHarness(3);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.submit(validAnswers(2));
    h.submit(validAnswers(3, { access_code: h.codeOf('0001') }));
    const data = h.records(SHEETS.data);
    expect(data.map((r) => r.school)).toEqual(['0001']);
    const held = h.records(SHEETS.rejected);
    expect(held.map((r) => [r.school_id, r.state])).toEqual([
      ['0002', INTAKE_STATE.show('held')],
      ['0003', INTAKE_STATE.show('held')],
    ]);
    expect(String(held[0].reasons)).toContain('Нет кода доступа');
    expect(String(held[1].reasons)).toContain(`Код доступа «${h.codeOf('0001')}» не совпадает`);
    // The summary lists them as held, not as rejected.
    const summary = JSON.parse(h.project.call<string>('summaryJson_', ''));
    expect(summary.held.map((x: { school_id: string }) => x.school_id)).toEqual(['0002', '0003']);
    expect(summary.held[0].reasons[0]).toContain('Нет кода доступа');
    expect(summary.rejected).toEqual([]);
  });

  it("when the form collects e-mails, holds a response from outside the school's address or domain", () => {
    const h = makeHarness(3);
    h.form.setCollectEmail(true);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }), 'director@example.edu.ru');
    h.submit(validAnswers(2, { access_code: h.codeOf('0002') }), 'someone@mail.example');
    expect(h.records(SHEETS.data).map((r) => r.school)).toEqual(['0001']);
    const held = h.records(SHEETS.rejected);
    expect(held.map((r) => r.school_id)).toEqual(['0002']);
    expect(String(held[0].reasons)).toContain('someone@mail.example');
  });

  it('lets the inspector accept or reject a held response from the sheet', () => {
    const h = makeHarness(3);
    h.submit(validAnswers(2));
    h.submit(validAnswers(3));
    const sheet = h.ss.getSheetByName(SHEETS.rejected)!;
    const decision = REJECTED_SHEET.columns.findIndex((c) => c.code === 'decision') + 1;
    sheet.getRange(2, decision).setValue('принять');
    sheet.getRange(3, decision).setValue('отклонить');
    h.project.call('menuReconcile');
    expect(h.records(SHEETS.data).map((r) => r.school)).toEqual(['0002']);
    const states = h.records(SHEETS.rejected).map((r) => [r.school_id, r.state]);
    expect(states).toEqual([
      ['0002', INTAKE_STATE.show('accepted_by_inspector')],
      ['0003', INTAKE_STATE.show('rejected_by_inspector')],
    ]);
  });
});

describe('messages to respondents and schools, within the mail quota', () => {
  it('tells the respondent what to fix, with the edit link, in plain text', () => {
    const h = makeHarness(2);
    h.submit(
      validAnswers(1, {
        access_code: h.codeOf('0001'),
        teachers_diagnosed: '40',
        comment: '<b>=1+1</b>',
      }),
    );
    const mails = outbox(h);
    expect(mails).toHaveLength(1);
    expect(recipients(mails[0])).toBe('school0001@example.edu.ru');
    expect(mails[0].body).toMatch(/\(40\) больше, чем .*\(20\)/);
    expect(mails[0].body).toMatch(/Исправьте ответ по ссылке: https:\/\/\S+edit/);
    expect((mails[0] as { htmlBody?: string }).htmlBody ?? '').toBe('');
  });

  it('finds the edit link when the kept school question id is gone or was never kept', () => {
    for (const kept of ['987654321', null]) {
      const h = makeHarness(2);
      const props = h.google.PropertiesService.getDocumentProperties();
      expect(props.getProperty(SCHOOL_ITEM_KEY)).toMatch(/^\d+$/); // setup kept it
      if (kept === null) props.deleteProperty(SCHOOL_ITEM_KEY);
      else props.setProperty(SCHOOL_ITEM_KEY, kept);
      h.submit(validAnswers(1, { access_code: h.codeOf('0001'), teachers_diagnosed: '40' }));
      const mails = outbox(h);
      expect(mails).toHaveLength(1);
      expect(mails[0].body).toMatch(/Исправьте ответ по ссылке: https:\/\/\S+edit/);
    }
  });

  it("queues a respondent's notice over the day's quota (the send refused), and sends it the next day", () => {
    const h = makeHarness(3, { mailDailyQuota: 1 });
    const wrong = (i: number) =>
      validAnswers(i, { access_code: h.codeOf(schoolId(i)), teachers_diagnosed: '40' });
    h.submit(wrong(1));
    h.google.runtime.clock.advance(60_000);
    h.submit(wrong(2));
    expect(h.executions().filter((e) => e.error)).toEqual([]);
    expect(outbox(h).map(recipients)).toEqual(['school0001@example.edu.ru']);
    const queued = h.records(SHEETS.outbox);
    expect(queued.map((r) => [r.to, r.sent === ''])).toEqual([
      ['school0001@example.edu.ru', false],
      ['school0002@example.edu.ru', true],
    ]);
    expect(h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toContain(
      'continueMailing',
    );
    h.google.runtime.clock.advance(24 * 3600 * 1000);
    (h.google.ScriptApp as unknown as { __runDueTimeTriggers(): void }).__runDueTimeTriggers();
    expect(outbox(h).map(recipients)).toEqual([
      'school0001@example.edu.ru',
      'school0002@example.edu.ru',
    ]);
    expect(outbox(h)[1].body).toMatch(/Исправьте ответ по ссылке: https:\/\/\S+edit/);
  });

  it('queues what the quota does not allow, sends it the next day, never twice', () => {
    const h = makeHarness(8, { mailDailyQuota: 5 });
    const first = h.project.call<string>('menuSendLinks');
    expect(first).toContain('Отправлено писем: 5; в очереди: 3');
    expect(h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toContain(
      'continueMailing',
    );
    // Asking again the same day sends nothing twice and drops nothing.
    h.project.call('menuSendLinks');
    expect(outbox(h)).toHaveLength(5);
    // The next morning the daily trigger sends the rest.
    h.google.runtime.clock.advance(24 * 3600 * 1000);
    (h.google.ScriptApp as unknown as { __runDueTimeTriggers(): void }).__runDueTimeTriggers();
    const sentTo = outbox(h).map(recipients).sort();
    expect(sentTo).toEqual(
      Array.from({ length: 8 }, (_, k) => `school${schoolId(k + 1)}@example.edu.ru`),
    );
    expect(
      h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()),
    ).not.toContain('continueMailing');
    const body = outbox(h)[0].body;
    expect(body).toContain(h.codeOf('0001'));
  });
});

describe('what a respondent may type', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['a unit in a number', { students_total: '412 чел.' }, /«412 чел\.».*не число/],
    ['a negative number', { students_single_parent: '-3' }, /-3/],
    ['a fraction', { students_single_parent: '2,5' }, /2,5/],
    ['a part larger than its base', { teachers_diagnosed: '40' }, /\(40\) больше, чем .*\(20\)/],
    [
      'lowered + raised above participants',
      { vpr_rus5_participants: '10', vpr_rus5_lower: '6', vpr_rus5_higher: '5' },
      /10/,
    ],
    ['no number of students', { students_total: '' }, /[Оо]бучающихся/],
    ['a school not in the registry', { school_id: '0999' }, /0999/],
    ['an inactive school', { school_id: '0003' }, /0003|Школа № 3/],
  ];
  it.each(cases)('rejects %s with its own message', (_name, change, message) => {
    const h = makeHarness(3, { inactive: [3] });
    h.submit({ ...validAnswers(1, { access_code: h.codeOf('0001') }), ...change });
    const rejected = h.records(SHEETS.rejected);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].state).toBe(INTAKE_STATE.show('rejected'));
    expect(String(rejected[0].reasons)).toMatch(message);
    expect(h.values(SHEETS.data)).toHaveLength(1);
    expect(h.executions().filter((e) => e.error)).toEqual([]);
  });

  it('stores text that looks like a formula as text, and a 60,000-character answer shortened with a note', () => {
    const h = makeHarness(2);
    h.submit(
      validAnswers(1, { access_code: h.codeOf('0001'), respondent_name: '=IMPORTXML("http://x")' }),
    );
    h.submit(validAnswers(2, { access_code: h.codeOf('0002'), comment: 'а'.repeat(60_000) }));
    const data = h.ss.getSheetByName(SHEETS.data)!;
    const header = data.getRange(1, 1, 1, data.getLastColumn()).getValues()[0];
    const name = data.getRange(2, header.indexOf('respondent_name') + 1);
    expect(name.getValue()).toBe('=IMPORTXML("http://x")');
    expect(name.getFormula()).toBe('');
    const comment = String(data.getRange(3, header.indexOf('comment') + 1).getValue());
    expect(comment.length).toBeLessThan(50_000);
    expect(comment).toContain('текст сокращён');
  });
});
