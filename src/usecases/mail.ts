/**
 * Every e-mail goes through the sheet «Исходящие письма»: sent at once while the daily quota
 * lasts, otherwise queued there, and sent by a daily trigger when the quota is back. A message
 * has a key (e.g. `link|0001|2025-2026`): a key already in the sheet is never queued again, so
 * nothing is sent twice, and nothing queued is dropped.
 */
import { COLUMNS, JOURNAL, SHEETS } from '../core/messages';
import type { Cell, MailMessage, Ports } from '../ports';
import { journal } from './journal';

export const CONTINUE_MAILING_HANDLER = 'continueMailing';
const MAIL_HOUR = 8;

export interface OutgoingMail extends MailMessage {
  key: string;
}

interface OutboxRow {
  key: string;
  created: Cell;
  message: MailMessage;
  sent: Cell;
}

function readOutbox(ports: Pick<Ports, 'sheets'>): OutboxRow[] {
  return ports.sheets
    .read(SHEETS.outbox)
    .slice(1)
    .map((r) => ({
      key: String(r[0] ?? ''),
      created: r[1] ?? '',
      message: { to: String(r[2] ?? ''), subject: String(r[3] ?? ''), body: String(r[4] ?? '') },
      sent: r[5] ?? '',
    }));
}

function sendWithinQuota(ports: Ports, message: MailMessage): boolean {
  if (ports.mailer.remainingQuota() <= 0) return false;
  try {
    ports.mailer.send(message);
    return true;
  } catch (error) {
    // The quota can run out between the check and the send: the message stays queued.
    journal(ports, JOURNAL.mail, JOURNAL.mailFailed(message.to, String(error)));
    return false;
  }
}

/** One message (a respondent's notice): sent now, or queued. One append either way. */
export function sendOrQueue(ports: Ports, mail: OutgoingMail): boolean {
  const sent = sendWithinQuota(ports, mail);
  ports.sheets.ensure(SHEETS.outbox, COLUMNS.outbox, { frozenRows: 1 });
  ports.sheets.append(SHEETS.outbox, [
    [mail.key, ports.clock.now(), mail.to, mail.subject, mail.body, sent ? ports.clock.now() : ''],
  ]);
  if (!sent) ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  return sent;
}

/**
 * Queues the messages whose keys are new, then sends what is queued while the quota lasts.
 * One read and one write of the outbox sheet.
 */
export function queueAndSend(
  ports: Ports,
  mails: readonly OutgoingMail[],
): { sent: number; queued: number } {
  ports.sheets.ensure(SHEETS.outbox, COLUMNS.outbox, { frozenRows: 1 });
  const rows = readOutbox(ports);
  const known = new Set(rows.map((r) => r.key));
  for (const mail of mails) {
    if (known.has(mail.key)) continue;
    known.add(mail.key);
    rows.push({ key: mail.key, created: ports.clock.now(), message: mail, sent: '' });
  }
  let sent = 0;
  try {
    for (const row of rows) {
      if (row.sent !== '') continue;
      if (!sendWithinQuota(ports, row.message)) break;
      row.sent = ports.clock.now();
      sent += 1;
    }
  } finally {
    // Written even if sending failed midway: what went out is marked and never sent again.
    ports.sheets.replace(SHEETS.outbox, [
      COLUMNS.outbox.slice(),
      ...rows.map((r) => [
        r.key,
        r.created,
        r.message.to,
        r.message.subject,
        r.message.body,
        r.sent,
      ]),
    ]);
  }
  const queued = rows.filter((r) => r.sent === '').length;
  if (queued > 0) ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  else ports.triggers.remove(CONTINUE_MAILING_HANDLER);
  return { sent, queued };
}
