/**
 * What one submission costs, by kind, at two sizes: the calls must stay the same as the number
 * of schools grows tenfold, and each kind stays within its budget (issue 14: ≤ 15 calls; a
 * rejected response pays for its immediate e-mail, a cold one for reading the sheets). The
 * ordinary outcomes write no line to «Журнал» (submission-journal.test.ts): no call for it.
 * Measured after a recompute, which adds and moves sheets: a submission finds its sheets at
 * the places the add-on remembered, not by looking at every sheet's name.
 */
import { modelCost } from '../../emulator/cost';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, setSetting, validAnswers, type Harness } from './harness';

interface Run {
  outcome: unknown;
  calls: number;
  seconds: number;
}

function recordRuns(h: Harness): Run[] {
  const runs: Run[] = [];
  h.google.runtime.setHandlerInvoker((name, event) => {
    h.google.runtime.calls.reset();
    const outcome = h.project.call(name, event);
    const cost = modelCost(h.google.runtime.calls.snapshot(), 1);
    runs.push({ outcome, calls: cost.calls, seconds: cost.modelledMs / 1000 });
    return outcome;
  });
  return runs;
}

/** Access codes not checked, the school list synced, one response in. */
function started(schools: number): Harness {
  const h = makeHarness(schools);
  setSetting(h.ss.getSheetByName(SHEETS.settings)!, 'access_code_check', 'нет');
  h.project.call('onEdit', { range: h.ss.getSheetByName(SHEETS.settings)!.getRange(1, 1) });
  h.project.call('menuSyncSchools');
  h.submit(validAnswers(1));
  return h;
}

/** Each kind of submission once, as the benchmark does, after sync and a recompute. */
function costsByKind(schools: number): Record<string, Run> {
  const h = started(schools);
  h.submit(validAnswers(2, { students_total: '-5' }));
  h.project.call('menuRecompute');
  const runs = recordRuns(h);
  const last = () => runs[runs.length - 1];
  const kinds: Record<string, Run> = {};
  h.submit(validAnswers(3));
  kinds.new = last();
  h.google.runtime.clock.advance(60_000);
  h.submit(validAnswers(3, { students_total: '151' }));
  kinds.replacement = last();
  h.google.runtime.clock.advance(60_000);
  h.google.runtime.faults.duplicateSubmitEvents = true;
  h.submit(validAnswers(4));
  h.google.runtime.faults.duplicateSubmitEvents = false;
  kinds.duplicate = last();
  h.google.runtime.clock.advance(60_000);
  h.submit(validAnswers(5, { students_total: '-5' }));
  kinds.rejected = last();
  h.google.runtime.clock.advance(6 * 3600 * 1000 + 60_000);
  h.submit(validAnswers(3, { students_total: '152' }));
  kinds.cold = last();
  expect(Object.fromEntries(Object.entries(kinds).map(([k, r]) => [k, r.outcome]))).toEqual({
    new: 'accepted',
    replacement: 'replaced',
    duplicate: 'duplicate',
    rejected: 'rejected',
    cold: 'replaced',
  });
  return kinds;
}

describe('one submission by kind, at 60 and 600 schools', () => {
  const small = costsByKind(60);
  const large = costsByKind(600);
  const calls = (k: Record<string, Run>) =>
    Object.fromEntries(Object.entries(k).map(([kind, r]) => [kind, r.calls]));

  it('makes the same calls at 600 schools as at 60', () => {
    expect(calls(large)).toEqual(calls(small));
  });

  it('stays within each kind’s budget of calls after a recompute moved the sheets', () => {
    const c = calls(large);
    expect(c.new).toBeLessThanOrEqual(13);
    expect(c.duplicate).toBeLessThanOrEqual(9);
    // Read before it is overwritten: the index may name a row the inspector has since sorted.
    expect(c.replacement).toBeLessThanOrEqual(15);
    // The «what to fix» e-mail leaves at once, with the response's edit link (the school
    // question found by the id setup kept, not by looking at every item); the mail quota is
    // asked only if the send fails.
    expect(c.rejected).toBeLessThanOrEqual(23);
    expect(c.cold).toBeLessThanOrEqual(32);
  });

  it('stays within 1.2 s of modelled time, but for the e-mail and the cold read', () => {
    for (const kind of ['new', 'replacement', 'duplicate'])
      expect(large[kind].seconds).toBeLessThanOrEqual(1.2);
    // MailApp.sendEmail alone is 1 s in the cost model.
    expect(large.rejected.seconds).toBeLessThanOrEqual(2.5);
    expect(large.cold.seconds).toBeLessThanOrEqual(2.5);
  });
});

describe('the first rejected response', () => {
  it('costs what any later one does: setup made the mail log, no submission creates it', () => {
    const h = started(60);
    h.project.call('menuRecompute');
    const runs = recordRuns(h);
    h.submit(validAnswers(2, { students_total: '-5' }));
    h.google.runtime.clock.advance(60_000);
    h.submit(validAnswers(5, { students_total: '-5' }));
    expect(runs.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(h.values(SHEETS.outbox).length).toBe(3); // header and two e-mails
    expect(runs[0].calls).toBe(runs[1].calls);
    expect(runs[0].calls).toBeLessThanOrEqual(23);
  });
});

describe('the first response after «Сверить ответы»', () => {
  it('finds the responses header with the snapshot reconcile left, as the next one does', () => {
    const h = started(60);
    h.project.call('menuRecompute');
    // Six quiet hours: the cache has forgotten the header the first submission put there.
    h.google.runtime.clock.advance(6 * 3600 * 1000 + 60_000);
    h.project.call('menuReconcile');
    const runs = recordRuns(h);
    h.submit(validAnswers(2));
    h.google.runtime.clock.advance(60_000);
    h.submit(validAnswers(3));
    expect(runs.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(runs[0].calls).toBe(runs[1].calls);
    expect(runs[0].calls).toBeLessThanOrEqual(13);
  });
});

describe('sheets moved by hand', () => {
  it('finds «Данные» where it went, remembers the new order, and the next submission is cheap again', () => {
    const h = started(60);
    h.project.call('menuRecompute');
    h.submit(validAnswers(2));
    // The inspector drags «Данные» to the front (no trigger fires for a move here).
    h.google.runtime.asUser(() => {
      h.ss.setActiveSheet(h.ss.getSheetByName(SHEETS.data)!);
      h.ss.moveActiveSheet(1);
    });
    const runs = recordRuns(h);
    h.submit(validAnswers(3));
    h.submit(validAnswers(4));
    expect(runs.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(h.records(SHEETS.data).map((r) => String(r.school))).toEqual(
      [1, 2, 3, 4].map((i) => validAnswers(i).school_id),
    );
    // The first looked at every sheet's name once; the second found each at its place.
    expect(runs[0].calls).toBeGreaterThan(13);
    expect(runs[1].calls).toBeLessThanOrEqual(13);
  });
});
