/**
 * The mailing job: sends the outbox queue («Исходящие письма») in order while the day's quota
 * lasts. Each item is one queued message, found by its key; a message is marked before and
 * after its send, so a kill never sends it twice. When the quota is spent the job stops and
 * the daily `continueMailing` trigger starts it again tomorrow.
 */
import { JOBS_TEXT } from '../../core/messages';
import { settingText } from '../../core/settings';
import type { Ports } from '../../ports';
import { readSettingsSheet } from '../../sheets/workbook';
import {
  readOutboxEntries,
  sendEntry,
  settleInterrupted,
  settleMailingTrigger,
  unsentCount,
  type MailCanceller,
  type OutboxEntry,
} from '../mail';
import type { JobContext, JobDefinition } from './types';

export const MAILING_JOB_CODE = 'mailing';

/** Reasons not to send a queued message any more (e.g. a reminder to a school that answered). */
export type CancellerFactory = (ports: Ports, ctx: JobContext) => MailCanceller;

function outbox(ports: Ports, ctx: JobContext): Map<string, OutboxEntry> {
  return ctx.memo('mailing.outbox', () => {
    const entries = readOutboxEntries(ports);
    settleInterrupted(ports, entries);
    return new Map(entries.map((e) => [e.key, e]));
  });
}

export function mailingJob(cancellers: readonly CancellerFactory[] = []): JobDefinition {
  const cancel = (ports: Ports, ctx: JobContext): MailCanceller =>
    ctx.memo('mailing.cancel', () => {
      const list = cancellers.map((make) => make(ports, ctx));
      return (key: string) => {
        for (const c of list) {
          const reason = c(key);
          if (reason) return reason;
        }
        return null;
      };
    });
  return {
    code: MAILING_JOB_CODE,
    title: JOBS_TEXT.mailing,
    steps: [
      {
        code: 'send',
        title: JOBS_TEXT.mailingStep,
        items: (ports, ctx) =>
          [...outbox(ports, ctx).values()].filter((e) => e.sent === '').map((e) => e.key),
        run(ports, key, ctx) {
          const entry = outbox(ports, ctx).get(key);
          if (!entry) return;
          // A reserve keeps some of the day's quota (the inspectors' digest after reminders).
          const reserve = Number(ctx.params.reserve ?? 0) || 0;
          const quotaSpent = reserve > 0 && ports.mailer.remainingQuota() <= reserve;
          const replyTo = ctx.memo('mailing.replyTo', () =>
            settingText(readSettingsSheet(ports.sheets).settings, 'reply_to'),
          );
          const outcome = quotaSpent
            ? 'quota'
            : sendEntry(ports, entry, cancel(ports, ctx), replyTo || undefined);
          if (outcome === 'quota') {
            const waiting = [...outbox(ports, ctx).values()].filter((e) => e.sent === '').length;
            settleMailingTrigger(ports, waiting);
            return JOBS_TEXT.quotaStop(waiting);
          }
        },
      },
      {
        code: 'settle',
        title: JOBS_TEXT.mailingSettle,
        items: () => ['trigger'],
        run(ports) {
          settleMailingTrigger(ports, unsentCount(ports));
        },
      },
    ],
    summary: (ports, ctx) => {
      const entries = [...outbox(ports, ctx).values()];
      const started = ctx.startedAt.getTime();
      const sent = entries.filter((e) => e.sent instanceof Date && e.sent.getTime() >= started);
      return JOBS_TEXT.mailingSummary(sent.length, entries.filter((e) => e.sent === '').length);
    },
  };
}
