/**
 * «Журнал» is the log of runs, reminders and errors (domain spec, outputs table). A response's
 * ordinary fate shows where the inspector looks for it: an accepted or replacing version is its
 * row of «Данные», a rejected or held one its row of «Отклонено»; a second delivery of the same
 * event changes nothing. None of these writes a journal line (each line was two calls of every
 * submission). What is unusual still does: a blank event or row, an older version arriving late.
 */
import { INTAKE_STATE } from '../../src/core/words';
import { JOURNAL } from '../../src/core/messages';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, schoolId, validAnswers, type Harness } from './harness';

/** Each submit trigger run's outcome, in order. */
function outcomes(h: Harness): unknown[] {
  const runs: unknown[] = [];
  h.google.runtime.setHandlerInvoker((name, event) => {
    const outcome = h.project.call(name, event);
    if (name === 'onFormSubmit') runs.push(outcome);
    return outcome;
  });
  return runs;
}

const journalLines = (h: Harness) => h.values(SHEETS.journal).map((r) => `${r[1]}|${r[2]}`);
const receivedOf = (h: Harness, school: string) =>
  (h.records(SHEETS.data).find((r) => r.school === school)?.received as Date).getTime();

describe('«Журнал» and the ordinary outcomes of a submission', () => {
  it('an accepted response, its duplicate delivery, a replacement and a rejected one add no line; each shows in «Данные» or «Отклонено»', () => {
    const h = makeHarness(3);
    const runs = outcomes(h);
    const before = journalLines(h);

    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.google.runtime.clock.advance(60_000);
    h.google.runtime.faults.duplicateSubmitEvents = true;
    h.submit(validAnswers(2, { access_code: h.codeOf('0002') }));
    h.google.runtime.faults.duplicateSubmitEvents = false;
    h.google.runtime.clock.advance(60_000);
    const edited = h.submit(validAnswers(3, { access_code: h.codeOf('0003') }));
    h.google.runtime.clock.advance(60_000);
    h.edit(edited, validAnswers(3, { access_code: h.codeOf('0003'), students_total: '777' }));
    h.google.runtime.clock.advance(60_000);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001'), students_total: '-5' }));
    h.google.runtime.clock.advance(60_000);
    h.submit(validAnswers(2));

    expect(runs).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      'replaced',
      'rejected',
      'held',
    ]);
    expect(journalLines(h)).toEqual(before);
    // What the inspector sees instead: one row per school in «Данные», the replacing version
    // with its own time received; the rejected and held versions with their reasons.
    const data = h.records(SHEETS.data);
    expect(data.map((r) => [r.school, Number(r.response_row)])).toEqual([
      [schoolId(1), 2],
      [schoolId(2), 3],
      [schoolId(3), 4],
    ]);
    expect(Number(data[2].students_total)).toBe(777);
    const raw = h.values(SHEETS.responses);
    expect(receivedOf(h, schoolId(3))).toBe((raw[3][0] as Date).getTime());
    const rejected = h.records(SHEETS.rejected);
    expect(rejected.map((r) => [r.school_id, r.state, Number(r.row)])).toEqual([
      [schoolId(1), INTAKE_STATE.show('rejected'), 5],
      [schoolId(2), INTAKE_STATE.show('held'), 6],
    ]);
    expect(String(rejected[1].reasons)).toContain('Нет кода доступа');
  });

  it('reading the sheets (the cache expired) adds no line for an accepted response or its duplicate', () => {
    const h = makeHarness(2);
    const runs = outcomes(h);
    const before = journalLines(h);
    h.google.runtime.clock.advance(6 * 3600 * 1000 + 60_000);
    h.google.runtime.faults.duplicateSubmitEvents = true;
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    h.google.runtime.faults.duplicateSubmitEvents = false;
    expect(runs).toEqual(['accepted', 'duplicate']);
    expect(journalLines(h)).toEqual(before);
    expect(h.records(SHEETS.data).map((r) => r.school)).toEqual([schoolId(1)]);
  });

  it('a blank event and an empty row still write their lines, and a response after them none', () => {
    const h = makeHarness(2);
    const runs = outcomes(h);
    const before = journalLines(h);
    // Google sometimes sends an event without a range, or for a row that holds nothing.
    runs.push(h.project.call('onFormSubmit', { values: [], namedValues: {} }));
    const responses = h.ss.getSheetByName(SHEETS.responses)!;
    const width = responses.getLastColumn();
    const empty = responses.getRange(responses.getLastRow() + 2, 1, 1, width);
    runs.push(
      h.project.call('onFormSubmit', { range: empty, values: empty.getValues()[0].map(String) }),
    );
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(runs).toEqual(['blank', 'blank', 'accepted']);
    const added = journalLines(h).slice(before.length);
    expect(added.map((l) => l.split('|')[0])).toEqual([JOURNAL.blank, JOURNAL.blank]);
    expect(h.records(SHEETS.data).map((r) => r.school)).toEqual([schoolId(1)]);
  });

  it('an older version arriving after a newer one still writes its line, and changes no data', () => {
    const h = makeHarness(2);
    const before = journalLines(h);
    h.google.runtime.faults.lostSubmitEvents = true;
    h.submit(validAnswers(1, { access_code: h.codeOf('0001'), students_total: '111' }));
    h.google.runtime.faults.lostSubmitEvents = false;
    h.google.runtime.clock.advance(60_000);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001'), students_total: '222' }));
    // The first response's event comes late (Google retries), with its row of «Ответы формы».
    const responses = h.ss.getSheetByName(SHEETS.responses)!;
    const late = responses.getRange(2, 1, 1, responses.getLastColumn());
    expect(h.project.call('onFormSubmit', { range: late })).toBe('superseded');
    const added = journalLines(h).slice(before.length);
    expect(added.map((l) => l.split('|')[0])).toEqual([JOURNAL.superseded]);
    expect(h.records(SHEETS.data).map((r) => Number(r.students_total))).toEqual([222]);
  });
});
