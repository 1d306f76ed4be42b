/** «Проверить установку» on the emulator: each check ✓ or ✗, to «Журнал» and a dialog. */
import { CHECK, TRIGGERS_TEXT } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness } from './harness';

type Alerts = { __alerts(): Array<{ title: string; prompt: string }> };

function run(h: ReturnType<typeof makeHarness>) {
  const text = h.project.call<string>('menuCheckInstallation');
  return { text, bad: text.split('\n').filter((l) => l.startsWith(CHECK.bad)) };
}

describe('«Проверить установку»', () => {
  it('after setup every check passes; the report goes to «Журнал» and a dialog, nothing else changes', () => {
    const h = makeHarness(2);
    const sheets = h.ss.getSheets().map((s) => s.getName());
    const { text, bad } = run(h);
    expect(bad).toEqual([]);
    expect(text).toContain(CHECK.summary(0));
    for (const expected of [
      CHECK.published,
      CHECK.accepting,
      CHECK.destinationHere,
      CHECK.submitTrigger(1),
      CHECK.roundTrip,
      CHECK.core,
    ])
      expect(text).toContain(expected);
    expect(h.ss.getSheets().map((s) => s.getName())).toEqual(sheets);
    const journal = h.values(SHEETS.journal);
    expect(journal[journal.length - 1][2]).toBe(text);
    const alerts = (h.google.SpreadsheetApp.getUi() as unknown as Alerts).__alerts();
    expect(alerts[alerts.length - 1]).toMatchObject({ title: CHECK.title });
  });

  it('says what is wrong: unpublished form, two submit triggers, time zones apart', () => {
    const h = makeHarness(1);
    (h.form as unknown as { setPublished(p: boolean): void }).setPublished(false);
    h.google.ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(h.ss).onFormSubmit().create();
    h.ss.setSpreadsheetTimeZone('Asia/Krasnoyarsk');
    const { bad } = run(h);
    expect(bad).toEqual([
      `${CHECK.bad} ${CHECK.unpublished}`,
      `${CHECK.bad} ${CHECK.submitTrigger(2)}`,
      `${CHECK.bad} ${TRIGGERS_TEXT.line('onFormSubmit', 'duplicate', 2, false)}`,
      `${CHECK.bad} ${CHECK.timeZones('Europe/Moscow', 'Asia/Krasnoyarsk')}`,
    ]);
  });

  it('reports a missing reminders trigger without repairing it', () => {
    const h = makeHarness(1);
    for (const t of h.google.ScriptApp.getProjectTriggers())
      if (t.getHandlerFunction() === 'runReminders') h.google.ScriptApp.deleteTrigger(t);
    expect(run(h).bad).toEqual([
      `${CHECK.bad} ${TRIGGERS_TEXT.line('runReminders', 'missing', 0, false)}`,
    ]);
    const left = h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
    expect(left).not.toContain('runReminders');
  });

  it('reports a deleted form', () => {
    const h = makeHarness(1);
    h.google.PropertiesService.getDocumentProperties().setProperty('form.id', 'gone');
    expect(run(h).bad).toEqual([`${CHECK.bad} ${CHECK.formGone}`]);
  });
});
