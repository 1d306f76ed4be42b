/**
 * Emulated MailApp: nothing leaves the machine; messages go to an inspectable outbox. The daily
 * quota counts recipients (to + cc + bcc), as Google does, and turns over at midnight in the
 * runtime's time zone by the virtual clock.
 */
import type { Runtime } from '../runtime';
import { readBlobSource } from './blob';
import { dayKey } from './date-format';
import { gasError } from './gas';

/** Google's per-message cap on recipients (to + cc + bcc). */
export const MAIL_MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_SUBJECT_LIMIT_CHARS = 250;

export interface SentAttachment {
  name: string | null;
  contentType: string | null;
  bytes: Uint8Array;
}

/** One sent message as the outbox keeps it (non-Google). */
export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  attachments: SentAttachment[];
  /** Every address counted against the quota, in order: to, cc, bcc. */
  recipients: string[];
  sentAt: Date;
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** "a@x.org, Name <b@y.org>" -> ['a@x.org', 'b@y.org']; throws Google's error on a bad one. */
function parseAddresses(list: string | undefined): string[] {
  if (!list) return [];
  const out: string[] = [];
  for (const raw of String(list).split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const angled = /<([^>]*)>\s*$/.exec(part);
    const address = (angled ? angled[1] : part).trim();
    if (!ADDRESS.test(address)) throw gasError(`Invalid email: ${part}`);
    out.push(address);
  }
  return out;
}

export class EmulatedMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'getRemainingDailyQuota' | 'sendEmail'
> {
  private readonly outbox: SentMail[] = [];
  private readonly usedByDay = new Map<string, number>();

  constructor(private readonly rt: Runtime) {}

  private today(): string {
    return dayKey(this.rt.clock.now(), this.rt.timeZone);
  }

  getRemainingDailyQuota(): number {
    this.rt.record('MailApp', 'MailApp.getRemainingDailyQuota');
    return Math.max(0, this.rt.mailDailyQuota - (this.usedByDay.get(this.today()) ?? 0));
  }

  sendEmail(
    first: string | GoogleAppsScript.Mail.MailAdvancedParameters,
    second?: string,
    third?: string,
    fourth?: string | GoogleAppsScript.Mail.MailAdvancedParameters,
  ): void {
    this.rt.assertWritable('MailApp.sendEmail');
    this.rt.record('MailApp', 'MailApp.sendEmail');
    const message = normalise(first, second, third, fourth);

    const recipients = [
      ...parseAddresses(message.to),
      ...parseAddresses(message.cc),
      ...parseAddresses(message.bcc),
    ];
    if (message.replyTo) parseAddresses(message.replyTo);
    if (recipients.length === 0) throw gasError('Failed to send email: no recipient');
    if (recipients.length > MAIL_MAX_RECIPIENTS_PER_MESSAGE) {
      throw gasError('Limit Exceeded: Email Recipients Per Message.');
    }
    const subject = message.subject ?? '';
    if (subject.length > MAIL_SUBJECT_LIMIT_CHARS) throw gasError('Argument too large: subject');

    const day = this.today();
    const used = this.usedByDay.get(day) ?? 0;
    if (used + recipients.length > this.rt.mailDailyQuota) {
      throw gasError('Service invoked too many times for one day: email.');
    }
    this.usedByDay.set(day, used + recipients.length);

    this.outbox.push({
      to: message.to ?? '',
      cc: message.cc ?? '',
      bcc: message.bcc ?? '',
      replyTo: message.replyTo ?? '',
      name: message.name ?? '',
      subject,
      body: message.body ?? '',
      htmlBody: message.htmlBody ?? '',
      attachments: (message.attachments ?? []).map((a) => {
        const { bytes, contentType, name } = readBlobSource(a);
        return { bytes, contentType, name };
      }),
      recipients,
      sentAt: this.rt.clock.now(),
    });
  }

  /** Non-Google: copies of the messages sent so far, oldest first. */
  __outbox(): SentMail[] {
    return this.outbox.map((m) => ({
      ...m,
      recipients: [...m.recipients],
      attachments: [...m.attachments],
      sentAt: new Date(m.sentAt.getTime()),
    }));
  }

  /** Non-Google: empties the outbox (the quota already spent stays spent). */
  __clearOutbox(): void {
    this.outbox.length = 0;
  }
}

/** Folds the four call forms of sendEmail into one message. */
function normalise(
  first: string | GoogleAppsScript.Mail.MailAdvancedParameters,
  second?: string,
  third?: string,
  fourth?: string | GoogleAppsScript.Mail.MailAdvancedParameters,
): GoogleAppsScript.Mail.MailAdvancedParameters {
  if (typeof first === 'object' && first !== null) return { ...first };
  if (typeof fourth === 'string') {
    // sendEmail(to, replyTo, subject, body)
    return { to: first, replyTo: second, subject: third, body: fourth };
  }
  return { ...(fourth ?? {}), to: first, subject: second, body: third };
}

export function createMailApp(rt: Runtime): EmulatedMailApp {
  return new EmulatedMailApp(rt);
}
