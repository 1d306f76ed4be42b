/**
 * The offline command runs on this machine, where no Apps Script execution limit applies: its
 * emulated clock does not follow modelled Apps Script time, so a long job (the letters) ends
 * in its first execution instead of reloading the data for every modelled six-minute chunk.
 * Online (the emulator's default, the bench) the same job is chunked as on Google.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromRows } from '../../cli/csv';
import { runMonitoring, type RunOptions } from '../../cli/pipeline';
import { syntheticMunicipality } from '../../cli/synthetic';

const runOptions: RunOptions[] = [];
jest.mock('../../cli/pipeline', () => {
  const actual = jest.requireActual('../../cli/pipeline');
  return {
    ...actual,
    runMonitoring: (inputs: unknown, options: RunOptions) => {
      runOptions.push(options);
      return actual.runMonitoring(inputs, options);
    },
  };
});

async function lettersRun(clockFollowsCost: boolean | undefined) {
  // Enough schools for the letters to outlast one chunk's budget in modelled time.
  const m = syntheticMunicipality(120, 11);
  let executions = 0;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-offline-clock-'));
  const run = await runMonitoring(
    {
      registry: tableFromRows(m.registry, 'registry'),
      lists: tableFromRows(m.lists, 'lists'),
      settings: tableFromRows(m.settings, 'settings'),
      responses: [tableFromRows(m.responses, 'responses')],
    },
    {
      outDir,
      ...(clockFollowsCost === undefined ? {} : { clockFollowsCost }),
      onStageDone: (stage, info) => {
        if (stage === 'letters') executions = info.executions;
      },
    },
  );
  const letters = fs.readdirSync(run.files.letters).length;
  return { executions, letters, responded: run.summary.responded };
}

describe('the emulated clock of a local run', () => {
  it('chunks the letters job by modelled time by default, and runs it whole when told not to follow it', async () => {
    const chunked = await lettersRun(undefined);
    const whole = await lettersRun(false);
    expect(chunked.executions).toBeGreaterThan(1);
    expect(whole.executions).toBe(1);
    // The same letters either way.
    expect(whole.letters).toBe(chunked.letters);
    expect(whole.letters).toBeGreaterThan(0);
  }, 120_000);

  it('is not followed by the offline command', async () => {
    const { cli, sampleArgs, tempDir } = await import('../cli/helpers');
    runOptions.length = 0;
    const r = await cli(...sampleArgs(tempDir()));
    expect(r.code).toBe(0);
    expect(runOptions).toHaveLength(1);
    expect(runOptions[0].clockFollowsCost).toBe(false);
  }, 120_000);
});
