/**
 * `npm run bench:offline`: the offline command end to end on a synthetic municipality
 * (2,000 schools × 2 periods by default; BENCH_OFFLINE_SIZES=200,2000 for several sizes).
 * The CSV files are written first; then `bin/shnor-monitor.cjs run` runs in its own process,
 * so that its wall time and peak memory (process.resourceUsage().maxRSS) are its own.
 * `npm run bench` uses `benchOfflineSize` for its offline rows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { syntheticMunicipality } from '../cli/synthetic';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'shnor-monitor.cjs');

/** Preloaded into the command's process: writes its own resource usage when it exits. */
const HOOK = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(u));
});`;

export interface OfflineRow {
  schools: number;
  rows: number;
  inputMb: number;
  seconds: number;
  maxRssMb: number;
  cpuSeconds: number;
  outputs: string;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** The offline command on `schools` schools × 2 periods, in a fresh process. */
export function benchOfflineSize(schools: number, work: string): OfflineRow {
  const dir = path.join(work, String(schools));
  fs.mkdirSync(dir, { recursive: true });
  const m = syntheticMunicipality(schools, 7);
  const files: Record<string, string[][]> = {
    registry: m.registry,
    lists: m.lists,
    settings: m.settings,
    responses: m.responses,
  };
  let inputBytes = 0;
  for (const [name, rows] of Object.entries(files)) {
    const text = stringify(rows, { delimiter: ';' });
    fs.writeFileSync(path.join(dir, `${name}.csv`), text);
    inputBytes += Buffer.byteLength(text);
  }
  const out = path.join(dir, 'out');
  const hook = path.join(work, 'usage-hook.cjs');
  fs.writeFileSync(hook, HOOK);
  const usageFile = path.join(dir, 'usage.json');
  const args = Object.keys(files).flatMap((n) => [`--${n}`, path.join(dir, `${n}.csv`)]);
  const started = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    ['--require', hook, bin, 'run', ...args, '--out', out, '--quiet'],
    { encoding: 'utf8', env: { ...process.env, BENCH_USAGE_FILE: usageFile } },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`exit ${run.status}\n${run.stderr}`);
  const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  const size = (f: string) => fs.statSync(path.join(out, f)).size;
  return {
    schools,
    rows: m.responses.length - 1,
    inputMb: mb(inputBytes),
    seconds,
    // maxRSS is in kilobytes.
    maxRssMb: usage.maxRSS / 1024,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    outputs: `xlsx ${mb(size('monitoring.xlsx')).toFixed(1)} MB, docx ${(size('report.docx') / 1024).toFixed(0)} KB, json ${(size('summary.json') / 1024).toFixed(0)} KB`,
  };
}

function main(): void {
  const sizes = (process.env.BENCH_OFFLINE_SIZES ?? '2000').split(',').map(Number);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-bench-offline-'));
  const rows = sizes.map((n) => {
    const row = benchOfflineSize(n, work);
    console.error(`  ${n} schools: ${row.seconds.toFixed(1)} s`);
    return row;
  });
  console.log(
    '\n| schools × periods | response rows | input CSV | wall time | CPU time | peak memory (maxRSS) | outputs |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.schools} × 2 | ${r.rows} | ${r.inputMb.toFixed(1)} MB | ${r.seconds.toFixed(1)} s | ` +
        `${r.cpuSeconds.toFixed(1)} s | ${r.maxRssMb.toFixed(0)} MB | ${r.outputs} |`,
    );
  }
  console.log(`\nNode ${process.version}, ${os.cpus().length} cores; files in ${work}`);
}

if (require.main === module) main();
