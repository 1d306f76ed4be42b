/**
 * Firing triggers: a form submission on the runtime bus, clock triggers that are due, and one
 * trigger's events (with the duplicate-event fault). Handler errors are kept, not thrown.
 */
import type { FormSubmitPayload } from '../forms';
import { AuthMode } from './enums';
import { isoWeek, wallOf } from './calendar';
import { nextRun, type ClockSpec } from './schedule';
import type { Execution, ScriptState, TriggerRecord } from './triggers';

export function invoke(state: ScriptState, t: TriggerRecord, event: Record<string, unknown>): void {
  const execution: Execution = {
    handler: t.handler,
    triggerUid: t.uid,
    eventType: t.eventType,
    at: state.rt.clock.now(),
  };
  state.executions.push(execution);
  try {
    state.rt.invokeHandler(t.handler, event);
  } catch (e) {
    execution.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (state.throwHandlerErrors) throw e;
  }
}

/** Fires a trigger's events, applying the duplicate-event fault. */
export function fire(
  state: ScriptState,
  t: TriggerRecord,
  events: Array<Record<string, unknown>>,
): void {
  for (const event of events) {
    invoke(state, t, event);
    if (state.rt.faults.duplicateSubmitEvents && t.eventType === 'ON_FORM_SUBMIT')
      invoke(state, t, { ...event });
  }
}

export function onFormSubmit(state: ScriptState, p: FormSubmitPayload): void {
  for (const t of [...state.triggers]) {
    if (t.eventType !== 'ON_FORM_SUBMIT') continue;
    const base = { authMode: AuthMode.FULL, triggerUid: t.uid };
    if (t.source === 'FORMS' && t.sourceId === p.formId) {
      fire(state, t, [{ ...base, response: p.response, source: p.form }]);
    } else if (
      t.source === 'SPREADSHEETS' &&
      p.spreadsheetId !== undefined &&
      t.sourceId === p.spreadsheetId
    ) {
      const values = p.values ?? [];
      const namedValues = p.namedValues ?? {};
      const real = { ...base, namedValues, range: p.range, source: p.spreadsheet, values };
      const events: Array<Record<string, unknown>> = [real];
      if (state.rt.faults.blankSubmitEvents) {
        const blankNamed = Object.fromEntries(
          Object.entries(namedValues).map(([k, v]) => [k, v.map(() => '')]),
        );
        events.unshift({ ...real, values: values.map(() => ''), namedValues: blankNamed });
      }
      fire(state, t, events);
    }
  }
}

export function clockEvent(t: TriggerRecord, atMs: number): Record<string, unknown> {
  const tz = t.clock?.timeZone ?? 'UTC';
  const w = wallOf(atMs, tz);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uid,
    year: w.year,
    month: w.month,
    'day-of-month': w.day,
    'day-of-week': w.weekday === 0 ? 7 : w.weekday,
    'week-of-year': isoWeek(w),
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    timezone: tz,
  };
}

export function runDue(state: ScriptState): Execution[] {
  const nowMs = state.rt.clock.nowMs();
  const due = state.triggers
    .filter((t) => t.clock && t.nextRunMs !== null && t.nextRunMs <= nowMs)
    .sort((a, b) => (a.nextRunMs as number) - (b.nextRunMs as number));
  const before = state.executions.length;
  for (const t of due) {
    const scheduled = t.nextRunMs as number;
    t.nextRunMs = nextRun(t.clock as ClockSpec, scheduled, nowMs);
    fire(state, t, [clockEvent(t, nowMs)]);
  }
  return state.executions.slice(before);
}
