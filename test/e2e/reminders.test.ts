/**
 * Reminders on the emulator's clock: a simulated month of a municipality with 250 schools and
 * a consumer account's mail quota (100 recipients a day), schools answering over time.
 */
import { SHEETS } from '../../src/sheets/schema';
import { parseReminderKey, ledgerState } from '../../src/usecases/reminders/ledger';
import { makeHarness, schoolId, validAnswers, type Harness } from './harness';

type Mail = { to: string; subject: string; body: string; sentAt: Date };
const outbox = (h: Harness): Mail[] =>
  (h.google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();
const script = (h: Harness) =>
  h.google.ScriptApp as unknown as {
    __runTimeTriggersUntil(until: Date | number): Array<{ handler: string; error?: string }>;
  };
const DAY = 86_400_000;
const INSPECTOR = 'inspector@example.org';

function setSetting(h: Harness, code: string, value: string | number | boolean): void {
  const sheet = h.ss.getSheetByName(SHEETS.settings)!;
  const rows = sheet.getDataRange().getValues();
  const r = rows.findIndex((row) => row[0] === code);
  if (r < 0) throw new Error(`no setting ${code}`);
  sheet.getRange(r + 1, 3).setValue(value);
}

function setRegistry(h: Harness, school: number, column: number, value: string): void {
  h.ss
    .getSheetByName(SHEETS.registry)!
    .getRange(school + 1, column)
    .setValue(value);
}

function ledger(h: Harness) {
  return h
    .values(SHEETS.outbox)
    .slice(1)
    .map((r) => ({
      key: parseReminderKey(String(r[0])),
      to: String(r[2]),
      body: String(r[4]),
      state: r[5],
    }))
    .filter((r) => r.key !== null)
    .map((r) => ({ ...r.key!, to: r.to, body: r.body, state: ledgerState(r.state as never) }));
}

function handlerCounts(h: Harness): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of h.google.ScriptApp.getProjectTriggers())
    out[t.getHandlerFunction()] = (out[t.getHandlerFunction()] ?? 0) + 1;
  return out;
}

describe('reminders', () => {
  it('reminders go once per step, only to active, not-exempt schools without an answer', () => {
    const h = makeHarness(5, { clockStart: '2026-04-01T07:00:00+03:00', inactive: [5] });
    setSetting(h, 'deadline', '08.04.2026');
    setSetting(h, 'inspector_emails', INSPECTOR);
    setRegistry(h, 4, 9, 'да');
    h.project.call('menuSetup');
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.project.call('runReminders');
    h.project.call('runReminders');
    const rows = ledger(h);
    expect(rows.map((r) => `${r.school}:${r.step}`).sort()).toEqual(['0002:b7', '0003:b7']);
    const mail = outbox(h).find((m) => m.to === 'school0002@example.edu.ru')!;
    expect(mail.subject).toContain('до срока 7 дней');
    expect(mail.body).toContain(h.codeOf('0002'));
    expect(mail.body).toContain('08.04.2026');
    const digests = outbox(h).filter((m) => m.to === INSPECTOR);
    expect(digests).toHaveLength(1);
    expect(digests[0].body).toContain('Ответили: 1 из 4.');
    expect(digests[0].body).toMatch(/всего за период отправлено 2, в очереди 0/);
    expect(handlerCounts(h).runReminders).toBe(1);
  });

  it('reminders: setup repairs a duplicate trigger and never passes 20', () => {
    const h = makeHarness(2);
    for (let i = 0; i < 3; i++)
      h.google.ScriptApp.newTrigger('runReminders').timeBased().everyDays(1).atHour(9).create();
    h.project.call('menuSetup');
    expect(handlerCounts(h).runReminders).toBe(1);
    expect(handlerCounts(h).onFormSubmit).toBe(1);
    expect(
      h
        .values(SHEETS.journal)
        .map((r) => String(r[2]))
        .join('\n'),
    ).toMatch(/ежедневные напоминания.*исправлено/);
  });
});

