/**
 * The non-Google helpers tests drive ScriptApp with: moving the clock through due triggers,
 * when a trigger runs next, firing a document's open/edit/change triggers, acting as another
 * user. None is counted as a call.
 */
import { invalidArgument } from '../gas';
import { AuthMode } from './enums';
import { fire, runDue } from './dispatch';
import { TriggerImpl, type Execution, type ScriptState } from './triggers';

export type SourceEventName = 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

/** Moves the clock to each due time up to `until` in order, firing as it goes, then to `until`. */
export function runTimeTriggersUntil(
  state: ScriptState,
  until: Date | string | number,
): Execution[] {
  const end = new Date(until).getTime();
  const clock = state.rt.clock;
  const out: Execution[] = [];
  for (;;) {
    const pending = state.triggers
      .map((t) => t.nextRunMs)
      .filter((ms): ms is number => ms !== null && ms <= end);
    if (pending.length === 0) break;
    const next = Math.min(...pending);
    if (next > clock.nowMs()) clock.set(next);
    out.push(...runDue(state));
  }
  if (end > clock.nowMs()) clock.set(end);
  return out;
}

/** When a clock trigger fires next (null: never again). */
export function nextRunOf(trigger: GoogleAppsScript.Script.Trigger): Date | null {
  if (!(trigger instanceof TriggerImpl)) throw invalidArgument('trigger');
  const ms = trigger.record.nextRunMs;
  return ms === null ? null : new Date(ms);
}

/** Fires the ON_OPEN / ON_EDIT / ON_CHANGE triggers of a document (a user opening it...). */
export function fireSourceTriggers(
  state: ScriptState,
  sourceId: string,
  eventType: SourceEventName,
  fields: Record<string, unknown>,
): Execution[] {
  const before = state.executions.length;
  for (const t of [...state.triggers]) {
    if (t.sourceId !== sourceId || t.eventType !== eventType) continue;
    fire(state, t, [{ authMode: AuthMode.FULL, triggerUid: t.uid, ...fields }]);
  }
  return state.executions.slice(before);
}

/** Runs `fn` as another user: triggers belong to the user who created them. */
export function runAsUser<T>(state: ScriptState, email: string, fn: () => T): T {
  const previous = state.user;
  state.user = email;
  try {
    return fn();
  } finally {
    state.user = previous;
  }
}
