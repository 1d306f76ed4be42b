/**
 * Errors in Apps Script's execution log name the functions they went through. The build
 * minifies dist/Code.js but keeps every function's and class's name (scripts/build.mjs,
 * `shrink`), and V8 prints those names in `error.stack`. Both tests run the built bundle on
 * the emulator and read the stack of an error thrown inside it.
 */
import { makeHarness, validAnswers, type Harness } from './harness';

type ScriptApp = { __throwHandlerErrors(on: boolean): void };

/** The names of a stack's frames, innermost first (`GasLock.withLock`, `computeMonitoring`). */
function frames(error: unknown): string[] {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  return [...stack.matchAll(/^\s+at (?:new )?([\w$.<>]+) /gm)].map((m) => m[1]);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function rethrowing(h: Harness): Harness {
  (h.google.ScriptApp as unknown as ScriptApp).__throwHandlerErrors(true);
  return h;
}

describe('stack traces of the built bundle', () => {
  const limit = Error.stackTraceLimit;
  beforeAll(() => {
    Error.stackTraceLimit = 100;
  });
  afterAll(() => {
    Error.stackTraceLimit = limit;
  });

  it('an execution killed by the time limit while it ingests a response names ingestSubmission', () => {
    const answer = (h: Harness) => validAnswers(1, { access_code: h.codeOf('0001') });
    const h = rethrowing(makeHarness(3));
    const answers = answer(h);
    const before = h.google.runtime.calls.total();
    h.submit(answers);
    const calls = h.google.runtime.calls.total() - before;
    // Kill the execution at its last calls, going back until the kill strikes while the
    // response is ingested under the lock (the last calls of a submission are made there).
    let names: string[] = [];
    for (let k = calls - 1; k >= 0 && !names.includes('ingestSubmission'); k--) {
      const killed = rethrowing(makeHarness(3));
      const answers = answer(killed);
      killed.google.runtime.faults.killAfterCalls = k;
      const error = thrown(() => killed.submit(answers));
      expect(String(error)).toContain('Exceeded maximum execution time');
      names = frames(error);
    }
    expect(names).toContain('ingestSubmission');
    expect(names).toContain('GasLock.withLock');
    expect(names).toContain('handleFormSubmit');
    expect(names).toContain('onFormSubmit');
  });

  it('an error inside the core names computeMonitoring and the job that ran it', () => {
    const h = makeHarness(3);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    // The script's Math fails: the first use during a recompute outside the decoding of the
    // packed texts (scripts/pack-texts.mjs, tested below) is the core's.
    const failing = Object.create(Math) as Math;
    failing.max = (...values: number[]) => {
      if ((new Error().stack ?? '').includes('builtText')) return Math.max(...values);
      throw new Error('Math.max failed');
    };
    h.project.globals.Math = failing;
    const error = thrown(() => h.project.call('menuRecompute'));
    expect(String(error)).toContain('Math.max failed');
    const names = frames(error);
    expect(names[1]).toBe('computeMonitoring');
    expect(names).toContain('runRecompute');
    expect(names).toContain('menuRecompute');
  });

  it('an error while the texts are decoded names the decoder and the inflater', () => {
    const h = makeHarness(3);
    h.submit(validAnswers(1, { access_code: h.codeOf('0001') }));
    // fflate grows its output buffer with Math.max: the recompute's first text decodes.
    const failing = Object.create(Math) as Math;
    failing.max = () => {
      throw new Error('Math.max failed');
    };
    h.project.globals.Math = failing;
    const error = thrown(() => h.project.call('menuRecompute'));
    expect(String(error)).toContain('Math.max failed');
    const names = frames(error);
    expect(names).toContain('builtText');
    expect(names).toContain('inflt');
    expect(names).toContain('menuRecompute');
  });
});
