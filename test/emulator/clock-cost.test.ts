/**
 * The script's clock inside an execution moves by what each call costs in the model (and the
 * start-up), so code that watches its time budget sees time pass as on Google; calls outside
 * a script (a test's) leave it alone.
 */
import { COST_MS } from '../../emulator/cost';
import { Runtime } from '../../emulator/runtime';

const START = '2026-09-01T10:00:00+03:00';

describe('the virtual clock follows the modelled cost of a script execution', () => {
  it('moves by the start-up and each call while a script runs', () => {
    const rt = new Runtime({ clockStart: START });
    const before = rt.clock.nowMs();
    const seen = rt.runScript(() => {
      const first = rt.clock.nowMs();
      rt.record('MailApp', 'MailApp.sendEmail');
      rt.record('SpreadsheetApp', 'Range.getValues', { read: 1000 });
      return [first, rt.clock.nowMs()];
    });
    expect(seen[0] - before).toBe(COST_MS.startup);
    expect(seen[1] - seen[0]).toBe(
      COST_MS.mailSend + COST_MS.sheetsServerCall + 1000 * COST_MS.perCellRead,
    );
  });

  it('does not move for calls outside a script, nor when a test turns it off', () => {
    const rt = new Runtime({ clockStart: START });
    const before = rt.clock.nowMs();
    rt.record('MailApp', 'MailApp.sendEmail');
    expect(rt.clock.nowMs()).toBe(before);
    const pinned = new Runtime({ clockStart: START, clockFollowsCost: false });
    pinned.runScript(() => pinned.record('MailApp', 'MailApp.sendEmail'));
    expect(pinned.clock.nowMs()).toBe(new Date(START).getTime());
  });
});
