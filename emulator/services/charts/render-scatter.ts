/**
 * Draws a scatter chart into a PNG: title, axes with "nice" ticks and labels, light grid,
 * dashed quadrant lines through 0 when 0 lies inside a range (the product's indices are
 * centred on the municipal mean), and one disc per point of each series (series.ts: column 0
 * is X, every further NUMBER column a Y series), series i in colour i.
 */
import { Canvas, type Rgb } from './canvas';
import type { EmulatedDataTable } from './data-table';
import { seriesOf } from './series';
import { GLYPH_HEIGHT, drawText, textWidth } from './font';

export interface ScatterSpec {
  width: number;
  height: number;
  title: string;
  xTitle: string;
  yTitle: string;
  background: Rgb;
  /** Series colours in column order (the defaults beyond those given). */
  colors: readonly Rgb[];
  pointRadius: number;
  xRange: readonly [number, number] | null;
  yRange: readonly [number, number] | null;
  table: EmulatedDataTable | null;
}

export interface ScatterPoint {
  x: number;
  y: number;
  /** 0 for the first Y column, 1 for the second, ... */
  series: number;
}

/** Google's first two default series colours. */
export const DEFAULT_COLORS: readonly [Rgb, Rgb] = [
  [0x33, 0x66, 0xcc],
  [0xdc, 0x39, 0x12],
];

const GRID: Rgb = [0xeb, 0xeb, 0xeb];
const FRAME: Rgb = [0xcc, 0xcc, 0xcc];
const AXIS: Rgb = [0x88, 0x88, 0x88];
const QUADRANT: Rgb = [0x55, 0x55, 0x55];
const TEXT: Rgb = [0x33, 0x33, 0x33];
const LABEL: Rgb = [0x66, 0x66, 0x66];
const TICK = 4;
const PAD = 8;

/** Every point of every series, with its series number (see series.ts). */
export function pointsOf(table: EmulatedDataTable | null): ScatterPoint[] {
  return seriesOf(table).flatMap((s, series) => s.points.map((p) => ({ ...p, series })));
}

interface Axis {
  min: number;
  max: number;
  ticks: number[];
  decimals: number;
}

/** Step of 1, 2 or 5 times a power of ten giving about `target` intervals. */
function niceStep(span: number, target: number): number {
  const raw = span / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

function makeAxis(values: number[], fixed: readonly [number, number] | null): Axis {
  let lo: number;
  let hi: number;
  if (fixed && fixed[0] < fixed[1]) [lo, hi] = fixed;
  else if (values.length === 0) [lo, hi] = [0, 1];
  else {
    // A loop, not Math.min(...values): spreading a huge array overflows the call stack.
    lo = Infinity;
    hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === hi) {
      const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= d;
      hi += d;
    }
  }
  const step = niceStep(hi - lo, 5);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  // An explicit range is kept as given; a data range is widened to whole steps.
  const min = fixed ? lo : Math.floor(lo / step + 1e-9) * step;
  const max = fixed ? hi : Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9); t * step <= max + step * 1e-9; t++) {
    ticks.push(Number((t * step).toFixed(decimals)));
  }
  return { min, max, ticks, decimals };
}

/** Tick label with a decimal comma, as Russian readers expect. */
function formatTick(v: number, decimals: number): string {
  const s = (Object.is(v, -0) ? 0 : v).toFixed(decimals);
  return (s === `-${(0).toFixed(decimals)}` ? s.slice(1) : s).replace('.', ',');
}

