/**
 * The report's two charts as data tables (model.ts, ChartSpec): schools by ИСБ (x) and results
 * index (y) with the medians as quadrant lines and flagged schools as their own labelled
 * series; and the number of schools by status in each period.
 */
import type { MonitoringResult, SchoolResult } from '../monitoring';
import { median } from '../compute/stats';
import { periodText } from '../text';
import type { ChartSpec } from './model';
import { REPORT_DOC as R } from './wording';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Short label of a school on the chart: «№ 16» when the name has a number, else the name. */
export function chartLabel(name: string): string {
  const m = /№\s*(\d+)/.exec(name);
  return m ? `№\u00a0${m[1]}` : name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

export function isbResultsChart(result: MonitoringResult): ChartSpec | null {
  const points = result.schools.filter(
    (s): s is SchoolResult & { isb: number; results_index: number } =>
      s.isb !== null && s.results_index !== null,
  );
  if (points.length === 0) return null;
  const xs = points.map((s) => s.isb);
  const ys = points.map((s) => s.results_index);
  const mx = round2(median(xs) ?? 0);
  const my = round2(median(ys) ?? 0);
  const rows: Array<Array<number | string | null>> = points.map((s) => [
    round2(s.isb),
    s.flagged ? null : round2(s.results_index),
    s.flagged ? round2(s.results_index) : null,
    null,
    null,
  ]);
  const labels = points.map((s) => (s.flagged ? chartLabel(s.name) : ''));
  const [ylo, yhi] = [Math.min(...ys), Math.max(...ys)];
  const [xlo, xhi] = [Math.min(...xs), Math.max(...xs)];
  rows.push([mx, null, null, round2(ylo), null], [mx, null, null, round2(yhi), null]);
  rows.push([round2(xlo), null, null, null, my], [round2(xhi), null, null, null, my]);
  labels.push('', '', '', '');
  return {
    id: 'isb_results',
    kind: 'scatter',
    title: R.chartIsbTitle,
    xTitle: R.chartIsbX,
    yTitle: R.chartIsbY,
    header: [R.chartIsbX, R.chartOthers, R.chartFlagged, R.chartMedianIsb, R.chartMedianResults],
    rows,
    labels,
    series: [
      { color: '#7f8c9a' },
      { color: '#c0392b', labels: true },
      { color: '#555555', line: true },
      { color: '#999999', line: true },
    ],
  };
}

const STATUS_ORDER = ['ШНОР', 'ШНСУ', 'ШНОР+ШНСУ', ''] as const;

/** Schools by status of record in the previous and the current period (one bar each). */
export function statusChart(result: MonitoringResult): ChartSpec {
  const periods: Array<{ period: string; statuses: string[] }> = [];
  const prev = result.schools.map((s) => s.status_prev);
  if (result.previousPeriod && prev.every((p) => p !== null))
    periods.push({ period: result.previousPeriod, statuses: prev as string[] });
  periods.push({ period: result.period, statuses: result.schools.map((s) => s.status) });
  const rows = periods.map(({ period, statuses }) => [
    periodText(period),
    ...STATUS_ORDER.map((st) => statuses.filter((s) => s === st).length),
  ]);
  return {
    id: 'statuses',
    kind: 'column',
    title: R.chartStatusTitle,
    xTitle: R.chartStatusX,
    yTitle: R.chartStatusY,
    header: [R.chartStatusX, R.statusShnor, R.statusShnsu, R.statusBoth, R.statusNone],
    rows,
    stacked: true,
    series: [
      { color: '#c0392b' },
      { color: '#e67e22' },
      { color: '#8e44ad' },
      { color: '#bdc3c7' },
    ],
  };
}
