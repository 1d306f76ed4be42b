/**
 * Charts.newScatterChart(): a builder whose settings are Google Visualization options
 * ('title', 'hAxis.title', 'width', ...), and the built Chart that renders them as a PNG Blob.
 * setOption() writes the same map, so e.g. setOption('title', t) equals setTitle(t).
 */
import type { Runtime } from '../../runtime';
import { EmulatedBlob } from '../blob';
import { EmulatedDataTable, EmulatedDataTableBuilder } from './data-table';
import { renderChartPng, type DrawnSeries } from './render';
import { seriesOf, type Series } from './series';
import { asGas, gasError } from '../gas';

type Options = Map<string, unknown>;

/** Default size when setDimensions is not called (Google's is not documented). */
export const DEFAULT_WIDTH = 600;
export const DEFAULT_HEIGHT = 400;
/** Largest side we render, so a typo cannot allocate gigabytes. */
const MAX_SIDE = 4000;

/** Point diameters (Google's 'pointSize' option) per Charts.PointStyle. */
const POINT_SIZE: Record<string, number> = { NONE: 0, TINY: 4, MEDIUM: 8, LARGE: 12, HUGE: 18 };

function dimension(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SIDE) {
    throw gasError(`Invalid argument: ${name}`);
  }
  return value;
}

export class EmulatedScatterChartBuilder implements Pick<
  GoogleAppsScript.Charts.ScatterChartBuilder,
  | 'build'
  | 'setBackgroundColor'
  | 'setColors'
  | 'setDataTable'
  | 'setDimensions'
  | 'setLegendPosition'
  | 'setOption'
  | 'setPointStyle'
  | 'setTitle'
  | 'setXAxisLogScale'
  | 'setXAxisRange'
  | 'setXAxisTitle'
  | 'setYAxisLogScale'
  | 'setYAxisRange'
  | 'setYAxisTitle'
> {
  private readonly options: Options = new Map();
  private table: EmulatedDataTable | null = null;

  constructor(
    private readonly rt: Runtime,
    /** Non-Google: told of every chart built (tests read its series). */
    private readonly onBuild?: (chart: EmulatedChart) => void,
  ) {}

  private set(
    method: string,
    option: string,
    value: unknown,
  ): GoogleAppsScript.Charts.ScatterChartBuilder {
    this.rt.record('Charts', `ScatterChartBuilder.${method}`);
    this.options.set(option, value);
    return asGas(this);
  }

  setTitle(chartTitle: string): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setTitle', 'title', String(chartTitle ?? ''));
  }

  setXAxisTitle(title: string): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setXAxisTitle', 'hAxis.title', String(title ?? ''));
  }

  setYAxisTitle(title: string): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setYAxisTitle', 'vAxis.title', String(title ?? ''));
  }

  setBackgroundColor(cssValue: string): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setBackgroundColor', 'backgroundColor', cssValue);
  }

  setColors(cssValues: string[]): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setColors', 'colors', Array.isArray(cssValues) ? [...cssValues] : []);
  }

  setLegendPosition(
    position: GoogleAppsScript.Charts.Position,
  ): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setLegendPosition', 'legend.position', String(position).toLowerCase());
  }

  setPointStyle(
    style: GoogleAppsScript.Charts.PointStyle,
  ): GoogleAppsScript.Charts.ScatterChartBuilder {
    const size = POINT_SIZE[String(style)];
    if (size === undefined) throw gasError('Invalid argument: style');
    return this.set('setPointStyle', 'pointSize', size);
  }

  setXAxisLogScale(): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setXAxisLogScale', 'hAxis.logScale', true);
  }

  setYAxisLogScale(): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setYAxisLogScale', 'vAxis.logScale', true);
  }

  setXAxisRange(start: number, end: number): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setXAxisRange', 'hAxis.viewWindow', { min: start, max: end });
  }

  setYAxisRange(start: number, end: number): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setYAxisRange', 'vAxis.viewWindow', { min: start, max: end });
  }

  // Option values are arbitrary (Google declares `any`).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  setOption(option: string, value: any): GoogleAppsScript.Charts.ScatterChartBuilder {
    return this.set('setOption', String(option), value);
  }

  setDimensions(width: number, height: number): GoogleAppsScript.Charts.ScatterChartBuilder {
    this.rt.record('Charts', 'ScatterChartBuilder.setDimensions');
    this.options.set('width', dimension(width, 'width'));
    this.options.set('height', dimension(height, 'height'));
    return asGas(this);
  }

  /** Accepts a DataTableBuilder (built here), or a DataTable / DataTableSource of ours. */
  setDataTable(
    table: GoogleAppsScript.Charts.DataTableBuilder | GoogleAppsScript.Charts.DataTableSource,
  ): GoogleAppsScript.Charts.ScatterChartBuilder {
    this.rt.record('Charts', 'ScatterChartBuilder.setDataTable');
    this.table = resolveTable(table);
    return asGas(this);
  }

  build(): GoogleAppsScript.Charts.Chart {
    this.rt.record('Charts', 'ScatterChartBuilder.build');
    const chart = new EmulatedChart(this.rt, new Map(this.options), this.table);
    this.onBuild?.(chart);
    return asGas(chart);
  }
}

