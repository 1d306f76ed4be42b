/**
 * The built bundle keeps its Russian texts packed (scripts/pack-texts.mjs) and decodes them in
 * the script, at most once per execution and only when one is used: a normal form submission
 * decodes nothing, an execution that writes a text decodes once, the next one again (Apps Script
 * starts each execution in a fresh global scope). The model charges the decoding, not as a call.
 */
import { SHEETS } from '../../src/sheets/schema';
import { INTAKE } from '../../src/core/messages';
import { COST_MS, modelCost } from '../../emulator/cost';
import { makeHarness, validAnswers, type Harness } from './harness';

const decodes = (h: Harness): number =>
  h.google.runtime.calls
    .snapshot()
    .filter((e) => e.service === 'Script' && e.method === 'decodeTexts')
    .reduce((n, e) => n + e.calls, 0);

describe('packed texts of the built bundle', () => {
  it('a normal submission decodes no text', () => {
    const h = makeHarness(3);
    const before = decodes(h);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    expect(h.executions().filter((e) => e.error)).toEqual([]);
    expect(h.records(SHEETS.data)).toHaveLength(1);
    expect(decodes(h)).toBe(before);
  });

  it('a rejected submission writes its Russian reason, decoding once per execution', () => {
    const h = makeHarness(3);
    const before = decodes(h);
    h.submit(validAnswers(1, { access_code: 'WRONG1' }));
    expect(decodes(h)).toBe(before + 1);
    h.submit(validAnswers(2, { access_code: 'WRONG2' }));
    expect(decodes(h)).toBe(before + 2);
    const reasons = h
      .values(SHEETS.rejected)
      .slice(1)
      .map((row) => String(row[4]));
    expect(reasons).toEqual([
      expect.stringContaining(INTAKE.wrongAccessCode('WRONG1')),
      expect.stringContaining(INTAKE.wrongAccessCode('WRONG2')),
    ]);
  });

  it('the model charges a decoding once, and not as a service call', () => {
    const h = makeHarness(3);
    h.google.runtime.calls.reset();
    h.submit(validAnswers(1, { access_code: 'WRONG1' }));
    const entries = h.google.runtime.calls.snapshot();
    const withDecode = modelCost(entries);
    const without = modelCost(entries.filter((e) => e.method !== 'decodeTexts'));
    expect(withDecode.modelledMs - without.modelledMs).toBeCloseTo(COST_MS.textsDecode, 6);
    expect(withDecode.calls).toBe(without.calls);
    expect(h.google.runtime.calls.total()).toBe(without.calls);
  });
});
