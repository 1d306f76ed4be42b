/**
 * `npm run bench [-- --json FILE]`: how the product scales.
 *
 * - The add-on on the emulator for 20, 200 and 2,000 schools (two periods each), through the
 *   entry points Apps Script calls: per operation, emulated service calls and modelled Apps
 *   Script time per execution (emulator/cost.ts), and local wall time. Recompute is measured
 *   on its first run (one-time sheet layout) and on a later run apart; the report, which
 *   brings the sheets up to date before its document, after a new answer (JSON
 *   `recompute_and_report`), and right after a recompute. Custom functions, reconcile, link sending and school-list sync are measured too.
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
 * BENCH_CORE_SCHOOLS, BENCH_OFFLINE_SIZES=200,2000, BENCH_RUNS.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromRows } from '../cli/csv';
import { formFiller, runMonitoring, type CountedCalls, type Stage } from '../cli/pipeline';
import { syntheticMunicipality } from '../cli/synthetic';
import type { Google } from '../emulator';
import { costOf, modelCost } from '../emulator/cost';
import { FORM_ID_KEY, SHEETS } from '../src/sheets/schema';
import type { CoreMeasurement } from './bench-core';
import { benchOfflineSize, type OfflineRow } from './bench-offline';
import { renderTables, type OperationRow } from './bench-render';

const root = path.join(__dirname, '..');

/** Operation codes and how the table names them. */
const LABEL: Record<string, string> = {
  setup: 'setup (onOpen + menu)',
  sync_first: 'school-list sync, first (with the inspector filling the sheets)',
  submission: 'one submission',
  submission_new: 'one submission: a new school and period',
  submission_replacement: 'one submission: a later version (replaces its row)',
  submission_duplicate: 'one submission: the same event again (duplicate)',
  submission_rejected: 'one submission: rejected (with the e-mail to the school)',
  submission_cold: 'one submission: cache expired (6 h quiet), read from the sheets',
  recompute_first: 'recompute, first run (sheet layout)',
  recompute: 'recompute, later run',
  recompute_changed: 'recompute, later run after one school joins a list',
  report_after_recompute: 'report right after a recompute (the sheets already up to date)',
  report: 'report after a new answer (refreshes the sheets, then the document)',
  letters: 'letters to schools (a long job: per execution, the slowest in brackets)',
  sync: 'school-list sync, later run',
  reconcile: 'reconcile',
  send_links: 'send personal links',
  custom_status_range: 'custom function SHNOR_STATUS over all schools (one cell)',
  custom_indicator: 'custom function SHNOR_INDICATOR (one cell)',
};

const PIPELINE_STAGES: Partial<Record<Stage, string>> = {
  setup: 'setup',
  inspector: 'sync_first',
  trigger: 'submission',
  recompute: 'recompute_first',
  report: 'report_after_recompute',
  letters: 'letters',
};

