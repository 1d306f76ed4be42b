/**
 * The results of `npm run bench` as Markdown: the tables the bench prints, and the README's
 * benchmark section (`npm run bench:readme -- FILE` puts them between the README's markers),
 * with each goal of issue 14 checked against the figures.
 */
import type { CoreMeasurement } from './bench-core';

export interface OperationRow {
  schools: number;
  operation: string;
  executions: number;
  calls: number;
  modelled_s: number;
  local_ms: number;
  top: string;
  /** Several executions (a long job): the slowest one, and all of them together. */
  max_calls?: number;
  max_modelled_s?: number;
  total_modelled_s?: number;
}

/** The Markdown tables of a results object (also used for the README). */
export function renderTables(results: Record<string, unknown>): string {
  const lines: string[] = [];
  const core = results.core as (CoreMeasurement & { compute_s_runs: number[] }) | undefined;
  if (core) {
    lines.push(
      `| pure core: ${core.schools.toLocaleString('en')} schools × ${core.periods} periods | median of ${String(results.runs)} |`,
      '|---|---:|',
      `| validate ${core.rows.toLocaleString('en')} response rows (wall / CPU) | ${core.validate_s} s / ${core.validate_cpu_s ?? '–'} s |`,
      `| computeMonitoring, first (wall / CPU) | ${core.compute_s} s / ${core.compute_cpu_s ?? '–'} s |`,
      `| computeMonitoring again (wall) | ${core.compute_again_s} s |`,
      `| max RSS of the process | ${Math.round(core.max_rss_mb)} MB |`,
      '',
    );
  }
  const ops = results.operations as Array<OperationRow & { label: string }> | undefined;
  if (ops && ops.length > 0) {
    lines.push(
      '| schools | operation | runs | calls/run | modelled Apps Script s/run | local ms/run | largest modelled shares |',
      '|---:|---|---:|---:|---:|---:|---|',
      ...ops.map(
        (r) =>
          `| ${r.schools} | ${r.label} | ${r.executions} | ${r.calls} | ${r.modelled_s.toFixed(2)}${r.max_modelled_s !== undefined ? ` (max ${r.max_modelled_s.toFixed(2)})` : ''} | ${r.local_ms} | ${r.top} |`,
      ),
      '',
    );
  }
  const offline = results.offline as
    { sizes: Array<Record<string, number | string | number[]>> } | undefined;
  if (offline) {
    lines.push(
      `| offline command, schools × periods | response rows | wall time (median of ${String(results.runs)}) | CPU time | max RSS | outputs |`,
      '|---:|---:|---:|---:|---:|---|',
      ...offline.sizes.map(
        (s) =>
          `| ${s.schools} × ${s.periods} | ${s.rows} | ${s.wall_s} s | ${s.cpu_s} s | ${s.max_rss_mb} MB | ${s.outputs} |`,
      ),
      '',
    );
  }
  const scaling = results.offline_scaling as { from: number; to: number; time_ratio: number };
  if (scaling)
    lines.push(
      `Offline scaling: ${scaling.to} schools take ${scaling.time_ratio}× the time of ${scaling.from}.`,
    );
  const load = results.bundle_load as { compile_ms: number; top_level_ms: number } | undefined;
  lines.push(
    `Bundle (dist/*.js + dist/*.html): ${String(results.bundle_kb)} KB${load ? `; loading dist/Code.js in a fresh process (median of 9): compile ${load.compile_ms} ms, top level ${load.top_level_ms} ms` : ''}.`,
  );
  const before = results.load_before as { uptime: string } | undefined;
  const after = results.load_after as { uptime: string } | undefined;
  if (before && after)
    lines.push(
      `Measured ${String(results.measured_at)}${results.commit ? ` at commit ${String(results.commit)}` : ''} on ${String(results.machine)}; load before: ${before.uptime.replace(/.*load average: /, '')}; after: ${after.uptime.replace(/.*load average: /, '')}.`,
    );
  return lines.join('\n');
}

