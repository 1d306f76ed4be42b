/**
 * The pure core alone at national scale: 40,000 schools × 3 periods through validation and
 * computeMonitoring. Prints time and peak memory. Run by `npm run bench` (BENCH_CORE_SCHOOLS
 * changes the size).
 */
import { syntheticMunicipality } from '../cli/synthetic';
import { tableFromRows } from '../cli/csv';
import { computeMonitoring } from '../src/core/monitoring';
import { parseLists, parseRegistry } from '../src/core/registry';
import { readSettings } from '../src/core/settings';
import { validateResponse } from '../src/core/validation';
import type { DataRow } from '../src/core/types';

export function benchCore(schools: number): string[] {
  const t0 = Date.now();
  const a = syntheticMunicipality(schools, 11);
  const b = syntheticMunicipality(schools, 12);
  // A third period: the second municipality's current period, one year on.
  const third = b.responses
    .slice(1)
    .filter((r) => r[1] === '2025-2026')
    .map((r) => [r[0], '2026-2027', ...r.slice(2)]);
  const responses = tableFromRows([...a.responses, ...third], 'responses').rows.map(
    (r) => r.record,
  );
  const { schools: registry } = parseRegistry(
    tableFromRows(a.registry, 'registry').rows.map((r) => r.record),
  );
  const { entries: lists } = parseLists(tableFromRows(a.lists, 'lists').rows.map((r) => r.record));
  const { settings } = readSettings(a.settings.slice(1).map(([k, v]) => [k, v]));
  const t1 = Date.now();
  const data: DataRow[] = [];
  for (const raw of responses) {
    const v = validateResponse(raw, registry, { period: raw.period });
    if (v.ok)
      data.push({
        school_id: v.school_id,
        period: v.period,
        values: v.values,
        response_id: '',
        timestamp: raw.timestamp,
      });
  }
  const t2 = Date.now();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(
    () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
    20,
  );
  const result = computeMonitoring({ registry, lists, data, settings, period: '2026-2027' });
  const t3 = Date.now();
  computeMonitoring({ registry, lists, data, settings, period: '2026-2027' });
  const t4 = Date.now();
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return [
    `| core: ${schools} schools × 3 periods | rows ${responses.length}, accepted ${data.length}, flagged ${result.schools.filter((s) => s.flagged).length} |`,
    `| generate inputs | ${((t1 - t0) / 1000).toFixed(1)} s |`,
    `| validate every response | ${((t2 - t1) / 1000).toFixed(1)} s |`,
    `| computeMonitoring (first / second run) | ${((t3 - t2) / 1000).toFixed(1)} s / ${((t4 - t3) / 1000).toFixed(1)} s |`,
    `| peak heap sampled / max RSS of the process | ${mb(peakHeap)} / ${mb(process.resourceUsage().maxRSS * 1024)} |`,
  ];
}

if (require.main === module) {
  for (const line of benchCore(Number(process.env.BENCH_CORE_SCHOOLS ?? 40000))) console.log(line);
}
