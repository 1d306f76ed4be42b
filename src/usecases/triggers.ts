/**
 * Trigger health: exactly one trigger per handler, owned by one user, never more than the 20
 * a user may have per script. `checkTriggers` reports (and with `repair` mends) duplicates,
 * missing triggers, a reminder trigger at the wrong hour, and triggers another user owns.
 * Setup calls it with `repair`; «Проверить установку» and the digest may call it to report.
 *
 * Apps Script lists only the current user's triggers. Another user's trigger is inferred:
 * the id of the trigger setup made is kept in document properties, and every run records
 * its trigger id; a recorded trigger that is not ours but ran lately is someone else's.
 */
import { TRIGGERS_TEXT } from '../core/messages';
import { settingNumber } from '../core/settings';
import type { Ports, TriggerInfo } from '../ports';
import { readSettingsSheet } from '../sheets/workbook';
import { CONTINUE_JOB_HANDLER } from './jobs/runner';
import { CONTINUE_MAILING_HANDLER } from './mail';

export const REMINDERS_HANDLER = 'runReminders';
export const FORM_SUBMIT_HANDLER = 'onFormSubmit';
/**
 * Rows, columns or sheets the inspector deletes, inserts or sorts fire no `onEdit`; this
 * installable change trigger dates the submissions' cache for them (intakeCache.ts).
 */
export const CHANGE_HANDLER = 'onSpreadsheetChange';

export const MAX_TRIGGERS = 20;
const RUNS_KEY = 'trigger.runs';
const OWNED_KEY = 'trigger.owned';
const RUNS_KEPT = 5;
/** A daily trigger that ran within this long is alive. */
const ALIVE_MS = 26 * 3600_000;

export type TriggerStatus = 'ok' | 'missing' | 'duplicate' | 'foreign' | 'wrongHour' | 'full';

export interface TriggerCheck {
  handler: string;
  count: number;
  status: TriggerStatus;
  repaired: boolean;
}

export interface TriggerReport {
  total: number;
  checks: TriggerCheck[];
  /** Russian lines for the user, one per problem (empty when all is well). */
  lines: string[];
}

export interface TriggerRun {
  at: string;
  result: string;
  triggerId?: string;
}

interface Owned {
  id: string;
  hour?: number;
}

function json<T>(text: string | null, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function triggerRuns(ports: Pick<Ports, 'properties'>): Record<string, TriggerRun[]> {
  return json(ports.properties.get(RUNS_KEY), {});
}

/** Keeps the last few runs of a handler with their result (for the sidebar and the check). */
export function recordRun(
  ports: Pick<Ports, 'properties' | 'clock'>,
  handler: string,
  result: string,
  triggerId?: string,
): void {
  const runs = triggerRuns(ports);
  const list = runs[handler] ?? [];
  list.unshift({
    at: ports.clock.now().toISOString(),
    result,
    ...(triggerId ? { triggerId } : {}),
  });
  runs[handler] = list.slice(0, RUNS_KEPT);
  ports.properties.set(RUNS_KEY, JSON.stringify(runs));
}

export function checkTriggers(ports: Ports, options: { repair: boolean }): TriggerReport {
  const { settings } = readSettingsSheet(ports.sheets);
  const hour = settingNumber(settings, 'reminder_hour');
  const owned = json<Record<string, Owned>>(ports.properties.get(OWNED_KEY), {});
  const runs = triggerRuns(ports);
  let mine = ports.triggers.list();
  const checks: TriggerCheck[] = [];
  const remove = (t: TriggerInfo) => {
    ports.triggers.removeById(t.id);
    mine = mine.filter((x) => x.id !== t.id);
  };

  const required: Array<{
    handler: string;
    create: () => string;
    kind: TriggerInfo['kind'];
    hour?: number;
  }> = [
    {
      handler: FORM_SUBMIT_HANDLER,
      create: () => ports.triggers.createFormSubmit(FORM_SUBMIT_HANDLER),
      kind: 'formSubmit',
    },
    {
      handler: CHANGE_HANDLER,
      create: () => ports.triggers.createChange(CHANGE_HANDLER),
      kind: 'other',
    },
    {
      handler: REMINDERS_HANDLER,
      create: () => ports.triggers.createDaily(REMINDERS_HANDLER, hour),
      kind: 'clock',
      hour,
    },
  ];
  for (const r of required) {
    let list = mine.filter((t) => t.handler === r.handler);
    const record = owned[r.handler];
    let status: TriggerStatus = 'ok';
    let repaired = false;
    if (list.length > 1) {
      status = 'duplicate';
      if (options.repair) {
        const keep = list.find((t) => t.id === record?.id) ?? list[0];
        for (const t of list) if (t !== keep) remove(t);
        list = [keep];
        owned[r.handler] = { id: keep.id, hour: record?.hour };
        repaired = true;
      }
    }
    if (list.length === 1 && r.hour !== undefined && record && record.hour !== r.hour) {
      status = 'wrongHour';
      if (options.repair) {
        remove(list[0]);
        list = [];
      }
    }
    if (list.length === 0) {
      const foreignRun = (runs[r.handler] ?? []).find(
        (run) =>
          run.triggerId !== undefined &&
          run.triggerId === record?.id &&
          ports.clock.now().getTime() - Date.parse(run.at) < ALIVE_MS,
      );
      if (foreignRun && status !== 'wrongHour') status = 'foreign';
      else if (mine.length >= MAX_TRIGGERS) status = 'full';
      else {
        if (status !== 'wrongHour') status = 'missing';
        if (options.repair) {
          const id = r.create();
          mine.push({ id, handler: r.handler, kind: r.kind });
          owned[r.handler] = { id, hour: r.hour };
          repaired = true;
        }
      }
    } else if (list.length === 1 && !record) {
      owned[r.handler] = { id: list[0].id, hour: r.hour };
    }
    checks.push({ handler: r.handler, count: list.length, status, repaired });
  }
  // Optional handlers: none or one (a queue of mail, a running job); never two.
  for (const handler of [CONTINUE_MAILING_HANDLER, CONTINUE_JOB_HANDLER]) {
    const list = mine.filter((t) => t.handler === handler);
    if (list.length > 1) {
      if (options.repair) list.slice(1).forEach(remove);
      checks.push({ handler, count: list.length, status: 'duplicate', repaired: options.repair });
    }
  }
  if (options.repair) ports.properties.set(OWNED_KEY, JSON.stringify(owned));
  const lines = checks
    .filter((c) => c.status !== 'ok')
    .map((c) => TRIGGERS_TEXT.line(c.handler, c.status, c.count, c.repaired));
  return { total: mine.length, checks, lines };
}
