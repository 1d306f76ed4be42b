/** Setup and the menu through the built entry points on the emulator. */
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';
import { SHEETS } from '../../src/sheets/schema';
import { UI } from '../../src/core/messages';

function freshProject() {
  const google = createGoogle();
  const ss = google.SpreadsheetApp.create('Мониторинг');
  (
    google.SpreadsheetApp as unknown as { setActiveSpreadsheet(s: unknown): void }
  ).setActiveSpreadsheet(ss);
  const quiet = { log() {}, info() {}, warn() {}, error() {} };
  return { google, ss, project: loadProject(google, { console: quiet }) };
}

type MenuSpec = {
  title: string;
  addon: boolean;
  entries: Array<{ kind: string; caption?: string; functionName?: string }>;
};
function menusOf(google: ReturnType<typeof createGoogle>): MenuSpec[] {
  return (google.SpreadsheetApp.getUi() as unknown as { __menus(): MenuSpec[] }).__menus();
}

describe('onOpen', () => {
  it('builds the monitoring menu with its items, touching nothing else in AuthMode.NONE', () => {
    const { google, project } = freshProject();
    google.runtime.calls.reset();
    project.call('onOpen', { authMode: google.ScriptApp.AuthMode.NONE });
    const services = new Set(google.runtime.calls.snapshot().map((c) => c.service));
    expect([...services]).toEqual(['SpreadsheetApp']);
    const menus = menusOf(google);
    expect(menus).toHaveLength(1);
    expect(menus[0].addon).toBe(true);
    const items = menus[0].entries.filter((e) => e.kind === 'item');
    expect(items.map((i) => i.caption)).toEqual(
      expect.arrayContaining([UI.menuSetup, UI.menuRecompute, UI.menuReport]),
    );
    for (const item of items) expect(project.functionNames()).toContain(item.functionName);
  });

  it('onInstall builds the same menu', () => {
    const { google, project } = freshProject();
    project.call('onInstall', { authMode: google.ScriptApp.AuthMode.FULL });
    expect(menusOf(google).map((m) => [m.title, m.addon])).toEqual([[UI.menuTitle, false]]);
  });
});

describe('«Настроить мониторинг…»', () => {
  it('creates the sheets, one form sending responses here, and one submit trigger', () => {
    const { google, ss, project } = freshProject();
    project.call('menuSetup');
    const names = ss.getSheets().map((s) => s.getName());
    for (const name of [
      SHEETS.settings,
      SHEETS.registry,
      SHEETS.lists,
      SHEETS.rules,
      SHEETS.data,
      SHEETS.rejected,
      SHEETS.journal,
      SHEETS.outbox,
      SHEETS.responses,
    ]) {
      expect(names).toContain(name);
    }
    // One trigger per handler: form submissions, structure changes and the daily reminders.
    expect(
      google.ScriptApp.getProjectTriggers()
        .map((t) => t.getHandlerFunction())
        .sort(),
    ).toEqual(['onFormSubmit', 'onSpreadsheetChange', 'runReminders']);
    // The registry: yes/no dropdowns, notes on the header, repeated school codes shown in red.
    const registry = ss.getSheetByName(SHEETS.registry)!;
    const header = registry.getRange(1, 1, 1, registry.getLastColumn()).getValues()[0].map(String);
    const active = header.findIndex((h) => h.includes('(active)')) + 1;
    expect(registry.getRange(2, active).getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'да',
      'нет',
    ]);
    expect(registry.getRange(1, 1).getNote()).toContain('Уникальный');
    const rules = registry.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getBooleanCondition()?.getCriteriaValues()[0]).toContain('COUNTIF($A:$A');
  });

  it("run twice: no second form, no second trigger, the inspector's edits kept", () => {
    const { google, ss, project } = freshProject();
    project.call('menuSetup');
    const settings = ss.getSheetByName(SHEETS.settings)!;
    settings.getRange(2, 3).setValue('Мой муниципалитет');
    const sheetsBefore = ss.getSheets().length;
    const formId = google.PropertiesService.getDocumentProperties().getProperty('form.id');
    project.call('menuSetup');
    expect(ss.getSheets().length).toBe(sheetsBefore);
    expect(google.PropertiesService.getDocumentProperties().getProperty('form.id')).toBe(formId);
    expect(google.ScriptApp.getProjectTriggers()).toHaveLength(3);
    expect(settings.getRange(2, 3).getValue()).toBe('Мой муниципалитет');
  });
});
