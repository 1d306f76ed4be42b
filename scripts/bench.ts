/**
 * `npm run bench [-- --json FILE]`: how the product scales.
 *
 * - The add-on on the emulator for 20, 200 and 2,000 schools (two periods each), through the
 *   entry points Apps Script calls: per operation, emulated service calls and modelled Apps
 *   Script time per execution (emulator/cost.ts), and local wall time. Recompute is measured
 *   on its first run (one-time sheet layout) and on a later run apart; the report is measured
 *   alone. Custom functions, reconcile, link sending and school-list sync are measured too.
 * - The pure core at national scale (40,000 schools × 3 periods) in a fresh process per
 *   measurement, so that max RSS (process.resourceUsage) is the measurement's own.
 * - The offline command at 200 and 2,000 schools, a fresh process per measurement.
 * - The size of the Apps Script bundle (dist/*.js + dist/*.html).
 *
 * Wall times of the core and the offline command are medians of BENCH_RUNS (3) runs; modelled
 * times are deterministic. The machine's load (`uptime`) is recorded with the results, since
 * the machine may be shared. `--json FILE` writes the results; `scripts/bench-readme.ts`
 * turns that file into the README's benchmark section.
 *
 * Knobs: BENCH_SIZES=20,200 (emulator sizes), BENCH_CORE=0 / BENCH_OFFLINE=0 (skip a part),
 * BENCH_CORE_SCHOOLS, BENCH_OFFLINE_SIZES=200,2000, BENCH_RUNS. BENCH_SUBMISSIONS=0 (for iterating
 * on later operations): the responses are ingested in one «Сверить ответы» instead of one
 * trigger run each, so no «one submission» row; the stored data are the same.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromRows } from '../cli/csv';
import { runMonitoring, type Stage } from '../cli/pipeline';
import { syntheticMunicipality } from '../cli/synthetic';
import type { Google } from '../emulator';
import { modelCost } from '../emulator/cost';
import { SHEETS } from '../src/sheets/schema';
import type { CoreMeasurement } from './bench-core';
import { benchOfflineSize, type OfflineRow } from './bench-offline';
import { renderTables, type OperationRow } from './bench-render';

const root = path.join(__dirname, '..');

/** Operation codes and how the table names them. */
const LABEL: Record<string, string> = {
  setup: 'setup (onOpen + menu)',
  sync_first: 'school-list sync, first (with the inspector filling the sheets)',
  submission: 'one submission',
  recompute_first: 'recompute, first run (sheet layout)',
  recompute: 'recompute, later run',
  recompute_changed: 'recompute, later run after one school joins a list',
  report: 'report (document only)',
  letters: 'letters to schools (the whole job, per execution)',
  sync: 'school-list sync, later run',
  reconcile: 'reconcile',
  send_links: 'send personal links',
  custom_status_range: 'custom function SHNOR_STATUS over all schools (one cell)',
  custom_indicator: 'custom function SHNOR_INDICATOR (one cell)',
};

const PIPELINE_STAGES: Partial<Record<Stage, string>> = {
  setup: 'setup',
  inspector: 'sync_first',
  submit: 'submission',
  recompute: 'recompute_first',
  report: 'report',
  letters: 'letters',
};

function row(
  schools: number,
  operation: string,
  executions: number,
  wallMs: number,
  google: Google,
  startups = executions,
): OperationRow {
  const cost = modelCost(google.runtime.calls.snapshot(), startups);
  const top = Object.entries(cost.byService)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 2)
    .map(([s, v]) => `${s} ${(v.ms / executions / 1000).toFixed(2)} s`)
    .join(', ');
  return {
    schools,
    operation,
    executions,
    calls: cost.calls / executions,
    modelled_s: cost.modelledMs / executions / 1000,
    local_ms: wallMs / executions,
    top,
  };
}