/** Cuts a text to `maxWidth` pixels at `scale`, ending in '...'. */
function fit(text: string, scale: number, maxWidth: number): string {
  if (textWidth(text, scale) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}...`, scale) > maxWidth) chars.pop();
  return chars.length > 0 ? `${chars.join('')}...` : '';
}

export function renderScatterPng(spec: ScatterSpec): Uint8Array {
  return renderScatter(spec).toPng();
}

/** Non-PNG entry for tests and callers that want pixels. */
export function renderScatter(spec: ScatterSpec): Canvas {
  const { width: W, height: H } = spec;
  const canvas = new Canvas(W, H, spec.background);
  const points = pointsOf(spec.table);
  const xAxis = makeAxis(
    points.map((p) => p.x),
    spec.xRange,
  );
  const yAxis = makeAxis(
    points.map((p) => p.y),
    spec.yRange,
  );
  const ink = (color: Rgb) => (x: number, y: number, size: number) =>
    canvas.fillRect(x, y, size, size, color);

  // Layout: title on top, y labels and title on the left, x labels and title below.
  const titleScale = textWidth(spec.title, 2) <= W - 2 * PAD ? 2 : 1;
  const title = fit(spec.title, titleScale, W - 2 * PAD);
  const top = PAD + (title ? GLYPH_HEIGHT * titleScale + PAD : 4);
  const yLabels = yAxis.ticks.map((t) => formatTick(t, yAxis.decimals));
  const yLabelWidth = Math.max(0, ...yLabels.map((l) => textWidth(l, 1)));
  const left = PAD + (spec.yTitle ? GLYPH_HEIGHT + PAD : 0) + yLabelWidth + TICK + 4;
  const bottom = PAD + (spec.xTitle ? GLYPH_HEIGHT + PAD : 0) + GLYPH_HEIGHT + TICK + 4;
  const right = PAD * 2;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const decorated = plotW >= 20 && plotH >= 20;
  // Too small for decorations: the points use the whole image.
  const [px, py, pw, ph] = decorated ? [left, top, plotW, plotH] : [0, 0, W, H];

  const sx = (v: number) => px + ((v - xAxis.min) / (xAxis.max - xAxis.min)) * (pw - 1);
  const sy = (v: number) => py + ph - 1 - ((v - yAxis.min) / (yAxis.max - yAxis.min)) * (ph - 1);

  if (decorated) {
    for (const t of xAxis.ticks) canvas.vline(sx(t), py, py + ph - 1, GRID);
    for (const t of yAxis.ticks) canvas.hline(px, px + pw - 1, sy(t), GRID);
    if (xAxis.min < 0 && xAxis.max > 0) canvas.vline(sx(0), py, py + ph - 1, QUADRANT, [6, 4]);
    if (yAxis.min < 0 && yAxis.max > 0) canvas.hline(px, px + pw - 1, sy(0), QUADRANT, [6, 4]);
    canvas.strokeRect(px, py, pw, ph, FRAME);
    canvas.vline(px, py, py + ph - 1, AXIS);
    canvas.hline(px, px + pw - 1, py + ph - 1, AXIS);

    xAxis.ticks.forEach((t) => {
      const x = Math.round(sx(t));
      canvas.vline(x, py + ph, py + ph + TICK - 1, AXIS);
      const label = formatTick(t, xAxis.decimals);
      drawText(label, x - Math.floor(textWidth(label, 1) / 2), py + ph + TICK + 3, 1, ink(LABEL));
    });
    yAxis.ticks.forEach((t, i) => {
      const y = Math.round(sy(t));
      canvas.hline(px - TICK, px - 1, y, AXIS);
      const label = yLabels[i];
      drawText(label, px - TICK - 3 - textWidth(label, 1), y - 3, 1, ink(LABEL));
    });

    if (title)
      drawText(
        title,
        Math.floor((W - textWidth(title, titleScale)) / 2),
        PAD,
        titleScale,
        ink(TEXT),
      );
    const xTitle = fit(spec.xTitle, 1, pw);
    if (xTitle) {
      const x = px + Math.floor((pw - textWidth(xTitle, 1)) / 2);
      drawText(xTitle, x, H - PAD - GLYPH_HEIGHT, 1, ink(TEXT));
    }
    const yTitle = fit(spec.yTitle, 1, ph);
    if (yTitle) {
      const y = py + ph - Math.floor((ph - textWidth(yTitle, 1)) / 2);
      drawText(yTitle, PAD, y, 1, ink(TEXT), true);
    }
  }

  // Series in column order, so later series stay visible over earlier ones.
  const inside = (p: ScatterPoint) =>
    p.x >= xAxis.min && p.x <= xAxis.max && p.y >= yAxis.min && p.y <= yAxis.max;
  const series = Math.max(0, ...points.map((p) => p.series + 1));
  for (let k = 0; k < series; k++) {
    const color = spec.colors[k] ?? DEFAULT_COLORS[k % DEFAULT_COLORS.length];
    for (const p of points) {
      if (p.series === k && inside(p)) canvas.fillCircle(sx(p.x), sy(p.y), spec.pointRadius, color);
    }
  }
  return canvas;
}
