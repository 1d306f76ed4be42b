/**
 * The emulated `ScriptApp` global: installable triggers, and firing them.
 *
 * Triggers fire through `rt.invokeHandler(handlerFunction, event)`:
 * - form submissions: FormApp emits `formSubmit` on the runtime bus; every ON_FORM_SUBMIT
 *   trigger of that form (event `{authMode, response, source, triggerUid}`) or of its
 *   destination spreadsheet (event `{authMode, namedValues, range, source, triggerUid, values}`,
 *   `values` as displayed strings) fires. Fault switches: `rt.faults.blankSubmitEvents` first
 *   fires an extra spreadsheet event whose values are all '' (Google's "blank" event);
 *   `rt.faults.duplicateSubmitEvents` fires every event twice.
 * - time: see `__runDueTimeTriggers` and `__runTimeTriggersUntil` below.
 * A handler that throws does not stop Google (the failure goes to the executions log), so it
 * does not stop the emulator either: the error is kept in `__getExecutions()`.
 *
 * Non-Google helpers:
 * - `__runDueTimeTriggers()`: fires, once each, every clock trigger due at `rt.clock.now()`,
 *   then schedules its next run (missed runs are not replayed, as in Google).
 * - `__runTimeTriggersUntil(until)`: moves `rt.clock` to each due time up to `until` in order,
 *   firing as it goes, then to `until`.
 * - `__nextRunOf(trigger)`: when a clock trigger fires next (null: never again).
 * - `__fireTriggers(sourceId, eventType, fields)`: fires ON_OPEN / ON_EDIT / ON_CHANGE
 *   triggers of a document, e.g. to emulate a user opening the spreadsheet.
 * - `__getExecutions()`: every handler run, with its error if it threw.
 * - `__throwHandlerErrors(on)`: rethrow handler errors instead (for debugging tests).
 * - `__runAsUser(email, fn)`: manage triggers as another user (triggers belong to the user who
 *   created them; `getProjectTriggers` and the limit of 20 are per user).
 *
 * Emulation choices where Google does not say: a clock trigger fires exactly at its time
 * (`nearMinute` is exact, `everyDays` without `atHour` keeps the creation's time of day); a
 * one-off trigger (`after`, `at`, `atDate`) stays listed after it has run, until deleted; the
 * time event's fields are in the trigger's time zone, `day-of-week` 1 = Monday .. 7 = Sunday.
 */
export { createScriptApp, ScriptAppImpl } from './app';
export { TRIGGER_ERRORS } from './errors';
export { MAX_TRIGGERS_PER_USER, type Execution } from './triggers';