async function benchSize(n: number): Promise<OperationRow[]> {
  const m = syntheticMunicipality(n, 7);
  const rows: OperationRow[] = [];
  const run = await runMonitoring(
    {
      registry: tableFromRows(m.registry, 'registry'),
      lists: tableFromRows(m.lists, 'lists'),
      settings: tableFromRows(m.settings, 'settings'),
      responses: [tableFromRows(m.responses, 'responses')],
    },
    {
      outDir: path.join(os.tmpdir(), `shnor-bench-${n}`),
      // One trigger run per response, as online: what «one submission» measures.
      ingest: process.env.BENCH_SUBMISSIONS === '0' ? 'batch' : 'trigger',
      onStageDone: (stage, { executions, wallMs, google }) => {
        const code = PIPELINE_STAGES[stage];
        if (code === 'submission' && process.env.BENCH_SUBMISSIONS === '0') return;
        if (code) rows.push(row(n, code, executions, wallMs, google));
      },
    },
  );
  const { google, project } = run;
  const schoolIds = m.registry.slice(1).map((r) => [r[0]]);
  const sheetValues = (name: string) =>
    google.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name)?.getDataRange().getValues() ??
    [];
  // What Sheets passes a custom function: the values of its range arguments.
  const formulaValues = sheetValues(SHEETS.formulaValues);
  const summary = sheetValues(SHEETS.summary);
  /** `startups` 0 for a custom function: its 0.5 s per calling cell is its start-up. */
  const measure = (code: string, fn: () => unknown, startups = 1) => {
    google.runtime.calls.reset();
    const started = Date.now();
    const out = fn();
    if (typeof out === 'string' && out.startsWith('#'))
      throw new Error(`${code}: ${out.slice(0, 200)}`);
    rows.push(row(n, code, 1, Date.now() - started, google, startups));
  };
  measure('recompute', () => project.call('menuRecompute'));
  // The inspector puts one more school on the latest period's list: a later run that has
  // something to rewrite (statuses, shares, the charts, the formula table's rows).
  const lastList = m.lists[m.lists.length - 1];
  const listed = new Set(m.lists.filter((r) => r[0] === lastList[0]).map((r) => r[1]));
  const newcomer = m.registry.slice(1).find((r) => !listed.has(r[0]));
  if (newcomer)
    google.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName(SHEETS.lists)
      ?.appendRow([`'${lastList[0]}`, `'${newcomer[0]}`, 'ШНОР']);
  measure('recompute_changed', () => project.call('menuRecompute'));
  measure('sync', () => project.call('menuSyncSchools'));
  measure('reconcile', () => project.call('menuReconcile'));
  measure('send_links', () => project.call('menuSendLinks'));
  measure(
    'custom_status_range',
    () => project.callCustomFunction('SHNOR_STATUS', schoolIds, formulaValues),
    0,
  );
  measure(
    'custom_indicator',
    () => project.callCustomFunction('SHNOR_INDICATOR', 'share_flagged', summary),
    0,
  );
  return rows;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median of each numeric field over runs. */
function medianOf<T extends object>(runs: T[]): T {
  const out = { ...runs[0] } as Record<string, unknown>;
  for (const [k, v] of Object.entries(runs[0]))
    if (typeof v === 'number') out[k] = median(runs.map((r) => (r as Record<string, number>)[k]));
  return out as unknown as T;
}

function coreRun(schools: number): CoreMeasurement {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bench-core.ts')],
    { env: { ...process.env, BENCH_CORE_SCHOOLS: String(schools) }, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as CoreMeasurement;
}

function load(): { uptime: string; loadavg: number[] } {
  let uptime = '';
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = '';
  }
  return { uptime, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) };
}

/** The commit measured (BENCH_COMMIT when the tree is not a git checkout). */
function commit(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
  } catch {
    return '';
  }
}

