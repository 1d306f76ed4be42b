/**
 * The pure core alone at national scale: 40,000 schools × 3 periods through validation and
 * computeMonitoring. Run by `npm run bench` in a fresh process per measurement, so that the
 * process's peak memory (process.resourceUsage().maxRSS) is this measurement's own. Prints
 * one JSON line. BENCH_CORE_SCHOOLS changes the size. By hand:
 * `BENCH_CORE_SCHOOLS=40000 node --require tsx/cjs scripts/bench-core.ts` (tsx's CommonJS hook
 * in the process, as the CLI loads it; `--import tsx` adds an ESM loader thread with a heap of
 * its own that the product never has, about 15–35 MB of the peak).
 */
import { syntheticMunicipality } from '../cli/synthetic';
import { tableFromRows } from '../cli/csv';
import { computeMonitoring } from '../src/core/monitoring';
import { parseLists, parseRegistry } from '../src/core/registry';
import { readSettings } from '../src/core/settings';
import { CATALOGUE } from '../src/core/catalogue';
import { judge, type IntakeContext, type RawResponse } from '../src/core/intake';
import type { DataRow } from '../src/core/types';

export interface CoreMeasurement {
  schools: number;
  periods: number;
  rows: number;
  accepted: number;
  flagged: number;
  generate_s: number;
  validate_s: number;
  /** The first computeMonitoring of the process. */
  compute_s: number;
  /** The same computation again (warm code, warm heap). */
  compute_again_s: number;
  /** CPU time (user + system) of validation and of the first computation: less sensitive than
   * wall time to other processes sharing the machine. */
  validate_cpu_s: number;
  compute_cpu_s: number;
  max_rss_mb: number;
}

const seconds = (from: bigint, to: bigint) => Number(to - from) / 1e9;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * The third period: the second municipality's current period, one year on. A function of its
 * own, so that the rest of that municipality (its other period, registry, lists) is garbage
 * as soon as the rows are taken: the add-on never holds a second municipality.
 */
function thirdPeriod(schools: number): string[][] {
  return syntheticMunicipality(schools, 12)
    .responses.slice(1)
    .filter((r) => r[1] === '2025-2026')
    .map((r) => [r[0], '2026-2027', ...r.slice(2)]);
}

/**
 * What the add-on reads before judging responses: the responses (records by column header, as
 * the responses sheet's rows give them), the registry, lists and settings. The generator's
 * string tables are garbage once it returns.
 */
function generated(schools: number) {
  const third = thirdPeriod(schools);
  const a = syntheticMunicipality(schools, 11);
  const responses = tableFromRows([...a.responses, ...third], 'responses').rows.map(
    (r) => r.record,
  );
  const { schools: registry } = parseRegistry(
    tableFromRows(a.registry, 'registry').rows.map((r) => r.record),
  );
  const { entries: lists } = parseLists(tableFromRows(a.lists, 'lists').rows.map((r) => r.record));
  const { settings } = readSettings(a.settings.slice(1).map(([k, v]) => [k, v]));
  return { responses, registry, lists, settings };
}

/**
 * The generated municipality, validated as intake does. A function of its own, so that the
 * raw responses (about 100 MB at 40,000 schools) are garbage once it returns: the
 * add-on computes from «Данные», not beside the raw responses that produced them.
 */
function validatedInputs(schools: number) {
  const t0 = process.hrtime.bigint();
  const { responses, registry, lists, settings } = generated(schools);
  // Responses as intake and «Сверить ответы» judge them: answers by field code, the time sent.
  const raws: RawResponse[] = responses.map((answers, i) => ({
    row: i + 2,
    timestamp: new Date(answers.timestamp),
    answers,
  }));
  // What intakeContext() gives the add-on (access codes not checked: they are not validation),
  // with a clock after the last period, so periods and timestamps are checked as live.
  const ctx: IntakeContext = {
    schools: registry,
    settings,
    expectedCode: null,
    now: new Date(Date.UTC(2027, 5, 1)),
    catalogue: CATALOGUE,
  };
  const t1 = process.hrtime.bigint();
  const c1 = cpu();
  const data: DataRow[] = [];
  for (const raw of raws) {
    const verdict = judge(raw, ctx);
    if (verdict.kind === 'accepted') data.push(verdict.data);
  }
  const t2 = process.hrtime.bigint();
  const c2 = cpu();
  return { registry, lists, settings, data, rows: responses.length, t0, t1, t2, c1, c2 };
}

export function benchCore(schools: number): CoreMeasurement {
  const { registry, lists, settings, data, rows, t0, t1, t2, c1, c2 } = validatedInputs(schools);
  let result: ReturnType<typeof computeMonitoring> | null = computeMonitoring({
    registry,
    lists,
    data,
    settings,
    period: '2026-2027',
  });
  const t3 = process.hrtime.bigint();
  const c3 = cpu();
  const flagged = result.schools.filter((s) => s.flagged).length;
  // The product keeps one result at a time: the first is let go before the second is made.
  result = null;
  computeMonitoring({ registry, lists, data, settings, period: '2026-2027' });
  const t4 = process.hrtime.bigint();
  return {
    schools,
    periods: 3,
    rows,
    accepted: data.length,
    flagged,
    generate_s: seconds(t0, t1),
    validate_s: seconds(t1, t2),
    compute_s: seconds(t2, t3),
    compute_again_s: seconds(t3, t4),
    validate_cpu_s: c2 - c1,
    compute_cpu_s: c3 - c2,
    // maxRSS is in kilobytes: the peak of this whole process, synchronous code included.
    max_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

if (require.main === module) {
  console.log(JSON.stringify(benchCore(Number(process.env.BENCH_CORE_SCHOOLS ?? 40000))));
}
