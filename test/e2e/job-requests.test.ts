/**
 * A job asked for while another job's chunk holds the job lock (the inspector clicks
 * «Сформировать аналитическую записку» while «Пересчитать показатели» runs): it is told the job
 * goes on, so it must run after the current one, once, wherever the click falls.
 *
 * The click is made from inside the running execution (a second execution on Google): before
 * the chosen call of the recompute's execution, the menu's handler runs, finds the lock busy
 * (or free, before the chunk takes it or after it lets go) and returns.
 */
import { JOBS_TEXT } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';
import { buildAddOn, documentTexts, makeHarness, validAnswers, type Harness } from './harness';

type ScriptHelpers = {
  __runTimeTriggersUntil(until: Date | number): Array<{ handler: string; error?: string }>;
};
const script = (h: Harness) => h.google.ScriptApp as unknown as ScriptHelpers;
const handlers = (h: Harness) =>
  h.google.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
const toasts = (h: Harness) =>
  (h.ss as unknown as { toasts: Array<{ message: string }> }).toasts.map((t) => t.message);

/** The reports made (an empty document is one a kill left unwritten: none here). */
const reports = (h: Harness) => documentTexts(h).filter((t) => t.trim() !== '');

/** The journal's job lines (what finished, in order): «Аналитическая записка: …» and so on. */
const jobLines = (h: Harness, title: string) =>
  h
    .values(SHEETS.journal)
    .map((r) => String(r[2]))
    .map((text, row) => ({ text, row }))
    .filter((l) => l.text.startsWith(`${title}:`))
    .map((l) => l.row);

/** The triggers' next half hour makes the report asked for, once, after the recompute. */
function expectReportAfterRecompute(h: Harness): void {
  const runs = laterRuns(h);
  expect(runs.filter((r) => r.error)).toEqual([]);
  expect(reports(h)).toHaveLength(1);
  const report = jobLines(h, JOBS_TEXT.report);
  expect(report).toHaveLength(1);
  expect(report[0]).toBeGreaterThan(Math.max(...jobLines(h, JOBS_TEXT.recompute)));
}

function scenario(): Harness {
  const h = makeHarness(6, { clockStart: '2026-05-04T10:00:00+03:00' });
  for (const i of [1, 2, 4]) h.submit(validAnswers(i, { access_code: h.codeOf(`000${i}`) }));
  return h;
}

/**
 * Runs `work`, and `click` once, before the script's `at`-th call from now (counted calls: the
 * emulator's record of each service call). The click's own calls do not count.
 */
function withClickAt(h: Harness, at: number, work: () => void, click: () => void): boolean {
  const rt = h.google.runtime;
  const record = rt.record.bind(rt);
  let seen = 0;
  let clicked = false;
  let inClick = false;
  // The click is another execution: when it ends, Google drops the locks it holds, not those
  // of the execution it interrupted here (the emulator's end of a call drops every lock).
  const locks = h.google.LockService as unknown as { __releaseAll(): void };
  const releaseAll = locks.__releaseAll;
  rt.record = (service, method, cells) => {
    if (!inClick && !clicked && seen === at) {
      clicked = true;
      inClick = true;
      locks.__releaseAll = () => {};
      try {
        click();
      } finally {
        inClick = false;
        locks.__releaseAll = releaseAll;
      }
    }
    if (!inClick) seen += 1;
    record(service, method, cells);
  };
  try {
    work();
  } finally {
    rt.record = record;
  }
  return clicked;
}

/** Everything the triggers do in the next half hour (continuations, watchdogs). */
function laterRuns(h: Harness) {
  return script(h).__runTimeTriggersUntil(h.google.runtime.clock.nowMs() + 30 * 60_000);
}

/** How many calls the recompute's execution makes, without a click. */
function recomputeCalls(): number {
  const h = scenario();
  const before = h.google.runtime.calls.total();
  h.project.call('menuRecompute');
  return h.google.runtime.calls.total() - before;
}

