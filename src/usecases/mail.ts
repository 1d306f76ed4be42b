/**
 * Every e-mail goes through the sheet «Исходящие письма»: sent at once while the daily quota
 * lasts, otherwise queued there, and sent by a daily trigger when the quota is back. A message
 * has a key (e.g. `link|0001|2025-2026`): a key already in the sheet is never queued again, so
 * nothing is sent twice, and nothing queued is dropped.
 */
import { headerOf, OUTBOX_SHEET, readRecords, rowOf, SHEETS } from '../sheets/schema';
import { INTAKE, JOURNAL } from '../core/messages';
import type { Cell, MailMessage, Ports } from '../ports';
import { journal } from './journal';
import { ensureProductSheet } from '../sheets/product';

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
  return readRecords(OUTBOX_SHEET, ports.sheets.read(SHEETS.outbox)).map(({ record }) => ({
    key: String(record.key),
    created: record.created,
    message: { to: String(record.to), subject: String(record.subject), body: String(record.body) },
    sent: record.sent,
  }));
}

function outboxRow(row: OutboxRow): Cell[] {
  return rowOf(OUTBOX_SHEET, {
    key: row.key,
    created: row.created,
    to: row.message.to,
    subject: row.message.subject,
    body: row.message.body,
    sent: row.sent,
  });
}

/**
 * 'sent'; 'quota' when the day's quota is used up (the message waits); or the text of a
 * failure that waiting will not mend (an address the mail service refuses), which is marked
 * on the message so that it neither blocks the queue nor is retried.
 */
function sendWithinQuota(ports: Ports, message: MailMessage): 'sent' | 'quota' | string {
  if (ports.mailer.remainingQuota() <= 0) return 'quota';
  try {
    ports.mailer.send(message);
    return 'sent';
  } catch (error) {
    // The quota can also run out between the check and the send.
    if (ports.mailer.remainingQuota() <= 0) return 'quota';
    journal(ports, JOURNAL.mail, JOURNAL.mailFailed(message.to, String(error)));
    return INTAKE.mailFailedMark(String(error));
  }
}

/** One message (a respondent's notice): sent now, or queued. One append either way. */
export function sendOrQueue(ports: Ports, mail: OutgoingMail): boolean {
  const outcome = sendWithinQuota(ports, mail);
  ensureProductSheet(ports, 'outbox');
  const mark = outcome === 'sent' ? ports.clock.now() : outcome === 'quota' ? '' : outcome;
  ports.sheets.append(SHEETS.outbox, [
    outboxRow({ key: mail.key, created: ports.clock.now(), message: mail, sent: mark }),
  ]);
  if (outcome === 'quota') ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  return outcome === 'sent';
}

/**
 * Queues the messages whose keys are new, then sends what is queued while the quota lasts.
 * One read and one write of the outbox sheet.
 */
export function queueAndSend(
  ports: Ports,
  mails: readonly OutgoingMail[],
): { sent: number; queued: number } {
  // Under the lock: a submission appending a notice meanwhile must not be overwritten.
  const result = ports.lock.withLock(MAIL_LOCK_MS, () => queueAndSendLocked(ports, mails));
  if (!result.ok) throw new Error(INTAKE.mailBusy);
  return result.value;
}

const MAIL_LOCK_MS = 60_000;

function queueAndSendLocked(
  ports: Ports,
  mails: readonly OutgoingMail[],
): { sent: number; queued: number } {
  ensureProductSheet(ports, 'outbox');
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
      const outcome = sendWithinQuota(ports, row.message);
      if (outcome === 'quota') break;
      row.sent = outcome === 'sent' ? ports.clock.now() : outcome;
      if (outcome === 'sent') sent += 1;
    }
  } finally {
    // Written even if sending failed midway: what went out is marked and never sent again.
    ports.sheets.replace(SHEETS.outbox, [headerOf(OUTBOX_SHEET), ...rows.map(outboxRow)]);
  }
  const queued = rows.filter((r) => r.sent === '').length;
  if (queued > 0) ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  else ports.triggers.remove(CONTINUE_MAILING_HANDLER);
  return { sent, queued };
}
