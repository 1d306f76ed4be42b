/**
 * Issue 9, point 7: the script's zone (Europe/Moscow, the manifest's) and the spreadsheet's
 * zone (File → Settings) differ. A date cell is a day of the spreadsheet's calendar, so the
 * product reads it in that zone; «today» for reminders is a day of the same calendar as the
 * deadline. The emulator runs the script's `Date` in the script's zone whatever the host's is
 * (run the suite with TZ=America/New_York or TZ=Asia/Tokyo: these tests must pass there too).
 */
import { SHEETS } from '../../src/sheets/schema';
import { documentTexts, makeHarness, validAnswers, type Harness } from './harness';

interface Mail {
  to: string;
  subject: string;
  body: string;
}

const outbox = (h: Harness) => (h.google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();

function setSetting(h: Harness, key: string, value: unknown): void {
  const settings = h.ss.getSheetByName(SHEETS.settings)!;
  const rows = settings.getDataRange().getValues();
  settings.getRange(rows.findIndex((r) => r[0] === key) + 1, 3).setValue(value);
}

describe('two time zones: the script in Moscow, the spreadsheet in its own', () => {
  it('a measure deadline typed in Asia/Krasnoyarsk stays that day in the report', () => {
    const h = makeHarness(2, { clockStart: '2026-06-10T10:00:00+03:00' });
    h.ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    for (const i of [1, 2]) h.submit(validAnswers(i, { access_code: h.codeOf(`000${i}`) }));
    // What Sheets keeps when 31.05.2026 is typed in Krasnoyarsk: its midnight there, which is
    // 30 May, 17:00 UTC and 20:00 in Moscow.
    const measures = h.ss.getSheetByName(SHEETS.measures)!;
    measures
      .getRange(2, 1, 1, 6)
      .setValues([
        [
          new Date('2026-05-20T00:00:00+07:00'),
          '0001 — Школа № 1',
          'Методический десант',
          'ММС',
          new Date('2026-05-31T00:00:00+07:00'),
          'выполнена',
        ],
      ]);
    h.project.call('menuRecompute');
    h.project.call('menuReport');
    const texts = documentTexts(h);
    const report = texts.find((t) => t.includes('Методический десант'));
    expect(report).toContain('Методический десант (выполнена, срок 31.05.2026)');
  });

  it('the sidebar shows the deadline typed in Krasnoyarsk as that day', () => {
    const h = makeHarness(1, { clockStart: '2026-05-24T07:00:00+03:00' });
    h.ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    setSetting(h, 'deadline', new Date('2026-05-31T00:00:00+07:00'));
    const status = h.project.call<{ deadline: string; fields: { code: string; value: string }[] }>(
      'sidebarStatus',
    );
    expect(status.deadline).toBe('31.05.2026');
    expect(status.fields.find((f) => f.code === 'deadline')?.value).toBe('31.05.2026');
  });

  it("counts the reminders' days on the spreadsheet's calendar: 01:30 on 1 June in Krasnoyarsk is the deadline day", () => {
    const h = makeHarness(1, { clockStart: '2026-05-24T07:00:00+03:00' });
    h.ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    setSetting(h, 'deadline', new Date('2026-06-01T00:00:00+07:00'));
    // 18:30 UTC on 31 May: 21:30 in Moscow (still 31 May there), 01:30 on 1 June in Krasnoyarsk.
    h.google.runtime.clock.set('2026-05-31T18:30:00Z');
    h.project.call('runReminders');
    const mail = outbox(h).find((m) => m.to === 'school0001@example.edu.ru')!;
    expect(mail.subject).toContain('сегодня последний день');
    expect(mail.body).toContain('Срок: 01.06.2026');
  });

  it('a daily trigger at 21:30 UTC on 31 May runs on 1 June, Moscow time, in a Moscow spreadsheet', () => {
    const h = makeHarness(1, { clockStart: '2026-05-24T07:00:00+03:00' });
    setSetting(h, 'deadline', new Date('2026-06-01T00:00:00+03:00'));
    h.google.ScriptApp.newTrigger('runReminders')
      .timeBased()
      .at(new Date('2026-05-31T21:30:00Z'))
      .create();
    // The daily trigger setup made runs too (25 May: a week before; 31 May, 9:00: a day before).
    h.google.ScriptApp.__runTimeTriggersUntil('2026-05-31T22:00:00Z');
    const mail = outbox(h)
      .filter((m) => m.to === 'school0001@example.edu.ru')
      .pop()!;
    expect(mail.subject).toContain('сегодня последний день');
    expect(mail.body).toContain('Срок: 01.06.2026');
  });
});
