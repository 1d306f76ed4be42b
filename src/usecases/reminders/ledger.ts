/**
 * The reminder ledger is the outbox itself: one row per school × period × step, keyed
 * `remind|<school>|<period>|<step>`, appended once under the lock before anything is sent.
 * So nothing is sent twice across retries, crashes and re-installs (the sheet stays), and the
 * row's state says what became of it: sent, queued, refused, cancelled.
 */
import { INTAKE, JOBS_TEXT, REMINDERS } from '../../core/messages';
import type { PastReminder, ReminderPlan } from '../../core/reminders';
import { dayOffset } from '../../core/reminders';
import type { Cell, Ports } from '../../ports';
import { readData } from '../../sheets/workbook';
import type { OutboxEntry } from '../mail';

const PREFIX = 'remind|';

export function reminderKey(schoolId: string, period: string, step: string): string {
  return `${PREFIX}${schoolId}|${period}|${step}`;
}

export function parseReminderKey(
  key: string,
): { school: string; period: string; step: string } | null {
  if (!key.startsWith(PREFIX)) return null;
  const [school, period, step] = key.slice(PREFIX.length).split('|');
  return step === undefined ? null : { school, period, step };
}

export type LedgerState = 'sent' | 'queued' | 'refused' | 'cancelled' | 'interrupted';

export function ledgerState(cell: Cell): LedgerState {
  if (cell instanceof Date) return 'sent';
  if (cell === '') return 'queued';
  if (cell === REMINDERS.cancelledMark) return 'cancelled';
  if (cell === JOBS_TEXT.mailInterrupted || cell === JOBS_TEXT.mailSending) return 'interrupted';
  return String(cell).startsWith(INTAKE.mailFailedMark('').trim()) ? 'refused' : 'queued';
}

export interface LedgerRow {
  school: string;
  step: string;
  /** Day (offset from the deadline) it was made. */
  day: number;
  state: LedgerState;
  sentAt: Date | null;
}

/** The period's ledger rows by school. */
export function readLedger(
  entries: readonly OutboxEntry[],
  period: string,
  plan: ReminderPlan,
  /** The calendar day of an instant (the spreadsheet's zone, as the deadline's). */
  dayOf: (date: Date) => string,
): Map<string, LedgerRow[]> {
  const out = new Map<string, LedgerRow[]>();
  for (const e of entries) {
    const key = parseReminderKey(e.key);
    if (!key || key.period !== period) continue;
    const created = e.created instanceof Date ? e.created : new Date(String(e.created));
    const day = isNaN(created.getTime()) ? 0 : dayOffset(plan, dayOf(created));
    const list = out.get(key.school) ?? [];
    list.push({
      school: key.school,
      step: key.step,
      day,
      state: ledgerState(e.sent),
      sentAt: e.sent instanceof Date ? e.sent : null,
    });
    out.set(key.school, list);
  }
  return out;
}

export function pastOf(rows: readonly LedgerRow[] | undefined): PastReminder[] {
  return (rows ?? []).map((r) => ({ step: r.step, day: r.day }));
}

/** Schools with an accepted response for the period (one read of the lead columns). */
export function respondedSchools(ports: Pick<Ports, 'sheets'>, period: string): Set<string> {
  return new Set(
    readData(ports.sheets, true)
      .rows.filter((r) => r.data.period === period)
      .map((r) => r.data.school_id),
  );
}

/** For the mailing job: a queued reminder to a school that has answered since is not sent. */
export function reminderCanceller(ports: Ports): (key: string) => string | null {
  const answered = new Map<string, Set<string>>();
  return (key) => {
    const parsed = parseReminderKey(key);
    if (!parsed) return null;
    let set = answered.get(parsed.period);
    if (!set) {
      set = respondedSchools(ports, parsed.period);
      answered.set(parsed.period, set);
    }
    return set.has(parsed.school) ? REMINDERS.cancelledMark : null;
  };
}
