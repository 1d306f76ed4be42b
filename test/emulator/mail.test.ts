import { Runtime, type RuntimeOptions } from '../../emulator/runtime';
import { createMailApp } from '../../emulator/services/mail';
import { EmulatedBlob } from '../../emulator/services/blob';

function setup(options: RuntimeOptions = {}) {
  const rt = new Runtime(options);
  return { rt, mail: createMailApp(rt) };
}

describe('MailApp.sendEmail', () => {
  test('the three-string form lands in the outbox with the virtual time', () => {
    const { rt, mail } = setup();
    mail.sendEmail('school1@example.org', 'Напоминание', 'Заполните форму до 15 сентября');
    expect(mail.__outbox()).toEqual([
      expect.objectContaining({
        to: 'school1@example.org',
        subject: 'Напоминание',
        body: 'Заполните форму до 15 сентября',
        htmlBody: '',
        recipients: ['school1@example.org'],
        sentAt: rt.clock.now(),
      }),
    ]);
  });

  test('the object form carries htmlBody, name, replyTo, cc, bcc and attachments', () => {
    const { mail } = setup();
    mail.sendEmail({
      to: 'a@example.org',
      cc: 'b@example.org',
      bcc: 'c@example.org',
      subject: 'Сводка',
      body: 'текст',
      htmlBody: '<b>текст</b>',
      name: 'Мониторинг ШНОР',
      replyTo: 'inspector@example.org',
      attachments: [
        new EmulatedBlob('x', 'text/plain', 'a.txt') as unknown as GoogleAppsScript.Base.BlobSource,
      ],
    });
    const [sent] = mail.__outbox();
    expect(sent).toMatchObject({
      htmlBody: '<b>текст</b>',
      name: 'Мониторинг ШНОР',
      replyTo: 'inspector@example.org',
    });
    expect(sent.recipients).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    expect(sent.attachments[0].name).toBe('a.txt');
  });

  test('four strings mean (to, replyTo, subject, body); options may add cc', () => {
    const { mail } = setup();
    mail.sendEmail('a@example.org', 'reply@example.org', 'Тема', 'Текст');
    mail.sendEmail('a@example.org', 'Тема 2', 'Текст 2', {
      cc: 'b@example.org',
      htmlBody: '<p>2</p>',
    });
    const [first, second] = mail.__outbox();
    expect(first).toMatchObject({ replyTo: 'reply@example.org', subject: 'Тема', body: 'Текст' });
    expect(second).toMatchObject({ cc: 'b@example.org', htmlBody: '<p>2</p>', subject: 'Тема 2' });
  });

  test("an invalid address fails with Google's message and nothing is sent", () => {
    const { mail } = setup();
    expect(() => mail.sendEmail('not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => mail.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow(
      'Failed to send email: no recipient',
    );
    expect(mail.__outbox()).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('custom functions may not send mail', () => {
    const { rt, mail } = setup();
    expect(() => rt.asCustomFunction(() => mail.sendEmail('a@example.org', 's', 'b'))).toThrow(
      /permission to call MailApp\.sendEmail/,
    );
  });
});

describe('MailApp daily quota', () => {
  test('counts recipients (to + cc + bcc), not messages', () => {
    const { mail } = setup({ mailDailyQuota: 10 });
    mail.sendEmail({
      to: 'a@example.org, b@example.org',
      cc: 'c@example.org',
      bcc: 'd@example.org',
      subject: 's',
      body: 'b',
    });
    expect(mail.getRemainingDailyQuota()).toBe(6);
  });

  test("a message that would exceed the quota throws Google's error and sends nothing", () => {
    const { mail } = setup({ mailDailyQuota: 3 });
    mail.sendEmail('a@example.org, b@example.org', 's', 'b');
    expect(() =>
      mail.sendEmail({ to: 'c@example.org', cc: 'd@example.org', subject: 's', body: 'b' }),
    ).toThrow('Service invoked too many times for one day: email.');
    expect(mail.__outbox()).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail('c@example.org', 's', 'b'); // one more still fits
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });

  test('the quota resets at midnight in the script time zone (Moscow), not at UTC midnight', () => {
    const { rt, mail } = setup({ mailDailyQuota: 1, clockStart: '2026-09-01T23:30:00+03:00' });
    mail.sendEmail('a@example.org', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    rt.clock.set('2026-09-02T00:10:00+03:00'); // still 1 September in UTC
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail('a@example.org', 's', 'b');
    expect(mail.__outbox()).toHaveLength(2);
  });

  test('in a UTC script the same instants are one day', () => {
    const { rt, mail } = setup({
      mailDailyQuota: 1,
      timeZone: 'UTC',
      clockStart: '2026-09-01T23:30:00+03:00',
    });
    mail.sendEmail('a@example.org', 's', 'b');
    rt.clock.set('2026-09-02T00:10:00+03:00');
    expect(mail.getRemainingDailyQuota()).toBe(0);
  });
});
