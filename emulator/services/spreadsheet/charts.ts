/**
 * Embedded charts, stored as specs (type, data ranges, options, anchor). Nothing is drawn; the
 * .xlsx export writes no charts (exceljs cannot), the specs are there for tests and reports.
 */
import { ChartType, type ChartTypeName } from './enums';
import type { SheetsContext } from './context';
import { Messages } from './errors';
import type { EmulatedRange } from './range';
import { asGas, gasEnumMember, unchecked, gasError } from '../gas';
import { EmulatedBlob } from '../blob';
import { chartDrawing, chartPng } from './chart-image';

type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

interface ChartState {
  id: number | null;
  type: ChartTypeName;
  ranges: EmulatedRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
}

/** Non-Google: a chart as plain data, ranges in A1 notation with their sheet. */
export interface ChartSpecView {
  id: number | null;
  type: ChartTypeName;
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartPosition;
}

function copyState(s: ChartState): ChartState {
  return { ...s, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

export class EmulatedChart implements Pick<
  GasChart,
  | 'getAs'
  | 'getBlob'
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'modify'
> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly state: Readonly<ChartState>,
  ) {}

  /** Non-Google: the chart as plain data. */
  __spec(): ChartSpecView {
    return {
      id: this.state.id,
      type: this.state.type,
      ranges: this.state.ranges.map((r) => r.__a1(true)),
      options: { ...this.state.options },
      position: { ...this.state.position },
    };
  }

  /** The chart drawn as Sheets would (ECharts offline), from its ranges' current values. */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.ctx.call('EmbeddedChart.getAs');
    if (contentType !== 'image/png')
      throw gasError(`Converting from image/png to ${contentType} is not supported.`);
    return this.image();
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.ctx.call('EmbeddedChart.getBlob');
    return this.image();
  }

  private image(): GoogleAppsScript.Base.Blob {
    return asGas(new EmulatedBlob(this.__png(), 'image/png', 'chart.png'));
  }

  /** Non-Google: the point series it draws (lines left out), as Google reads its data table. */
  __series(): Array<{ label: string; points: Array<{ x: number; y: number }> }> {
    const [first] = this.state.ranges;
    const d = chartDrawing(
      this.state.type,
      first ? (first.__values() as unknown[][]) : [],
      this.state.options,
    );
    return d.series
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => !s.line)
      .map(({ s, i }) => ({
        label: s.name,
        points: d.rows
          .filter((r) => typeof r[0] === 'number' && typeof r[i + 1] === 'number')
          .map((r) => ({ x: r[0] as number, y: r[i + 1] as number })),
      }));
  }

  /** Non-Google: the chart's picture (the .xlsx export inserts it: exceljs writes no charts). */
  __png(): Uint8Array {
    const [first] = this.state.ranges;
    const values = first ? (first.__values() as unknown[][]) : [];
    return chartPng(this.state.type, values, this.state.options);
  }

  getChartId(): number | null {
    this.ctx.call('EmbeddedChart.getChartId');
    return this.state.id;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.ctx.call('EmbeddedChart.getContainerInfo');
    const p = this.state.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }

  getNumHeaders(): number {
    this.ctx.call('EmbeddedChart.getNumHeaders');
    return this.state.numHeaders;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.ctx.call('EmbeddedChart.getOptions');
    const options = { ...this.state.options };
    return { get: (name: string) => options[name] ?? null };
  }

  getRanges(): GasRange[] {
    this.ctx.call('EmbeddedChart.getRanges');
    return asGas([...this.state.ranges]);
  }

  modify(): GasBuilder {
    this.ctx.call('EmbeddedChart.modify');
    return asGas(new EmulatedChartBuilder(this.ctx, copyState(this.state)));
  }
}

type BuilderMethods =
  | 'addRange'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asScatterChart'
  | 'asTableChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition';

/**
 * One builder for all chart types: `asColumnChart()` and friends set the type and return the
 * same builder, which also answers the common typed setters (`setTitle`, axis titles).
 */
export class EmulatedChartBuilder implements Pick<GasBuilder, BuilderMethods> {
  private readonly state: ChartState;

  constructor(
    private readonly ctx: SheetsContext,
    state?: ChartState,
  ) {
    this.state = state ?? {
      id: null,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
    };
  }

  private step(method: string, apply: () => void): GasBuilder {
    this.ctx.call(`EmbeddedChartBuilder.${method}`);
    apply();
    return asGas(this);
  }

  private as<T>(method: string, type: ChartTypeName): T {
    this.step(method, () => (this.state.type = type));
    return unchecked<T>(this);
  }

  addRange(range: GasRange): GasBuilder {
    return this.step('addRange', () => this.state.ranges.push(asGas<EmulatedRange>(range)));
  }

  removeRange(range: GasRange): GasBuilder {
    return this.step('removeRange', () => {
      const target = asGas<EmulatedRange>(range).__a1(true);
      this.state.ranges = this.state.ranges.filter((r) => r.__a1(true) !== target);
    });
  }

  clearRanges(): GasBuilder {
    return this.step('clearRanges', () => (this.state.ranges = []));
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): GasBuilder {
    const name = String(type) as ChartTypeName;
    if (!(name in ChartType)) throw gasError(Messages.invalidArgument('type'));
    return this.step('setChartType', () => (this.state.type = name));
  }

  setOption(option: string, value: unknown): GasBuilder {
    return this.step('setOption', () => (this.state.options[option] = value));
  }

  setPosition(row: number, column: number, offsetX: number, offsetY: number): GasBuilder {
    return this.step(
      'setPosition',
      () => (this.state.position = { row, column, offsetX, offsetY }),
    );
  }

  setNumHeaders(headers: number): GasBuilder {
    return this.step('setNumHeaders', () => (this.state.numHeaders = headers));
  }

  /** Typed-builder setters, kept as the options Google maps them to. */
  setTitle(title: string): GasBuilder {
    return this.step('setTitle', () => (this.state.options['title'] = title));
  }

  setXAxisTitle(title: string): GasBuilder {
    return this.step('setXAxisTitle', () => (this.state.options['hAxis.title'] = title));
  }

  setYAxisTitle(title: string): GasBuilder {
    return this.step('setYAxisTitle', () => (this.state.options['vAxis.title'] = title));
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as('asAreaChart', 'AREA');
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('asBarChart', 'BAR');
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('asColumnChart', 'COLUMN');
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('asLineChart', 'LINE');
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('asPieChart', 'PIE');
  }

  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.as('asScatterChart', 'SCATTER');
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as('asTableChart', 'TABLE');
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.ctx.call('EmbeddedChartBuilder.getChartType');
    return gasEnumMember(this.state.type);
  }

  getRanges(): GasRange[] {
    this.ctx.call('EmbeddedChartBuilder.getRanges');
    return asGas([...this.state.ranges]);
  }

  build(): GasChart {
    this.ctx.call('EmbeddedChartBuilder.build');
    return asGas(new EmulatedChart(this.ctx, copyState(this.state)));
  }
}

/** Non-Google helper for the sheet: gives a chart its id when inserted. */
export function withChartId(ctx: SheetsContext, chart: EmulatedChart): EmulatedChart {
  if (chart.state.id !== null) return chart;
  return new EmulatedChart(ctx, { ...copyState(chart.state), id: ctx.nextNumber() });
}
