/**
 * The image of an embedded chart, as EmbeddedChart.getAs('image/png') gives it: the chart's
 * ranges read as a data table (header row = series names, column 0 = X, each further number
 * column one series; a text column right after a series holds that series' point labels) and
 * its options (`hAxis.title`, `vAxis.title`, `isStacked`, `series.{i}.color`, a series with
 * `lineWidth` and `pointSize: 0` drawn as a line) rendered with ECharts (charts/render.ts).
 */
import { renderChartPng, type ChartDrawing, type DrawnSeries } from '../charts/render';
import type { ChartTypeName } from './enums';

type Value = unknown;

interface SeriesOption {
  color?: string;
  lineWidth?: number;
  pointSize?: number;
  labelInLegend?: string;
}

export function chartDrawing(
  type: ChartTypeName,
  values: Value[][],
  options: Record<string, unknown>,
): ChartDrawing {
  const [header = [], ...body] = values;
  const rows = body.filter((r) => r.some((v) => v !== '' && v !== null));
  const seriesOptions = (options['series'] ?? {}) as Record<string, SeriesOption>;
  const isText = (c: number) => rows.some((r) => typeof r[c] === 'string' && r[c] !== '');
  const series: DrawnSeries[] = [];
  const columns: number[] = [];
  for (let c = 1; c < header.length; c++) {
    if (isText(c)) {
      const last = series[series.length - 1];
      if (last) last.labels = rows.map((r) => String(r[c] ?? ''));
      continue;
    }
    const o = seriesOptions[String(series.length)] ?? {};
    series.push({
      name: o.labelInLegend ?? String(header[c] ?? ''),
      color: o.color,
      line: (o.lineWidth ?? 0) > 0 && o.pointSize === 0,
    });
    columns.push(c);
  }
  const cell = (v: Value): number | string | null =>
    typeof v === 'number' ? v : v === '' || v === null || v === undefined ? null : String(v);
  const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : '');
  return {
    kind: type === 'SCATTER' ? 'scatter' : 'column',
    title: text('title'),
    xTitle: text('hAxis.title'),
    yTitle: text('vAxis.title'),
    stacked: options['isStacked'] === true || options['isStacked'] === 'true',
    rows: rows.map((r) => [cell(r[0]), ...columns.map((c) => cell(r[c]))]),
    series,
    width: typeof options['width'] === 'number' ? (options['width'] as number) : 640,
    height: typeof options['height'] === 'number' ? (options['height'] as number) : 400,
  };
}

/**
 * The last pictures drawn, by what they draw: a chart is drawn for the report (getAs) and
 * again, unchanged, for the workbook's export; the picture depends on its drawing only.
 */
const drawn = new Map<string, Uint8Array>();
const DRAWN_KEPT = 8;

export function chartPng(
  type: ChartTypeName,
  values: Value[][],
  options: Record<string, unknown>,
): Uint8Array {
  const drawing = chartDrawing(type, values, options);
  const key = JSON.stringify(drawing);
  let png = drawn.get(key);
  if (png) drawn.delete(key);
  else png = renderChartPng(drawing);
  drawn.set(key, png);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value as string);
  // A copy: whoever takes the bytes may change them.
  return png.slice();
}
