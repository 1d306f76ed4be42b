/**
 * The reminder plan (domain spec §8): which reminder, if any, is due for a school today.
 * Steps are codes: `b7` (7 days before the deadline), `d0` (on the day), `a3`, `a6`, …
 * (every N days after). Pure: days are whole calendar days in the script's time zone.
 */
import {
  parseDateSetting,
  parseDayList,
  settingBool,
  settingNumber,
  settingText,
} from './settings';
import type { Settings } from './types';

export interface ReminderPlan {
  /** `YYYY-MM-DD`. */
  deadline: string;
  before: number[];
  onDeadline: boolean;
  everyAfter: number;
  max: number;
  minGap: number;
}

/** A reminder already made for a school: its step and the day (offset from the deadline). */
export interface PastReminder {
  step: string;
  day: number;
}

const DAY_MS = 86_400_000;

/** The plan from the settings; null when there is no deadline to remind of. */
export function reminderPlan(settings: Settings): ReminderPlan | null {
  const deadline = parseDateSetting(settingText(settings, 'deadline'));
  if (!deadline) return null;
  return {
    deadline,
    before: parseDayList(settingText(settings, 'reminder_days_before'), 0, 365) ?? [],
    onDeadline: settingBool(settings, 'reminder_on_deadline'),
    everyAfter: settingNumber(settings, 'reminder_days_after'),
    max: settingNumber(settings, 'reminder_max'),
    minGap: settingNumber(settings, 'reminder_min_gap'),
  };
}

/** Whole days from the deadline to `date` (`YYYY-MM-DD`): negative before it. */
export function dayOffset(plan: Pick<ReminderPlan, 'deadline'>, date: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${plan.deadline}T00:00:00Z`)) / DAY_MS,
  );
}

/** The day (offset from the deadline) of a step code; NaN for an unknown code. */
export function stepDay(step: string): number {
  const m = /^([bda])(\d+)$/.exec(step);
  if (!m) return NaN;
  const n = Number(m[2]);
  return m[1] === 'b' ? -n : m[1] === 'd' ? 0 : n;
}

function stepCode(day: number): string {
  return day < 0 ? `b${-day}` : day === 0 ? 'd0' : `a${day}`;
}

/** Every step whose day has come by `today`, in order (at most the latest few hundred). */
export function stepsUpTo(plan: ReminderPlan, today: number): string[] {
  const days: number[] = plan.before.filter((d) => d > 0).map((d) => -d);
  if (plan.onDeadline) days.push(0);
  if (plan.everyAfter > 0)
    for (let d = plan.everyAfter; d <= today; d += plan.everyAfter) days.push(d);
  return [...new Set(days)]
    .filter((d) => d <= today)
    .sort((a, b) => a - b)
    .map(stepCode);
}

/**
 * The step due today for a school that has not answered, or null. Only the latest step whose
 * day has come is ever due (a missed earlier one is not sent late as well); it waits until
 * `minGap` days have passed since the school's last reminder, and none is due once the
 * school has had `max`.
 */
export function dueStep(
  plan: ReminderPlan,
  today: number,
  past: readonly PastReminder[],
): string | null {
  if (past.length >= plan.max) return null;
  const steps = stepsUpTo(plan, today);
  const latest = steps[steps.length - 1];
  if (latest === undefined) return null;
  if (past.some((p) => p.step === latest)) return null;
  const last = Math.max(...past.map((p) => p.day));
  if (past.length > 0 && today - last < plan.minGap) return null;
  return latest;
}
