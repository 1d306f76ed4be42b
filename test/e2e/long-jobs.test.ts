/**
 * Long jobs on the emulator: chunks that stop before Apps Script's 6-minute limit and go on
 * from a one-off trigger, and executions killed at any point that resume without a second
 * document, mail or row.
 */
import fc from 'fast-check';
import { JOBS_TEXT, JOURNAL } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers, type Harness } from './harness';

type ScriptHelpers = {
  __runTimeTriggersUntil(until: Date | number): Array<{ handler: string; error?: string }>;
};
type Mail = { to: string; subject: string; body: string; sentAt: Date };

const outbox = (h: Harness): Mail[] =>
  (h.google.MailApp as unknown as { __outbox(): Mail[] }).__outbox();
const script = (h: Harness) => h.google.ScriptApp as unknown as ScriptHelpers;
const handlers = (h: Harness) =>
  h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
const docs = (h: Harness) => {
  const out: string[] = [];
  const files = h.google.DriveApp.getFiles();
  while (files.hasNext()) {
    const f = files.next();
    if (f.getMimeType() === 'application/vnd.google-apps.document') out.push(f.getId());
  }
  return out;
};
const docText = (h: Harness, id: string) => h.google.DocumentApp.openById(id).getBody().getText();
// Form ids differ between emulated accounts: links are compared without them.
const mailKey = (m: Mail) => `${m.to}\n${m.subject}\n${m.body.replace(/https:\/\/\S+/g, 'URL')}`;

/** A small municipality with some answers: the work the property test kills and resumes. */
function scenario(): Harness {
  const h = makeHarness(6, { clockStart: '2026-05-04T10:00:00+03:00' });
  for (const i of [1, 2, 4]) h.submit(validAnswers(i, { access_code: h.codeOf(`000${i}`) }));
  return h;
}

/** What the inspector asks for: the links e-mailed, then the report. */
const WORKS: Record<string, (h: Harness) => void> = {
  'the links mailing': (h) => void h.project.call('menuSendLinks'),
  'the report': (h) => void h.project.call('menuReport'),
};

interface Output {
  mails: string[];
  docs: string[];
  sheets: Record<string, unknown[][]>;
}

function output(h: Harness): Output {
  const sheets: Record<string, unknown[][]> = {};
  for (const name of [SHEETS.indicators, SHEETS.summary, SHEETS.recommendations, SHEETS.data])
    sheets[name] = h.ss.getSheetByName(name) ? h.values(name) : [];
  return {
    mails: outbox(h).map(mailKey).sort(),
    docs: docs(h).map((id) => docText(h, id)),
    sheets,
  };
}

describe.each(Object.entries(WORKS))('long job resumes after a kill during %s', (_name, work) => {
  it('long job resumes at any kill point: same sheets and report, no second document or mail', () => {
    const reference = (() => {
      const h = scenario();
      const before = h.google.runtime.calls.total();
      work(h);
      return { out: output(h), calls: h.google.runtime.calls.total() - before };
    })();
    expect(reference.out.mails.length + reference.out.docs.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reference.calls }), (killAt) => {
        const h = scenario();
        h.google.runtime.faults.killAfterCalls = killAt;
        let killed = false;
        try {
          work(h);
        } catch {
          killed = true;
        }
        h.google.runtime.faults.killAfterCalls = null;
        // The watchdog trigger resumes a started job after the 6-minute limit.
        const clock = h.google.runtime.clock;
        script(h).__runTimeTriggersUntil(clock.nowMs() + 15 * 60_000);
        // The inspector saw the error and asks again: re-running is harmless.
        if (killed) work(h);
        const out = output(h);
        // Nothing twice: no mail and no document more than in the uninterrupted run.
        expect(new Set(out.mails).size).toBe(out.mails.length);
        // One boundary cannot be closed without Drive's full scope: a kill right after
        // DocumentApp.create, before its id is saved, leaves that document empty and unfound.
        const written = out.docs.filter((text) => text.trim() !== '');
        expect(written).toEqual(reference.out.docs);
        expect(out.docs.length - written.length).toBeLessThanOrEqual(1);
        expect(out.sheets).toEqual(reference.out.sheets);
        // A mail whose send the kill interrupted is never sent again (Apps Script cannot tell
        // whether it left): the outbox marks it, and only such a mail can be missing.
        const missing = reference.out.mails.filter((m) => !out.mails.includes(m));
        const states = (h.ss.getSheetByName(SHEETS.outbox) ? h.values(SHEETS.outbox) : []).map(
          (r) => r[5],
        );
        const interrupted = states.filter((s) => s === JOBS_TEXT.mailInterrupted).length;
        expect(interrupted).toBeLessThanOrEqual(1);
        expect(missing.length).toBeLessThanOrEqual(interrupted);
        expect(handlers(h)).not.toContain('continueJob');
      }),
      { numRuns: Math.min(reference.calls + 1, 80), seed: 13 },
    );
  });
});