function resolveTable(source: unknown): EmulatedDataTable {
  if (source instanceof EmulatedDataTable) return source;
  if (source instanceof EmulatedDataTableBuilder) return source.snapshot();
  const fromSource = (
    source as Partial<GoogleAppsScript.Charts.DataTableSource> | null
  )?.getDataTable?.();
  if (fromSource instanceof EmulatedDataTable) return fromSource;
  throw gasError('Invalid argument: table');
}

export class EmulatedChartOptions implements GoogleAppsScript.Charts.ChartOptions {
  constructor(
    private readonly rt: Runtime,
    private readonly options: Options,
  ) {}

  /** The option's value, or null when it was never set. */
  // Option values are arbitrary (Google declares `any`).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get(option: string): any {
    this.rt.record('Charts', 'ChartOptions.get');
    return this.options.has(option) ? this.options.get(option) : null;
  }
}

export class EmulatedChart implements Pick<
  GoogleAppsScript.Charts.Chart,
  'getAs' | 'getBlob' | 'getOptions'
> {
  private png: Uint8Array | null = null;

  constructor(
    private readonly rt: Runtime,
    private readonly options: Options,
    private readonly table: EmulatedDataTable | null,
  ) {}

  /** Non-Google: the series Google would draw from the data table (series.ts). */
  __series(): Series[] {
    return seriesOf(this.table);
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.rt.record('Charts', 'Chart.getAs');
    if (contentType !== 'image/png') {
      throw gasError(`Converting from image/png to ${contentType} is not supported.`);
    }
    return this.blob();
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.rt.record('Charts', 'Chart.getBlob');
    return this.blob();
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.rt.record('Charts', 'Chart.getOptions');
    return new EmulatedChartOptions(this.rt, new Map(this.options));
  }

  private blob(): GoogleAppsScript.Base.Blob {
    // The chart is immutable, so its image is drawn once; each blob gets its own copy.
    this.png ??= this.render();
    return asGas(new EmulatedBlob(this.png.slice(), 'image/png', 'chart.png'));
  }

  /**
   * Drawn by ECharts from the data table as Google reads one: column 0 is X, each further
   * NUMBER column one series (null = not in it), a STRING column right after a series the
   * labels of its points.
   */
  private render(): Uint8Array {
    const o = this.options;
    const text = (key: string) => (typeof o.get(key) === 'string' ? (o.get(key) as string) : '');
    const colors = Array.isArray(o.get('colors')) ? (o.get('colors') as unknown[]) : [];
    const table = this.table;
    const series = seriesOf(table);
    // A STRING column right after a series holds the labels of that series' points.
    const labelsOf = (column: number) => {
      const next = table?.columns[column + 1];
      return next?.type === 'STRING'
        ? table?.rows.map((r) => (r[column + 1] === null ? '' : String(r[column + 1])))
        : undefined;
    };
    const drawn: DrawnSeries[] = series.map((s, i) => ({
      name: s.label,
      color: typeof colors[i] === 'string' ? (colors[i] as string) : undefined,
      labels: labelsOf(s.column),
    }));
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const background = o.get('backgroundColor');
    return renderChartPng(
      {
        kind: 'scatter',
        title: text('title'),
        xTitle: text('hAxis.title'),
        yTitle: text('vAxis.title'),
        rows: (table?.rows ?? []).map((r) => [num(r[0]), ...series.map((s) => num(r[s.column]))]),
        series: drawn,
        width: side(o.get('width'), DEFAULT_WIDTH),
        height: side(o.get('height'), DEFAULT_HEIGHT),
        background: typeof background === 'string' ? background : undefined,
      },
      1,
    );
  }
}

/** A size set through setOption('width'|'height', n) is used only when it is sane. */
function side(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_SIDE
    ? value
    : fallback;
}
