/**
 * `runReminders`, the daily trigger at the send hour: reminders due today to active,
 * not-exempt schools without an accepted response, each with its own pre-filled link and
 * the days left; then the mailing job sends within the quota (the rest waits in the outbox,
 * and «Журнал» says so); then a digest to the inspectors whose figures are the ledger's.
 */
import { REMINDERS, type DigestFacts } from '../../core/messages';
import { dayOffset, dueStep, reminderPlan } from '../../core/reminders';
import { settingText } from '../../core/settings';
import type { Ports } from '../../ports';
import { readRegistry, readSettingsSheet } from '../../sheets/workbook';
import { startJob, MAILING_JOB_CODE } from '../jobs';
import { journal } from '../journal';
import { schoolLinks } from '../links';
import { queueMails, readOutboxEntries, sendOrQueue, type OutgoingMail } from '../mail';
import { rejectedAndHeld } from '../report';
import { checkTriggers, recordRun, REMINDERS_HANDLER, type TriggerReport } from '../triggers';
import { pastOf, readLedger, reminderKey, respondedSchools, type LedgerRow } from './ledger';

export interface ReminderDigest extends Omit<DigestFacts, 'triggers'> {
  triggers: TriggerReport;
}

export function runReminders(ports: Ports, triggerId?: string): ReminderDigest | null {
  const { settings } = readSettingsSheet(ports.sheets);
  const period = settingText(settings, 'period');
  const plan = reminderPlan(settings);
  if (!plan || !period) {
    journal(ports, REMINDERS.journalEvent, REMINDERS.notConfigured);
    recordRun(ports, REMINDERS_HANDLER, REMINDERS.notConfigured, triggerId);
    return null;
  }
  // «Today» is a day of the deadline's calendar, the spreadsheet's zone: the deadline is the
  // day the inspector typed there, so days left count the days the municipality lives by.
  const day = (date: Date) => ports.sheets.calendarDate(date);
  const today = dayOffset(plan, day(ports.clock.now()));
  const { schools } = readRegistry(ports.sheets);
  const active = schools.filter((s) => s.active);
  const responded = respondedSchools(ports, period);
  const ledger = readLedger(readOutboxEntries(ports), period, plan, day);

  const due = active.filter(
    (s) =>
      !s.no_reminders &&
      !responded.has(s.school_id) &&
      s.email !== '' &&
      dueStep(plan, today, pastOf(ledger.get(s.school_id))) !== null,
  );
  const links = new Map(schoolLinks(ports, due, settings).map((l) => [l.school.school_id, l.url]));
  const mails: OutgoingMail[] = due.map((s) => {
    const step = dueStep(plan, today, pastOf(ledger.get(s.school_id))) as string;
    return {
      key: reminderKey(s.school_id, period, step),
      to: s.email,
      subject: REMINDERS.subject(period, -today),
      body: REMINDERS.body(s.name, period, links.get(s.school_id) ?? '', plan.deadline, -today),
    };
  });
  const inspectors = settingText(settings, 'inspector_emails')
    .split(/[,;\s]+/)
    .filter((x) => x !== '');
  const made = queueMails(ports, mails);
  // The quota left after the reminders keeps one message per inspector for the digest.
  startJob(ports, MAILING_JOB_CODE, { reserve: String(inspectors.length) });

  const after = readLedger(readOutboxEntries(ports), period, plan, day);
  const rows: LedgerRow[] = [...after.values()].flat();
  const count = (state: LedgerRow['state']) => rows.filter((r) => r.state === state).length;
  const { rejected, held } = rejectedAndHeld(ports, period);
  const digest: ReminderDigest = {
    period,
    deadline: plan.deadline,
    daysLeft: -today,
    schools: active.length,
    responded: active.filter((s) => responded.has(s.school_id)).length,
    notResponded: active.filter((s) => !responded.has(s.school_id)).map((s) => s.name),
    held: held.length,
    rejected: rejected.length,
    exempt: active.filter((s) => s.no_reminders && !responded.has(s.school_id)).length,
    withoutEmail: active.filter((s) => s.email === '' && !responded.has(s.school_id)).length,
    madeToday: made,
    sent: count('sent'),
    queued: count('queued'),
    refused: count('refused'),
    cancelled: count('cancelled'),
    quotaLeft: ports.mailer.remainingQuota(),
    triggers: checkTriggers(ports, { repair: false }),
  };
  const line = REMINDERS.journalLine(digest);
  journal(ports, REMINDERS.journalEvent, line);
  const date = day(ports.clock.now());
  const known = new Set(readOutboxEntries(ports).map((e) => e.key));
  for (const to of inspectors) {
    if (known.has(`digest|${period}|${date}|${to}`)) continue;
    sendOrQueue(ports, {
      key: `digest|${period}|${date}|${to}`,
      to,
      subject: REMINDERS.digestSubject(period, digest.responded, digest.schools),
      body: REMINDERS.digestBody(digest),
    });
  }
  recordRun(ports, REMINDERS_HANDLER, line, triggerId);
  return digest;
}