interface Goal {
  what: string;
  goal: string;
  measured: string;
  holds: boolean;
}

type Results = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each performance goal, what was measured and whether it holds. */
export function goals(r: Results): Goal[] {
  const out: Goal[] = [];
  if (r.submission)
    out.push({
      what: 'one submission, at any size',
      goal: '≤ 15 calls, ≤ 1.2 s modelled',
      measured: `${r.submission.max_calls_any_size} calls, ${r.submission.max_modelled_s_any_size} s (worst size)`,
      holds: r.submission.max_calls_any_size <= 15 && r.submission.max_modelled_s_any_size <= 1.2,
    });
  if (r.recompute_and_report) {
    // The report brings the output sheets up to date first: it is recompute and report.
    const both = r.recompute_and_report;
    out.push({
      what: `recompute + report at ${both.schools} schools`,
      goal: '≤ 20 s modelled together',
      measured: `${both.modelled_s} s: the report after a new answer, which refreshes the sheets first (a later recompute alone: ${r.recompute?.modelled_s} s; first recompute: ${r.recompute?.first_run_modelled_s} s)`,
      holds: both.modelled_s <= 20,
    });
  } else if (r.recompute && r.report) {
    const sum = r.recompute.modelled_s + r.report.modelled_s;
    out.push({
      what: `recompute + report at ${r.recompute.schools} schools`,
      goal: '≤ 20 s modelled together',
      measured: `${r.recompute.modelled_s} + ${r.report.modelled_s} = ${sum.toFixed(2)} s (first recompute: ${r.recompute.first_run_modelled_s} s)`,
      holds: sum <= 20,
    });
  }
  if (r.core) {
    out.push({
      what: `core computeMonitoring, ${r.core.schools} × ${r.core.periods}`,
      goal: '≤ 2 s',
      measured: `${r.core.compute_s} s wall, ${r.core.compute_cpu_s ?? '–'} s CPU`,
      holds: r.core.compute_s <= 2,
    });
    out.push({
      what: `validation of ${r.core.rows} rows`,
      goal: '≤ 1.5 s',
      measured: `${r.core.validate_s} s wall, ${r.core.validate_cpu_s ?? '–'} s CPU`,
      holds: r.core.validate_s <= 1.5,
    });
    out.push({
      what: 'max RSS of the core bench process',
      goal: '≤ 600 MB',
      measured: `${Math.round(r.core.max_rss_mb)} MB`,
      holds: r.core.max_rss_mb <= 600,
    });
  }
  if (r.offline) {
    out.push({
      what: `offline ${r.offline.schools} × ${r.offline.periods}`,
      goal: '≤ 10 s, ≤ 400 MB',
      measured: `${r.offline.wall_s} s wall (${r.offline.cpu_s} s CPU), ${r.offline.max_rss_mb} MB`,
      holds: r.offline.wall_s <= 10 && r.offline.max_rss_mb <= 400,
    });
  }
  if (r.offline_scaling)
    out.push({
      what: `offline scaling ${r.offline_scaling.from} → ${r.offline_scaling.to} schools`,
      goal: '≤ 15× the time',
      measured: `${r.offline_scaling.time_ratio}×`,
      holds: r.offline_scaling.time_ratio <= 15,
    });
  out.push({
    what: 'bundle dist/*.js + *.html',
    goal: '< 200 KB, names readable',
    measured: `${r.bundle_kb} KB`,
    holds: r.bundle_kb < 200,
  });
  return out;
}

export function renderGoals(r: Results): string {
  return [
    '| what | goal | measured | holds |',
    '|---|---|---|---|',
    ...goals(r).map((g) => `| ${g.what} | ${g.goal} | ${g.measured} | ${g.holds ? 'yes' : 'no'} |`),
  ].join('\n');
}