function row(
  schools: number,
  operation: string,
  executions: number,
  wallMs: number,
  google: Google,
  startups = executions,
  perExecution?: CountedCalls[],
): OperationRow {
  const cost = modelCost(
    perExecution ? perExecution.flat() : google.runtime.calls.snapshot(),
    startups,
  );
  // A long job: its executions apart, since each must fit Apps Script's 6 minutes.
  const each = perExecution?.map((calls) => modelCost(calls, 1));
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
    ...(each && each.length > 1
      ? {
          max_calls: Math.max(...each.map((c) => c.calls)),
          max_modelled_s: Math.max(...each.map((c) => c.modelledMs)) / 1000,
          total_modelled_s: cost.modelledMs / 1000,
        }
      : {}),
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
      // The responses go in through the add-on's «Сверить ответы», as offline; the last ones
      // each through the submit trigger, as online, a minute apart (the rush before a
      // deadline, when the cost matters): «one submission». After six quiet hours the cache
      // has expired: that case is its own row.
      ingest: 'batch',
      triggerLast: SAMPLE,
      triggerSpacingMs: 60_000,
      onStageDone: (stage, { executions, wallMs, google, perExecution }) => {
        const code = PIPELINE_STAGES[stage];
        if (code) rows.push(row(n, code, executions, wallMs, google, executions, perExecution));
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
  const kinds = submissionKinds(n, m, google, project, run);
  rows.push(...kinds.rows);
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
  // The report as an inspector asks for it: after a new answer, the sheets not recomputed
  // since (it brings them up to date, then writes the document). A long job: every execution.
  kinds.again();
  {
    const perExecution: CountedCalls[] = [];
    const started = Date.now();
    for (let call = 'menuReport'; perExecution.length <= 1000; call = 'continueJob') {
      google.runtime.calls.reset();
      project.call(call);
      perExecution.push(google.runtime.calls.snapshot());
      const current = google.PropertiesService.getDocumentProperties().getProperty('job.current');
      if (!current || (JSON.parse(current) as { status?: string }).status !== 'running') break;
    }
    rows.push(
      row(
        n,
        'report',
        perExecution.length,
        Date.now() - started,
        google,
        perExecution.length,
        perExecution,
      ),
    );
  }
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

/** BENCH_TRACE=1: each submission kind's calls in order, with their modelled cost (stderr). */
const TRACE = process.env.BENCH_TRACE === '1';

function printTrace(title: string, calls: ReturnType<Google['runtime']['calls']['traced']>): void {
  const lines = calls.map((call, i) => {
    const ms = costOf({ ...call, calls: 1 });
    const cells = call.cellsRead + call.cellsWritten;
    return `  ${String(i + 1).padStart(3)} ${ms.toFixed(1).padStart(7)} ms  ${call.service}.${call.method}${cells ? ` (${cells} cells)` : ''}`;
  });
  console.error(
    `${title}: ${calls.filter((c) => c.method !== 'readAfterWrite').length} calls\n${lines.join('\n')}`,
  );
}

/** Responses submitted through the trigger at the end (their own times): «one submission». */
const SAMPLE = Number(process.env.BENCH_SUBMISSIONS ?? 20);

/**
 * One submission of each kind, each a real trigger run doing the product's whole work, with
 * the outcome checked: a school and period not yet answered, a later version of an answer, the
 * same event delivered twice (Google does), a rejected answer (the school is e-mailed), and a
 * later version after six quiet hours (the cache expired: the sheets are read).
 */
function submissionKinds(
  n: number,
  m: ReturnType<typeof syntheticMunicipality>,
  google: Google,
  project: Awaited<ReturnType<typeof runMonitoring>>['project'],
  run: Awaited<ReturnType<typeof runMonitoring>>,
): { rows: OperationRow[]; again: () => void } {
  const rows: OperationRow[] = [];
  const runs: Array<{
    outcome: unknown;
    wallMs: number;
    calls: ReturnType<Google['runtime']['calls']['snapshot']>;
    traced: ReturnType<Google['runtime']['calls']['traced']>;
  }> = [];
  if (TRACE) google.runtime.calls.trace();
  google.runtime.setHandlerInvoker((name, event) => {
    google.runtime.calls.reset();
    const started = Date.now();
    const outcome = project.call(name, event);
    runs.push({
      outcome,
      wallMs: Date.now() - started,
      calls: google.runtime.calls.snapshot(),
      traced: google.runtime.calls.traced(),
    });
    return outcome;
  });
  const formId = google.PropertiesService.getDocumentProperties().getProperty(FORM_ID_KEY) ?? '';
  const form = google.FormApp.openById(formId);
  const fill = google.runtime.asUser(() => formFiller(google, form));
  const period = run.summary.period;
  const answered = new Set(
    run.submissions.filter((s) => s.record.period === period).map((s) => s.record.school_id),
  );
  const template = run.submissions.find(
    (s) => s.record.period === period && /^\d+$/.test(s.record.students_total ?? ''),
  );
  const fresh = m.registry.slice(1).find((r) => !answered.has(r[0]))?.[0];
  if (!template || !fresh) throw new Error('bench: no template response or unanswered school');
  const submitAs = (code: string, record: Record<string, string>, expect: string[]) => {
    const from = runs.length;
    google.runtime.asUser(() => fill({ ...template, record, at: null }));
    const mine = runs.slice(from);
    const got = mine.map((r) => String(r.outcome));
    if (got.join(',') !== expect.join(','))
      throw new Error(`bench ${code}: outcomes ${got.join(',')}, expected ${expect.join(',')}`);
    const last = mine[mine.length - 1];
    const cost = modelCost(last.calls, 1);
    if (TRACE) printTrace(`${n} schools, ${code}`, last.traced);
    const top = Object.entries(cost.byService)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 2)
      .map(([s, v]) => `${s} ${(v.ms / 1000).toFixed(2)} s`)
      .join(', ');
    rows.push({
      schools: n,
      operation: code,
      executions: 1,
      calls: cost.calls,
      modelled_s: cost.modelledMs / 1000,
      local_ms: last.wallMs,
      top,
    });
  };
  submitAs('submission_new', { ...template.record, school_id: fresh }, ['accepted']);
  submitAs('submission_replacement', { ...template.record }, ['replaced']);
  google.runtime.faults.duplicateSubmitEvents = true;
  submitAs('submission_duplicate', { ...template.record }, ['replaced', 'duplicate']);
  google.runtime.faults.duplicateSubmitEvents = false;
  submitAs('submission_rejected', { ...template.record, students_total: '-5' }, ['rejected']);
  google.runtime.clock.advance(6 * 3600 * 1000 + 60_000);
  submitAs('submission_cold', { ...template.record }, ['replaced']);
  google.runtime.setHandlerInvoker((name, event) => project.call(name, event));
  // One more answer later: a school's next version, with one figure changed.
  const again = () =>
    google.runtime.asUser(() =>
      fill({
        ...template,
        record: {
          ...template.record,
          students_total: String(Number(template.record.students_total) + 7),
        },
        at: null,
      }),
    );
  return { rows, again };
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
    // tsx's CommonJS hook in this process, as bin/shnor-monitor.cjs runs the CLI: `--import tsx`
    // would add its ESM loader thread (a second V8 heap) to the measured peak.
    ['--require', 'tsx/cjs', path.join(__dirname, 'bench-core.ts')],
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

/**
 * What loading the bundle costs an execution on this machine: V8 compiling dist/Code.js and
 * running its top level in an empty context, in a fresh process each time (no code cache), as
 * every Apps Script execution loads the script afresh. Median of `runs`, in ms. Apps Script's own
 * load (fetching the project) is not in it; it is the part the bundle's size drives.
 */
function bundleLoadMs(runs: number): { compile_ms: number; top_level_ms: number } {
  const probe = [
    "const fs=require('fs'),vm=require('vm');",
    "const code=fs.readFileSync(process.argv[1],'utf8');",
    'const a=process.hrtime.bigint();',
    "const s=new vm.Script(code,{filename:'Code.js'});",
    'const b=process.hrtime.bigint();',
    's.runInContext(vm.createContext({}));',
    'const c=process.hrtime.bigint();',
    'console.log(JSON.stringify([Number(b-a)/1e6,Number(c-b)/1e6]));',
  ].join('');
  const each = Array.from(
    { length: runs },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['-e', probe, path.join(root, 'dist', 'Code.js')], {
          encoding: 'utf8',
        }),
      ) as [number, number],
  );
  return {
    compile_ms: round(median(each.map((e) => e[0])), 1),
    top_level_ms: round(median(each.map((e) => e[1])), 1),
  };
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
    ...(r.max_modelled_s !== undefined
      ? {
          max_modelled_s: round(r.max_modelled_s),
          total_modelled_s: round(r.total_modelled_s ?? 0),
        }
      : {}),
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
      // Each kind once (submissionKinds), at the largest size.
      by_kind: Object.fromEntries(
        ['new', 'replacement', 'duplicate', 'rejected', 'cold'].map((kind) => {
          const k = op(`submission_${kind}`);
          return [kind, { calls: round(k?.calls ?? 0, 1), modelled_s: round(k?.modelled_s ?? 0) }];
        }),
      ),
    };
  }
  if (sizes.length > 0) {
    results.recompute = {
      schools: largest,
      modelled_s: round(op('recompute')?.modelled_s ?? 0),
      first_run_modelled_s: round(op('recompute_first')?.modelled_s ?? 0),
      changed_modelled_s: round(op('recompute_changed')?.modelled_s ?? 0),
    };
    const report = op('report');
    const reportS = round(report?.total_modelled_s ?? report?.modelled_s ?? 0);
    results.report = {
      schools: largest,
      modelled_s: reportS,
      executions: report?.executions ?? 0,
      max_modelled_s_per_execution: round(report?.max_modelled_s ?? report?.modelled_s ?? 0),
    };
    // The report refreshes the sheets first (a recompute inside), so it is recompute and report
    // together: the issue's goal is this figure, not the two rows added.
    results.recompute_and_report = { schools: largest, modelled_s: reportS };
    const letters = op('letters');
    if (letters)
      results.letters = {
        schools: largest,
        executions: letters.executions,
        modelled_s: round(letters.total_modelled_s ?? letters.modelled_s),
        max_modelled_s_per_execution: round(letters.max_modelled_s ?? letters.modelled_s),
      };
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
        max_rss_mb_runs: all.map((r) => Math.round(r.maxRssMb)),
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
  results.bundle_load = bundleLoadMs(9);
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
