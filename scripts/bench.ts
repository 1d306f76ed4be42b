/**
 * `npm run bench`: the pipeline for 20, 200 and 2,000 schools (two periods each) on the
 * emulator. For each operation: emulated service calls per execution, modelled Apps Script
 * time per execution (emulator/cost.ts) and local wall time.
 * `BENCH_SIZES=20,200` limits the sizes. First, the pure core alone at national scale
 * (40,000 schools × 3 periods; `BENCH_CORE=0` skips it).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { tableFromRows } from '../cli/csv';
import { runMonitoring, type Stage } from '../cli/pipeline';
import { syntheticMunicipality } from '../cli/synthetic';
import { modelCost } from '../emulator/cost';

interface Row {
  schools: number;
  stage: Stage;
  executions: number;
  callsPerExec: number;
  modelledSecPerExec: number;
  wallMsPerExec: number;
  top: string;
}

const STAGES: Stage[] = ['setup', 'submit', 'recompute', 'report'];
const LABEL: Record<string, string> = {
  setup: 'setup (onOpen + menu)',
  submit: 'one submission',
  recompute: 'recompute',
  report: 'report (recompute + doc)',
};

async function benchSize(n: number): Promise<Row[]> {
  const m = syntheticMunicipality(n, 7);
  const rows: Row[] = [];
  await runMonitoring(
    {
      registry: tableFromRows(m.registry, 'registry'),
      lists: tableFromRows(m.lists, 'lists'),
      settings: tableFromRows(m.settings, 'settings'),
      responses: [tableFromRows(m.responses, 'responses')],
    },
    {
      outDir: path.join(os.tmpdir(), `shnor-bench-${n}`),
      onStageDone: (stage, { executions, wallMs, google }) => {
        if (!STAGES.includes(stage)) return;
        const entries = google.runtime.calls.snapshot();
        const cost = modelCost(entries, executions);
        const top = Object.entries(cost.byService)
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 2)
          .map(([s, v]) => `${s} ${(v.ms / executions / 1000).toFixed(2)}s`)
          .join(', ');
        rows.push({
          schools: n,
          stage,
          executions,
          callsPerExec: cost.calls / executions,
          modelledSecPerExec: cost.modelledMs / executions / 1000,
          wallMsPerExec: wallMs / executions,
          top,
        });
      },
    },
  );
  return rows;
}

/** The core alone, in its own process so that its peak memory is its own. */
function coreBench(): string {
  const schools = process.env.BENCH_CORE_SCHOOLS ?? '40000';
  return execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'bench-core.ts')],
    {
      env: { ...process.env, BENCH_CORE_SCHOOLS: schools },
      encoding: 'utf8',
    },
  );
}

async function main(): Promise<void> {
  if (process.env.BENCH_CORE !== '0') {
    console.log('\n| pure core | |\n|---|---|');
    console.log(coreBench().trim());
  }
  const sizes = (process.env.BENCH_SIZES ?? '20,200,2000').split(',').map(Number);
  const all: Row[] = [];
  for (const n of sizes) {
    const started = Date.now();
    all.push(...(await benchSize(n)));
    console.error(`  ${n} schools: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const header =
    '| schools | operation | runs | calls/run | modelled Apps Script s/run | local ms/run | largest modelled shares |';
  console.log(`\n${header}\n|---:|---|---:|---:|---:|---:|---|`);
  for (const r of all) {
    console.log(
      `| ${r.schools} | ${LABEL[r.stage]} | ${r.executions} | ${r.callsPerExec.toFixed(1)} | ` +
        `${r.modelledSecPerExec.toFixed(2)} | ${r.wallMsPerExec.toFixed(1)} | ${r.top} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
