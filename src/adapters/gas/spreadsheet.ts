/** Set by the build: true when built to be published as an Editor add-on. */
declare const __ADDON__: boolean | undefined;

/** User property with the id of the monitoring spreadsheet setup ran in last (add-on only). */
export const SPREADSHEET_ID_KEY = 'monitoring.spreadsheetId';
/** User property: the spreadsheet a clock trigger works on, by the trigger's unique id. */
export const triggerSpreadsheetKey = (uid: string) => `monitoring.trigger.${uid}`;

export const addOn = (): boolean => typeof __ADDON__ !== 'undefined' && __ADDON__;

/** The unique id of the clock trigger running now (its event's `triggerUid`), if any. */
let runningTrigger: string | null = null;

/**
 * The app says which trigger runs before it makes the ports, so an add-on clock trigger
 * opens its own spreadsheet (one user may use the add-on in several).
 */
export function useTrigger(uid: string | undefined): void {
  runningTrigger = uid ?? null;
}

/**
 * The monitoring spreadsheet. A container-bound script always has it as the active one. An
 * Editor add-on's time-driven triggers run with no active document (`getActiveSpreadsheet()`
 * is null there), so the add-on opens by id the spreadsheet its trigger was made for (the
 * trigger's id → spreadsheet id, kept when the trigger was made), else the one setup ran in
 * last. These are user properties: triggers run as the user who made them, script properties
 * are shared by every installation of the add-on, and document properties need the document.
 */
export function monitoredSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active || !addOn()) return active;
  const user = PropertiesService.getUserProperties();
  const id =
    (runningTrigger && user.getProperty(triggerSpreadsheetKey(runningTrigger))) ||
    user.getProperty(SPREADSHEET_ID_KEY);
  if (!id) throw new Error('No active spreadsheet and no kept spreadsheet id: run setup first.');
  return SpreadsheetApp.openById(id);
}

/** Setup keeps the spreadsheet's id for the add-on's triggers (a no-op when container-bound). */
export function keepSpreadsheetId(): void {
  if (!addOn()) return;
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  PropertiesService.getUserProperties().setProperty(SPREADSHEET_ID_KEY, id);
}

/** A clock trigger just made works on this spreadsheet (add-on build; a no-op otherwise). */
export function keepTriggerSpreadsheet(uid: string): void {
  if (!addOn()) return;
  PropertiesService.getUserProperties().setProperty(
    triggerSpreadsheetKey(uid),
    monitoredSpreadsheet().getId(),
  );
}

/** A clock trigger deleted: its kept spreadsheet id goes too (add-on build; a no-op otherwise). */
export function forgetTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
  if (!addOn() || trigger.getEventType() !== ScriptApp.EventType.CLOCK) return;
  PropertiesService.getUserProperties().deleteProperty(
    triggerSpreadsheetKey(trigger.getUniqueId()),
  );
}

/**
 * The project's triggers that belong to this spreadsheet. A container-bound script has only
 * its container's. An add-on's project triggers are the user's in every spreadsheet it is used
 * in: a form-submit trigger belongs by its source, a clock trigger by the id kept for it.
 */
export function spreadsheetTriggers(): GoogleAppsScript.Script.Trigger[] {
  const all = ScriptApp.getProjectTriggers();
  if (!addOn()) return all;
  const here = monitoredSpreadsheet().getId();
  const user = PropertiesService.getUserProperties();
  return all.filter((t) =>
    t.getEventType() === ScriptApp.EventType.CLOCK
      ? user.getProperty(triggerSpreadsheetKey(t.getUniqueId())) === here
      : t.getTriggerSourceId() === here,
  );
}