describe('a job asked for while another job runs', () => {
  const total = recomputeCalls();

  it('a report asked while a recompute holds the job lock is made after it, once', () => {
    const h = scenario();
    let url: string | undefined;
    const clicked = withClickAt(
      h,
      Math.floor(total / 2),
      () => h.project.call('menuRecompute'),
      () => {
        // The lock is busy: the inspector is told the job goes on in the background.
        expect(h.google.LockService.getScriptLock().tryLock(0)).toBe(false);
        url = h.project.call<string>('menuReport');
      },
    );
    expect(clicked).toBe(true);
    expect(url).toBe('');
    expect(toasts(h)).toContain(JOBS_TEXT.continues);
    expectReportAfterRecompute(h);
    expect(handlers(h)).not.toContain('continueJob');
  });

  it('the same job asked twice while busy runs once; the second ask is told it is already waiting', () => {
    const h = scenario();
    withClickAt(
      h,
      Math.floor(total / 2),
      () => h.project.call('menuRecompute'),
      () => {
        h.project.call('menuReport');
        h.project.call('menuReport');
      },
    );
    const told = toasts(h);
    expect(told.filter((t) => t === JOBS_TEXT.continues)).toHaveLength(1);
    expect(told.filter((t) => t === JOBS_TEXT.already)).toHaveLength(1);
    laterRuns(h);
    // Asked again once it is queued (by the lock this time): still once.
    expect(reports(h)).toHaveLength(1);
    expect(jobLines(h, JOBS_TEXT.report)).toHaveLength(1);
    expect(handlers(h)).not.toContain('continueJob');
  });

  it('a report asked at any moment of the recompute (also as it finishes) is made after it, once', () => {
    // Every call of the last 40 (the job's end: its last write, journal, trigger removed, last
    // look, the lock let go, the toast) and every 5th before them.
    const points = Array.from({ length: total + 1 }, (_, k) => k).filter(
      (k) => k >= total - 40 || k % 5 === 0,
    );
    const failures: string[] = [];
    for (const at of points) {
      const h = scenario();
      const clicked = withClickAt(
        h,
        at,
        () => h.project.call('menuRecompute'),
        () => h.project.call('menuReport'),
      );
      // Past the last call: the inspector clicks once the recompute's execution is over.
      if (!clicked) h.project.call('menuReport');
      // Told it goes on (the lock was busy or a job ran): then it comes after the recompute.
      const queued = toasts(h).includes(JOBS_TEXT.continues);
      const runs = laterRuns(h);
      const made = reports(h).length;
      const report = jobLines(h, JOBS_TEXT.report);
      const recompute = jobLines(h, JOBS_TEXT.recompute);
      const ok =
        runs.every((r) => !r.error) &&
        made === 1 &&
        report.length === 1 &&
        recompute.length === 1 &&
        (!queued || report[0] > recompute[0]) &&
        !handlers(h).includes('continueJob');
      if (!ok) failures.push(`click before call ${at} of ${total}: ${made} report(s)`);
    }
    expect(failures).toEqual([]);
  });

  it('a recompute that fails still lets the report asked during it run', () => {
    const h = scenario();
    const at = Math.floor(total / 2);
    let failed = false;
    withClickAt(
      h,
      at,
      () => {
        try {
          h.project.call('menuRecompute');
        } catch (error) {
          failed = String(error).includes('Service unavailable');
        }
      },
      () => {
        h.project.call('menuReport');
        // A few calls later a service fails inside a step of the recompute.
        let left = 3;
        const rt = h.google.runtime;
        const record = rt.record;
        rt.record = (service, method, cells) => {
          if (left-- === 0) {
            rt.record = record;
            throw new Error('Service unavailable: Spreadsheets');
          }
          record(service, method, cells);
        };
      },
    );
    expect(failed).toBe(true);
    const recompute = jobLines(h, JOBS_TEXT.recompute);
    expect(recompute).toHaveLength(1);
    expect(h.values(SHEETS.journal)[recompute[0]][2]).toContain(JOBS_TEXT.status.failed);
    laterRuns(h);
    expect(reports(h)).toHaveLength(1);
    expect(jobLines(h, JOBS_TEXT.report)).toHaveLength(1);
    expect(handlers(h)).not.toContain('continueJob');
  });
});

describe('a job asked for while a job of several executions runs', () => {
  it('a report asked during the first chunk of a long mailing comes after the mailing, once', () => {
    const h = makeHarness(260, {
      clockStart: '2026-05-04T10:00:00+03:00',
      mailDailyQuota: 1500,
      clockFollowsCost: true,
    });
    const before = h.google.runtime.calls.total();
    withClickAt(
      h,
      400,
      () => h.project.call('menuSendLinks'),
      () => h.project.call('menuReport'),
    );
    // The first chunk paused (it did not reach the report): the request waits in its key.
    expect(h.google.runtime.calls.total() - before).toBeGreaterThan(400);
    expect(toasts(h)).toContain(JOBS_TEXT.continues);
    expect(reports(h)).toHaveLength(0);
    const runs = laterRuns(h);
    expect(runs.filter((r) => r.handler === 'continueJob').length).toBeGreaterThanOrEqual(1);
    expect(runs.filter((r) => r.error)).toEqual([]);
    expect(reports(h)).toHaveLength(1);
    const mailing = jobLines(h, JOBS_TEXT.mailing);
    const report = jobLines(h, JOBS_TEXT.report);
    expect(mailing).toHaveLength(1);
    expect(report).toHaveLength(1);
    expect(report[0]).toBeGreaterThan(mailing[0]);
    expect(handlers(h)).not.toContain('continueJob');
  });
});

describe('the add-on build (its store is a hidden sheet, read once per lock)', () => {
  const quiet = { log() {}, info() {}, warn() {}, error() {} };
  let dist = '';
  beforeAll(() => {
    dist = buildAddOn();
  });

  it('a report asked while a recompute holds the job lock is made after it, once', () => {
    const google = createGoogle({ clockStart: '2026-05-04T10:00:00+03:00' });
    const ss = google.SpreadsheetApp.create('Мониторинг');
    const project = loadProject(google, { distDir: dist, console: quiet, addOn: true });
    project.call('menuSetup');
    ss.getSheetByName(SHEETS.registry)!
      .getRange(2, 1, 1, 8)
      .setValues([["'0001", 'Школа № 1', 'Округ', 'urban', 'a@example.org', 'нет', '', 'да']]);
    project.call('menuSyncSchools');
    const h = {
      google,
      ss,
      project,
      values: (name: string) => ss.getSheetByName(name)!.getDataRange().getValues(),
    } as unknown as Harness;
    // The first recompute lays the sheets out; later ones are the same size as each other.
    project.call('menuRecompute');
    const before = google.runtime.calls.total();
    project.call('menuRecompute');
    const total = google.runtime.calls.total() - before;
    withClickAt(
      h,
      Math.floor(total / 2),
      () => project.call('menuRecompute'),
      () => project.call('menuReport'),
    );
    expect(toasts(h)).toContain(JOBS_TEXT.continues);
    expectReportAfterRecompute(h);
    // The request's key is blanked (the sheet keeps its row).
    const state = ss.getSheetByName(SHEETS.addonState)!.getDataRange().getValues();
    const requests = state.filter(([key]) => String(key).startsWith('job.request.'));
    expect(requests.length).toBe(1);
    expect(requests.every(([, value]) => value === '')).toBe(true);
    expect(handlers(h)).not.toContain('continueJob');
  });
});