describe('month', () => {
  it('month of reminders: 250 schools, quota 100, answers over time, an exempt and a refused address', () => {
    const start = Date.parse('2026-04-01T07:00:00+03:00');
    const h = makeHarness(250, { clockStart: start, mailDailyQuota: 100 });
    setSetting(h, 'deadline', '11.04.2026');
    setSetting(h, 'reminder_days_before', '7, 1');
    setSetting(h, 'reminder_days_after', 3);
    setSetting(h, 'reminder_max', 4);
    setSetting(h, 'inspector_emails', INSPECTOR);
    const EXEMPT = 7;
    const REFUSED = 13;
    setRegistry(h, EXEMPT, 9, 'да');
    setRegistry(h, REFUSED, 5, 'dir:ector@school13.ru');
    h.project.call('menuSetup');
    // School i answers on day i % 25 (counted from 1 April) unless i % 5 === 0: those never do.
    const answersOn = (i: number) => (i % 5 === 0 ? null : i % 25);
    const answeredAt = new Map<string, number>();
    const digestMismatches: string[] = [];
    let maxTriggers = 0;
    for (let day = 0; day < 30; day++) {
      const noon = start + day * DAY + 5 * 3600_000;
      script(h).__runTimeTriggersUntil(noon - 1);
      for (let i = 1; i <= 250; i++) {
        if (answersOn(i) !== day) continue;
        h.submit(validAnswers(i, { access_code: h.codeOf(schoolId(i)) }));
        answeredAt.set(schoolId(i), h.google.runtime.clock.nowMs());
      }
      // The digest of the day says what the ledger held when it was written.
      const rows = ledger(h);
      const digest = h
        .values(SHEETS.outbox)
        .filter(
          (r) =>
            String(r[0]).startsWith('digest|') &&
            String(r[0]).includes(new Date(noon).toISOString().slice(0, 10)),
        );
      if (digest.length === 1) {
        const m = /отправлено (\d+), в очереди (\d+), адрес отклонён (\d+)/.exec(
          String(digest[0][4]),
        );
        const sentNow = rows.filter((r) => r.state === 'sent').length;
        if (!m || Number(m[3]) !== rows.filter((r) => r.state === 'refused').length)
          digestMismatches.push(`day ${day}: refused`);
        // Sent + queued at the digest's time is every reminder made so far but the refused
        // and cancelled; continueMailing can only have sent more since.
        if (m && Number(m[1]) > sentNow)
          digestMismatches.push(`day ${day}: sent ${m[1]} > ${sentNow}`);
      }
      const counts = handlerCounts(h);
      maxTriggers = Math.max(maxTriggers, h.google.ScriptApp.getProjectTriggers().length);
      for (const [handler, n] of Object.entries(counts))
        if (n > 1) digestMismatches.push(`day ${day}: ${n} × ${handler}`);
    }
    const errors = (h.executions() as Array<{ error?: string }>).filter((e) => e.error);
    expect(errors).toEqual([]);
    expect(digestMismatches).toEqual([]);
    expect(maxTriggers).toBeLessThanOrEqual(20);

    const rows = ledger(h);
    const mails = outbox(h).filter((m) => m.to !== INSPECTOR);
    // Nothing twice: one ledger row per school × step, one delivered mail per sent row.
    const keys = rows.map((r) => `${r.school}|${r.step}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(mails.length).toBe(rows.filter((r) => r.state === 'sent').length);
    // None after the school answered.
    for (const m of mails) {
      const id = /school(\d{4})@/.exec(m.to)?.[1] ?? '';
      const at = answeredAt.get(id);
      if (at !== undefined) expect(m.sentAt.getTime()).toBeLessThan(at);
    }
    // The exempt school gets nothing; the refused address is marked, never retried.
    expect(rows.filter((r) => r.school === schoolId(EXEMPT))).toEqual([]);
    const refused = rows.filter((r) => r.school === schoolId(REFUSED));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.state === 'refused')).toBe(true);
    // Every school that never answers gets each step of the plan exactly once, eventually.
    for (let i = 5; i <= 250; i += 5) {
      if (i === EXEMPT || i === REFUSED) continue;
      const steps = rows.filter((r) => r.school === schoolId(i));
      expect(steps.map((r) => r.step)).toEqual(['b7', 'b1', 'd0', 'a3']);
      expect(steps.every((r) => r.state === 'sent')).toBe(true);
    }
    // What the month counted (reported in the note).
    const firstReached = new Map<string, number>();
    for (const m of mails) {
      const id = /school(\d{4})@/.exec(m.to)?.[1] ?? '';
      if (!firstReached.has(id)) firstReached.set(id, m.sentAt.getTime());
    }
    const b7 = Date.parse('2026-04-04T00:00:00+03:00');
    const reachedDays = Math.ceil((Math.max(...firstReached.values()) - b7) / DAY);
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    console.log(
      `month: reminders ${rows.length}: sent ${count('sent')}, queued ${count('queued')}, ` +
        `refused ${count('refused')}, cancelled ${count('cancelled')}; schools reached ` +
        `${firstReached.size}; every school reached within ${reachedDays} days of the first reminder day`,
    );
  });
});
