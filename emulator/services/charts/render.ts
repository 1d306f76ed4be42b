/**
 * Chart images with a real charting library: ECharts' server-side SVG renderer draws the chart,
 * @resvg/resvg-js turns the SVG into PNG, with PT Sans from @fontsource (Cyrillic, OFL).
 * The input is a Google-style data table: column 0 is X, each further column one Y series
 * (null where a row is not in it). Node only: never part of the Apps Script bundle.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { woffToSfnt } from './woff';

export interface DrawnSeries {
  name: string;
  color?: string;
  /** A thin dashed line through the points (a quadrant line) instead of points. */
  line?: boolean;
  /** Per row: the label drawn beside the point (empty = none). */
  labels?: readonly (string | null)[];
}

export interface ChartDrawing {
  kind: 'scatter' | 'column';
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Rows of the data table: column 0 = X (number or category), then one column per series. */
  rows: ReadonlyArray<ReadonlyArray<number | string | null>>;
  series: readonly DrawnSeries[];
  stacked?: boolean;
  width?: number;
  height?: number;
  background?: string;
}

export const FONT_FAMILY = 'PT Sans';
const FONT_FILES = ['pt-sans-latin-400-normal.woff', 'pt-sans-cyrillic-400-normal.woff'];
const PALETTE = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6'];

let fontPaths: string[] | null = null;

/** PT Sans as TrueType files (resvg reads sfnt; @fontsource ships WOFF), converted once. */
export function chartFontFiles(): string[] {
  if (fontPaths) return fontPaths;
  const require = createRequire(__filename);
  const dir = path.dirname(require.resolve('@fontsource/pt-sans/package.json'));
  const out = path.join(tmpdir(), 'shnor-monitor-fonts');
  mkdirSync(out, { recursive: true });
  fontPaths = FONT_FILES.map((file) => {
    const target = path.join(out, file.replace(/\.woff$/, '.ttf'));
    if (!existsSync(target))
      writeFileSync(target, woffToSfnt(readFileSync(path.join(dir, 'files', file))));
    return target;
  });
  return fontPaths;
}

/** `0,5`, `−1,25`: the decimal comma and the true minus of Russian texts. */
export function tickLabel(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(Math.abs(rounded)).replace('.', ',');
  return rounded < 0 ? `\u2212${text}` : text;
}

// ECharts option objects are loosely typed by design.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Option = Record<string, any>;

function scatterOption(d: ChartDrawing): Option {
  const series = d.series.map((s, i) => {
    const col = i + 1;
    const data = d.rows
      .map((row, r) => ({ row, r }))
      .filter(({ row }) => typeof row[col] === 'number' && typeof row[0] === 'number')
      .map(({ row, r }) => ({ value: [row[0], row[col]], name: s.labels?.[r] ?? '' }));
    if (s.line)
      return {
        type: 'line',
        name: s.name,
        data: data.map((p) => p.value),
        symbol: 'none',
        lineStyle: { color: s.color, width: 1, type: 'dashed' },
        itemStyle: { color: s.color },
        silent: true,
        z: 1,
      };
    return {
      type: 'scatter',
      name: s.name,
      data,
      symbolSize: s.labels ? 9 : 7,
      itemStyle: { color: s.color, opacity: 1 },
      z: s.labels ? 3 : 2,
      label: s.labels
        ? { show: true, formatter: '{b}', position: 'right', fontSize: 11, color: '#222' }
        : { show: false },
      labelLayout: s.labels ? { moveOverlap: 'shiftY' } : undefined,
    };
  });
  const axis = (name?: string) => ({
    type: 'value',
    name,
    nameLocation: 'middle',
    scale: true,
    axisLabel: { formatter: tickLabel, fontSize: 11 },
    splitLine: { lineStyle: { color: '#e6e6e6' } },
    nameTextStyle: { fontSize: 12, color: '#333' },
  });
  return {
    grid: { left: 64, right: 24, top: d.title ? 64 : 40, bottom: 48 },
    xAxis: { ...axis(d.xTitle), nameGap: 28 },
    yAxis: { ...axis(d.yTitle), nameGap: 40 },
    series,
  };
}

function columnOption(d: ChartDrawing): Option {
  return {
    grid: { left: 64, right: 24, top: d.title ? 64 : 40, bottom: 48 },
    xAxis: {
      type: 'category',
      data: d.rows.map((r) => String(r[0] ?? '')),
      name: d.xTitle,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      name: d.yTitle,
      nameLocation: 'middle',
      nameGap: 40,
      minInterval: 1,
      axisLabel: { formatter: tickLabel, fontSize: 11 },
      splitLine: { lineStyle: { color: '#e6e6e6' } },
    },
    series: d.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: d.stacked ? 'all' : undefined,
      barMaxWidth: 90,
      itemStyle: { color: s.color },
      data: d.rows.map((r) => (typeof r[i + 1] === 'number' ? r[i + 1] : 0)),
      label: {
        show: true,
        position: d.stacked ? 'inside' : 'top',
        fontSize: 12,
        formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
      },
    })),
  };
}

/** The chart as SVG text (ECharts SSR). */
export function renderChartSvg(d: ChartDrawing): string {
  const width = d.width ?? 640;
  const height = d.height ?? 400;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const base = d.kind === 'column' ? columnOption(d) : scatterOption(d);
    chart.setOption({
      animation: false,
      backgroundColor: d.background ?? '#ffffff',
      color: PALETTE,
      textStyle: { fontFamily: FONT_FAMILY },
      title: d.title
        ? { text: d.title, left: 'center', textStyle: { fontSize: 14, fontWeight: 'normal' } }
        : undefined,
      legend: { top: d.title ? 28 : 4, itemGap: 18, textStyle: { fontSize: 12 } },
      ...base,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as PNG bytes, drawn at twice its size so it stays sharp in print. */
export function renderChartPng(d: ChartDrawing, scale = 2): Uint8Array {
  const svg = renderChartSvg(d);
  const resvg = new Resvg(svg, {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: d.background ?? '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}
