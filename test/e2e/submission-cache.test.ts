/**
 * One form submission reads no sheet but its own row: the registry, the settings and the index
 * of ingested versions come from the document cache, under a version any edit of those sheets
 * renews. A stale or expired cache must never let a wrong row in.
 */
import { modelCost } from '../../emulator/cost';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, setSetting, validAnswers, schoolId, type Harness } from './harness';

const SCHOOLS = 600;

/** The calls and modelled time of each submit-trigger run, and its outcome. */
function recordRuns(h: Harness) {
  const runs: Array<{ outcome: unknown; calls: number; seconds: number; event: unknown }> = [];
  h.google.runtime.setHandlerInvoker((name, event) => {
    h.google.runtime.calls.reset();
    const outcome = h.project.call(name, event);
    const cost = modelCost(h.google.runtime.calls.snapshot(), 1);
    runs.push({ outcome, calls: cost.calls, seconds: cost.modelledMs / 1000, event });
    return outcome;
  });
  return runs;
}

function harness(): Harness {
  const h = makeHarness(SCHOOLS);
  // As offline and in the benchmark: no personal codes (with them, one more call: the HMAC).
  setSetting(h.ss.getSheetByName(SHEETS.settings)!, 'access_code_check', 'нет');
  h.project.call('onEdit', { range: h.ss.getSheetByName(SHEETS.settings)!.getRange(1, 1) });
  h.project.call('menuSyncSchools');
  return h;
}

/** The sheet row of school n in the registry. */
const registryRow = (h: Harness, n: number) =>
  h.ss
    .getSheetByName(SHEETS.registry)!
    .getDataRange()
    .getValues()
    .findIndex((r) => String(r[0]) === schoolId(n)) + 1;

const dataSchools = (h: Harness) => h.records(SHEETS.data).map((r) => String(r.school));

describe(`one submission at ${SCHOOLS} schools`, () => {
  it('costs at most 15 calls and 1.2 s of modelled Apps Script time, new or duplicate', () => {
    const h = harness();
    const runs = recordRuns(h);
    h.submit(validAnswers(1));
    h.submit(validAnswers(2));
    h.google.runtime.faults.duplicateSubmitEvents = true;
    h.submit(validAnswers(3));
    h.google.runtime.faults.duplicateSubmitEvents = false;
    const outcomes = runs.map((r) => r.outcome);
    expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'duplicate']);
    // The first run after sync reads the responses header once; then the cache holds it.
    for (const run of runs.slice(1)) {
      expect(run.calls).toBeLessThanOrEqual(15);
      expect(run.seconds).toBeLessThanOrEqual(1.2);
    }
    expect(dataSchools(h)).toEqual([schoolId(1), schoolId(2), schoolId(3)]);
  });

  it('does not accept a school the inspector took out of the registry since the cache was written', () => {
    const h = harness();
    const runs = recordRuns(h);
    h.submit(validAnswers(1));
    expect(runs[0].outcome).toBe('accepted');
    // The inspector clears school 7's row in the registry (the sheet's onEdit runs).
    const registry = h.ss.getSheetByName(SHEETS.registry)!;
    const range = registry.getRange(registryRow(h, 7), 1, 1, registry.getLastColumn());
    range.clearContent();
    h.project.call('onEdit', { range, source: h.ss });
    h.submit(validAnswers(7));
    expect(runs[1].outcome).toBe('rejected');
    expect(dataSchools(h)).toEqual([schoolId(1)]);
    expect(h.records(SHEETS.rejected).map((r) => String(r.school_id))).toEqual([schoolId(7)]);
    // The run after the edit read the sheets and wrote the cache again: the next is cheap.
    h.submit(validAnswers(8));
    expect(runs[2].outcome).toBe('accepted');
    expect(runs[2].calls).toBeLessThanOrEqual(15);
  });

  it('does not accept a school whose registry row the inspector deleted (no onEdit: the change trigger)', () => {
    const h = harness();
    const runs = recordRuns(h);
    h.submit(validAnswers(1));
    expect(runs[0].outcome).toBe('accepted');
    // Deleting a row fires no onEdit on Google, only the installable change trigger setup made.
    h.ss.getSheetByName(SHEETS.registry)!.deleteRow(registryRow(h, 7));
    const fired = h.google.ScriptApp.__fireTriggers(h.ss.getId(), 'ON_CHANGE', {
      changeType: 'REMOVE_ROW',
      source: h.ss,
    });
    expect(fired.map((x) => [x.handler, x.error])).toEqual([['onSpreadsheetChange', undefined]]);
    h.submit(validAnswers(7));
    expect(runs[runs.length - 1].outcome).toBe('rejected');
    expect(dataSchools(h)).toEqual([schoolId(1)]);
    expect(h.records(SHEETS.rejected).map((r) => String(r.school_id))).toEqual([schoolId(7)]);
  });

  it('reads the sheets again after the add-on itself rewrote «Данные» (reconcile), then replaces the row', () => {
    const h = harness();
    const runs = recordRuns(h);
    h.submit(validAnswers(1));
    // Reconcile rewrites «Данные» and «Отклонено»: a new version, and the cache written again.
    h.project.call('menuReconcile');
    h.submit(validAnswers(1, { students_total: '150' }));
    expect(runs.map((r) => r.outcome)).toEqual(['accepted', 'replaced']);
    expect(h.records(SHEETS.data).map((r) => r.students_total)).toEqual([150]);
    expect(runs[1].calls).toBeLessThanOrEqual(20);
  });

  it('still catches a duplicate event after the cache expired (six quiet hours)', () => {
    const h = harness();
    const runs = recordRuns(h);
    h.submit(validAnswers(4));
    h.google.runtime.clock.advance(6 * 3600 * 1000 + 1000);
    h.google.runtime.invokeHandler('onFormSubmit', runs[0].event);
    expect(runs.map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
    expect(dataSchools(h)).toEqual([schoolId(4)]);
    // And the first duplicate within the cache's life was cheap.
    h.google.runtime.faults.duplicateSubmitEvents = true;
    h.submit(validAnswers(5));
    h.google.runtime.faults.duplicateSubmitEvents = false;
    expect(runs.slice(2).map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
    expect(runs[3].calls).toBeLessThanOrEqual(15);
    expect(dataSchools(h)).toEqual([schoolId(4), schoolId(5)]);
  });
});