function bundleKb(): number {
  const dist = path.join(root, 'dist');
  let bytes = 0;
  for (const f of fs.readdirSync(dist))
    if (f.endsWith('.js') || f.endsWith('.html')) bytes += fs.statSync(path.join(dist, f)).size;
  return Math.round((bytes / 1024) * 10) / 10;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const results: Record<string, unknown> = {
    measured_at: new Date().toISOString(),
    machine: `Node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB`,
    runs,
    commit: commit(),
    load_before: load(),
  };

  if (process.env.BENCH_CORE !== '0') {
    const schools = Number(process.env.BENCH_CORE_SCHOOLS ?? 40000);
    const all = Array.from({ length: runs }, (_, i) => {
      const r = coreRun(schools);
      console.error(`  core run ${i + 1}: compute ${r.compute_s.toFixed(2)} s`);
      return r;
    });
    const core = medianOf(all);
    results.core = {
      ...Object.fromEntries(
        Object.entries(core).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]),
      ),
      compute_s_runs: all.map((r) => round(r.compute_s)),
      max_rss_mb_runs: all.map((r) => Math.round(r.max_rss_mb)),
    };
  }

  const sizes = (process.env.BENCH_SIZES ?? '20,200,2000').split(',').map(Number);
  const operations: OperationRow[] = [];
  for (const n of sizes) {
    const started = Date.now();
    operations.push(...(await benchSize(n)));
    console.error(`  emulator, ${n} schools: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  results.operations = operations.map((r) => ({
    ...r,
    label: LABEL[r.operation],
    calls: round(r.calls, 1),
    modelled_s: round(r.modelled_s),
    local_ms: round(r.local_ms, 1),
  }));
  const largest = Math.max(...sizes);
  const op = (code: string, n = largest) =>
    operations.find((r) => r.operation === code && r.schools === n);
  const submissions = operations.filter((r) => r.operation === 'submission');
  if (submissions.length > 0) {
    const s = op('submission');
    results.submission = {
      schools: largest,
      calls: round(s?.calls ?? 0, 1),
      modelled_s: round(s?.modelled_s ?? 0),
      max_calls_any_size: round(Math.max(...submissions.map((r) => r.calls)), 1),
      max_modelled_s_any_size: round(Math.max(...submissions.map((r) => r.modelled_s))),
    };
  }
  if (sizes.length > 0) {
    results.recompute = {
      schools: largest,
      modelled_s: round(op('recompute')?.modelled_s ?? 0),
      first_run_modelled_s: round(op('recompute_first')?.modelled_s ?? 0),
      changed_modelled_s: round(op('recompute_changed')?.modelled_s ?? 0),
    };
    results.report = { schools: largest, modelled_s: round(op('report')?.modelled_s ?? 0) };
  }

  if (process.env.BENCH_OFFLINE !== '0') {
    const offlineSizes = (process.env.BENCH_OFFLINE_SIZES ?? '200,2000').split(',').map(Number);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-bench-offline-'));
    const bySize = offlineSizes.map((n) => {
      const all: OfflineRow[] = Array.from({ length: runs }, (_, i) => {
        const r = benchOfflineSize(n, work);
        console.error(`  offline ${n} run ${i + 1}: ${r.seconds.toFixed(1)} s`);
        return r;
      });
      const med = medianOf(all);
      return {
        schools: n,
        periods: 2,
        rows: med.rows,
        wall_s: round(med.seconds),
        cpu_s: round(med.cpuSeconds),
        max_rss_mb: Math.round(med.maxRssMb),
        wall_s_runs: all.map((r) => round(r.seconds)),
        outputs: med.outputs,
      };
    });
    const big = bySize[bySize.length - 1];
    results.offline = { ...big, sizes: bySize };
    if (bySize.length > 1)
      results.offline_scaling = {
        from: bySize[0].schools,
        to: big.schools,
        time_ratio: round(big.wall_s / bySize[0].wall_s, 1),
      };
  }

  results.bundle_kb = bundleKb();
  results.load_after = load();

  console.log(renderTables(results));
  if (jsonFile) {
    fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
    console.error(`results: ${jsonFile}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
