/** Shared by the CLI tests: the committed fixtures, temporary folders, the command in-process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import type { SummaryJson } from '../../src/core/summaryJson';

export const KANSK = path.join(__dirname, 'fixtures', 'kansk');
export const kansk = (name: string) => path.join(KANSK, name);

export function tempDir(prefix = 'shnor-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line as the bin runs it, with its output captured. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** The Kansk run's arguments, with the output folder. */
export function kanskArgs(out: string, responses = kansk('responses.csv')): string[] {
  return [
    'run',
    '--registry',
    kansk('registry.csv'),
    '--responses',
    responses,
    '--lists',
    kansk('lists.csv'),
    '--settings',
    kansk('settings.csv'),
    '--out',
    out,
  ];
}

const root = path.join(__dirname, '..', '..');
const sample = (name: string) => path.join(root, 'sample', `${name}.csv`);

/** The run's arguments on the shipped sample, with extra options and the output folder. */
export const sampleArgs = (out: string, ...extra: string[]): string[] => [
  'run',
  '--registry',
  sample('registry'),
  '--responses',
  sample('responses'),
  '--lists',
  sample('lists'),
  '--settings',
  sample('settings'),
  ...extra,
  '--out',
  out,
];

/** The summary as the product writes it (section 9 of the domain spec). */
export type Summary = SummaryJson;
export type Indicator = SummaryJson['indicators'][number];

export function readSummary(dir: string): Summary {
  return JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')) as Summary;
}

export function indicator(summary: Summary, code: string): Indicator {
  const found = summary.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}