describe('the report resumed after a kill', () => {
  it('journals its recompute once, wherever the kill fell', () => {
    const recomputeLines = (h: Harness) =>
      h.values(SHEETS.journal).filter((r) => r[1] === JOURNAL.recompute).length;
    const reference = (() => {
      const h = scenario();
      const before = h.google.runtime.calls.total();
      h.project.call('menuReport');
      return { lines: recomputeLines(h), calls: h.google.runtime.calls.total() - before };
    })();
    expect(reference.lines).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reference.calls }), (killAt) => {
        const h = scenario();
        h.google.runtime.faults.killAfterCalls = killAt;
        try {
          h.project.call('menuReport');
        } catch {
          // killed
        }
        h.google.runtime.faults.killAfterCalls = null;
        // Only the watchdog resumes it (the inspector does not ask again).
        script(h).__runTimeTriggersUntil(h.google.runtime.clock.nowMs() + 15 * 60_000);
        expect(recomputeLines(h)).toBeLessThanOrEqual(1);
      }),
      { numRuns: Math.min(reference.calls + 1, 60), seed: 7 },
    );
  });
});

describe('long job past the 6-minute limit', () => {
  it('long job pauses before 4.5 minutes and continues from a one-off trigger removed when done', () => {
    const h = makeHarness(260, {
      clockStart: '2026-05-04T10:00:00+03:00',
      mailDailyQuota: 1500,
      clockFollowsCost: true,
    });
    const clock = h.google.runtime.clock;
    const start = clock.nowMs();
    h.project.call('menuSendLinks');
    const firstRun = clock.nowMs() - start;
    // The first execution stopped on its own, well within Apps Script's limit.
    expect(firstRun).toBeLessThan(6 * 60_000);
    expect(outbox(h).length).toBeGreaterThan(0);
    expect(outbox(h).length).toBeLessThan(260);
    expect(handlers(h).filter((x) => x === 'continueJob')).toHaveLength(1);
    const runs = script(h).__runTimeTriggersUntil(start + 30 * 60_000);
    expect(runs.filter((r) => r.handler === 'continueJob').length).toBeGreaterThanOrEqual(1);
    expect(runs.filter((r) => r.error)).toEqual([]);
    expect(outbox(h)).toHaveLength(260);
    expect(new Set(outbox(h).map((m) => m.to)).size).toBe(260);
    expect(handlers(h)).not.toContain('continueJob');
    // Re-running the finished mailing sends nothing more.
    h.project.call('menuSendLinks');
    expect(outbox(h)).toHaveLength(260);
  });

  it('two jobs never run at once: a report asked during a mailing waits for it', () => {
    const h = makeHarness(260, {
      clockStart: '2026-05-04T10:00:00+03:00',
      mailDailyQuota: 1500,
      clockFollowsCost: true,
    });
    h.project.call('menuSendLinks');
    expect(h.project.call<string>('menuReport')).toBe('');
    expect(docs(h)).toHaveLength(0);
    script(h).__runTimeTriggersUntil(h.google.runtime.clock.nowMs() + 30 * 60_000);
    expect(docs(h)).toHaveLength(1);
    const journal = h.values(SHEETS.journal).map((r) => String(r[2]));
    const mailingDone = journal.findIndex((t) => t.startsWith(JOBS_TEXT.mailing));
    const reportDone = journal.findIndex((t) => t.startsWith(JOBS_TEXT.report));
    expect(mailingDone).toBeGreaterThan(0);
    expect(reportDone).toBeGreaterThan(mailingDone);
    // While a chunk holds the job lock, another execution does not start one.
    const lock = h.google.LockService.getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(h.project.call<string>('continueJob')).toBe('busy');
  });
});
