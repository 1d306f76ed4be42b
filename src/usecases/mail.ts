/**
 * Every e-mail goes through the sheet «Исходящие письма»: queued there, and sent by the mailing
 * job (usecases/jobs/mailing.ts) while the daily quota lasts, the rest by a daily trigger when
 * the quota is back. A message has a key (e.g. `link|0001|2025-2026`): a key already in the
 * sheet is never queued again, so nothing is sent twice, and nothing queued is dropped. Each
 * send is marked before and after it, so a killed execution never sends a message twice.
 */
import { OUTBOX_SHEET, readRecords, rowOf, SHEETS } from '../sheets/schema';
import { INTAKE, JOBS_TEXT, JOURNAL } from '../core/messages';
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
 * on the message so that it neither blocks the queue nor is retried. `askFirst` false: the
 * quota is asked only when the send fails (the mail service refuses a message over it).
 */
function sendWithinQuota(
  ports: Ports,
  message: MailMessage,
  askFirst = true,
): 'sent' | 'quota' | string {
  if (askFirst && ports.mailer.remainingQuota() <= 0) return 'quota';
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

/**
 * One message (a respondent's notice): sent now, or queued. One append either way. The quota
 * is asked only if the send fails: a submission's call fewer while the quota lasts.
 */
export function sendOrQueue(ports: Ports, mail: OutgoingMail): boolean {
  const outcome = sendWithinQuota(ports, mail, false);
  // Found where the sheets' remembered order says: no look at its rows (a submission's call).
  if (ports.sheets.has?.(SHEETS.outbox) !== true) ensureProductSheet(ports, 'outbox');
  const mark = outcome === 'sent' ? ports.clock.now() : outcome === 'quota' ? '' : outcome;
  ports.sheets.append(SHEETS.outbox, [
    outboxRow({ key: mail.key, created: ports.clock.now(), message: mail, sent: mark }),
  ]);
  if (outcome === 'quota') ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  return outcome === 'sent';
}

const MAIL_LOCK_MS = 60_000;

/** Appends the messages whose keys the outbox does not hold yet; how many were new. */
export function queueMails(ports: Ports, mails: readonly OutgoingMail[]): number {
  if (mails.length === 0) return 0;
  // Under the lock: a submission appending a notice meanwhile must not be lost or doubled.
  const result = ports.lock.withLock(MAIL_LOCK_MS, () => {
    ensureProductSheet(ports, 'outbox');
    const known = new Set(readOutbox(ports).map((r) => r.key));
    const fresh: Cell[][] = [];
    for (const mail of mails) {
      if (known.has(mail.key)) continue;
      known.add(mail.key);
      fresh.push(outboxRow({ key: mail.key, created: ports.clock.now(), message: mail, sent: '' }));
    }
    if (fresh.length > 0) ports.sheets.append(SHEETS.outbox, fresh);
    return fresh.length;
  });
  if (!result.ok) throw new Error(INTAKE.mailBusy);
  return result.value;
}

export function unsentCount(ports: Pick<Ports, 'sheets'>): number {
  return readOutbox(ports).filter((r) => r.sent === '').length;
}

/** A message key -> a Russian reason not to send it any more (a reminder to a school that answered). */
export type MailCanceller = (key: string) => string | null;

/** An outbox row as the mailing job walks it: its sheet row number, key and state. */
export interface OutboxEntry extends OutboxRow {
  row: number;
}

/** The outbox rows, each with its sheet row (rows are only ever appended, so rows stay put). */
export function readOutboxEntries(ports: Pick<Ports, 'sheets'>): OutboxEntry[] {
  const table = ports.sheets.read(SHEETS.outbox);
  return readRecords(OUTBOX_SHEET, table).map(({ row, record }) => ({
    row,
    key: String(record.key),
    created: record.created,
    message: { to: String(record.to), subject: String(record.subject), body: String(record.body) },
    sent: record.sent,
  }));
}

/**
 * Marks rows a killed chunk left «отправляется»: the mail may have left, and Apps Script
 * cannot tell, so it is never sent again (at most once) and the journal says so.
 */
export function settleInterrupted(ports: Ports, entries: OutboxEntry[]): void {
  for (const e of entries) {
    if (e.sent !== JOBS_TEXT.mailSending) continue;
    e.sent = JOBS_TEXT.mailInterrupted;
    writeState(ports, e);
    journal(ports, JOURNAL.mail, JOBS_TEXT.mailInterruptedLine(e.message.to, e.key));
  }
}

function writeState(ports: Ports, e: OutboxEntry): void {
  ports.sheets.writeRow(SHEETS.outbox, e.row, outboxRow(e));
}

/**
 * Sends one queued row: 'sent'; 'skipped' (not queued any more, or cancelled); 'quota' when
 * the day's quota is spent (the row waits); 'failed' when the address is refused (marked).
 * The row is marked «отправляется» before the send and with the time after it, so a kill
 * between the two never leads to a second mail.
 */
export function sendEntry(
  ports: Ports,
  e: OutboxEntry,
  cancel?: MailCanceller,
  replyTo?: string,
): 'sent' | 'skipped' | 'quota' | 'failed' {
  if (e.sent !== '') return 'skipped';
  const reason = cancel?.(e.key) ?? null;
  if (reason) {
    e.sent = reason;
    writeState(ports, e);
    return 'skipped';
  }
  if (ports.mailer.remainingQuota() <= 0) return 'quota';
  e.sent = JOBS_TEXT.mailSending;
  writeState(ports, e);
  const outcome = sendWithinQuota(ports, replyTo ? { ...e.message, replyTo } : e.message);
  e.sent = outcome === 'sent' ? ports.clock.now() : outcome === 'quota' ? '' : outcome;
  writeState(ports, e);
  return outcome === 'sent' ? 'sent' : outcome === 'quota' ? 'quota' : 'failed';
}

/** After a mailing: the daily trigger stays while anything waits, and goes when nothing does. */
export function settleMailingTrigger(ports: Ports, waiting: number): void {
  if (waiting > 0) ports.triggers.ensureDaily(CONTINUE_MAILING_HANDLER, MAIL_HOUR);
  else ports.triggers.remove(CONTINUE_MAILING_HANDLER);
}
