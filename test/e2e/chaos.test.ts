/**
 * 500 submissions as Google really delivers them: events fired twice, blank events, edits of
 * earlier responses interleaved with new ones, and submissions that time out on the lock.
 * Afterwards ingestion agrees with «Сверить ответы» and every raw row is accounted for.
 */
import { schoolIdFromChoice } from '../../src/core/schoolChoice';
import { JOURNAL } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, validAnswers, type Harness } from './harness';

const SCHOOLS = 60;
const SUBMISSIONS = 500;

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Chaos {
  h: Harness;
  timedOutRows: Set<number>;
  /** Each submit trigger run's outcome, in order. */
  outcomes: unknown[];
}

function runChaos(withLockTimeouts: boolean): Chaos {
  const h = makeHarness(SCHOOLS);
  const outcomes: unknown[] = [];
  h.google.runtime.setHandlerInvoker((name, event) => {
    const outcome = h.project.call(name, event);
    if (name === 'onFormSubmit') outcomes.push(outcome);
    return outcome;
  });
  const r = rand(withLockTimeouts ? 7 : 8);
  const pick = (n: number) => 1 + Math.floor(r() * n);
  const responses: GoogleAppsScript.Forms.FormResponse[] = [];
  const answersOf = (i: number) => {
    const x = r();
    const code = h.codeOf(String(i).padStart(4, '0'));
    if (x < 0.7)
      return validAnswers(i, { access_code: code, students_total: String(100 + pick(300)) });
    if (x < 0.85) return validAnswers(i, { access_code: code, teachers_diagnosed: '40' });
    if (x < 0.95) return validAnswers(i);
    return validAnswers(i, { access_code: h.codeOf(String((i % SCHOOLS) + 1).padStart(4, '0')) });
  };
  const faults = h.google.runtime.faults;
  for (let k = 0; k < SUBMISSIONS; k++) {
    h.google.runtime.clock.advance(60_000);
    faults.duplicateSubmitEvents = r() < 0.2;
    faults.blankSubmitEvents = r() < 0.1;
    faults.lockContention = withLockTimeouts && r() < 0.05 ? 1 : 0;
    if (responses.length > 0 && r() < 0.25) {
      const target = responses[Math.floor(r() * responses.length)];
      const school = Number(String(target.getItemResponses()[0].getResponse()).slice(0, 4));
      h.edit(target, answersOf(school));
    } else {
      responses.push(h.submit(answersOf(pick(SCHOOLS))));
    }
  }
  Object.assign(faults, {
    duplicateSubmitEvents: false,
    blankSubmitEvents: false,
    lockContention: 0,
  });
  const journal = h.values(SHEETS.journal).map((row) => `${row[1]}|${row[2]}`);
  const timedOutRows = new Set(
    journal
      .filter((l) => l.startsWith(JOURNAL.lockTimeout))
      .map((l) => Number(/строка (\d+)/.exec(l)?.[1] ?? 0)),
  );
  return { h, timedOutRows, outcomes };
}

/** «Данные» by column code, dates as numbers, in school × period order. */
const comparable = (h: Harness) =>
  h
    .records(SHEETS.data)
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, c]) => [k, c instanceof Date ? c.getTime() : c]),
      ),
    )
    .sort((a, b) =>
      `${a.reporting_period}|${a.school}`.localeCompare(`${b.reporting_period}|${b.school}`),
    );

function assertEveryRawRowAccounted(h: Harness): void {
  const raw = h.values(SHEETS.responses);
  const data = h.records(SHEETS.data);
  const rejected = h.records(SHEETS.rejected);
  const header = raw[0].map(String);
  const schoolCol = header.findIndex((t) => /Код ОО|Школа/i.test(t));
  const timeCol = header.findIndex((t) => /Отметка времени|Timestamp/i.test(t));
  for (let row = 2; row <= raw.length; row++) {
    const ts = (raw[row - 1][timeCol] as Date).getTime();
    const inData = data.some((d) => Number(d.response_row) === row);
    const inRejected = rejected.some(
      (j) => Number(j.row) === row && (j.received as Date).getTime() === ts,
    );
    const school = schoolIdFromChoice(String(raw[row - 1][schoolCol]));
    const superseded = data.some(
      (d) => d.school === school && (d.received as Date).getTime() >= ts,
    );
    expect({ row, accounted: inData || inRejected || superseded }).toEqual({
      row,
      accounted: true,
    });
  }
}

describe('500 submissions with duplicates, blank events, edits and lock timeouts', () => {
  it('ingests exactly what «Сверить ответы» rebuilds when no submission timed out', () => {
    const { h, outcomes } = runChaos(false);
    expect(outcomes).toContain('duplicate');
    expect(outcomes).toContain('replaced');
    // Blank and repeated events ran the trigger more often than there are responses, and no
    // run failed.
    const runs = h.executions().filter((e) => e.handler === 'onFormSubmit');
    expect(runs.length).toBeGreaterThan(SUBMISSIONS * 1.2);
    expect(runs.filter((e) => e.error)).toEqual([]);
    const ingested = comparable(h);
    expect(ingested.length).toBeGreaterThan(40);
    h.project.call('menuReconcile');
    expect(comparable(h)).toEqual(ingested);
    assertEveryRawRowAccounted(h);
  });

  it('leaves timed-out rows to reconcile, which picks them up; the rest agrees; a second reconcile changes nothing', () => {
    const { h, timedOutRows } = runChaos(true);
    expect(timedOutRows.size).toBeGreaterThan(0);
    expect(h.executions().filter((e) => e.error)).toEqual([]);
    const raw = h.values(SHEETS.responses);
    const schoolCol = raw[0].map(String).findIndex((t) => /Код ОО|Школа/i.test(t));
    const affected = new Set(
      [...timedOutRows].map((row) => schoolIdFromChoice(String(raw[row - 1][schoolCol]))),
    );
    const before = comparable(h);
    h.project.call('menuReconcile');
    const after = comparable(h);
    const unaffected = (rows: typeof after) => rows.filter((r) => !affected.has(String(r.school)));
    expect(unaffected(after)).toEqual(unaffected(before));
    assertEveryRawRowAccounted(h);
    const rejectedOnce = h.values(SHEETS.rejected);
    h.project.call('menuReconcile');
    expect(comparable(h)).toEqual(after);
    expect(h.values(SHEETS.rejected)).toEqual(rejectedOnce);
  });
});
