/**
 * The `Charts` global: its enums (ChartType is shared with embedded sheet charts), data tables,
 * and scatter charts rendered as real PNG images (the report's ИСБ × results chart).
 * Other chart builders (area, bar, line, pie, table) are not emulated.
 */
import type { Runtime } from '../runtime';
import { EmulatedDataTableBuilder, ColumnType } from './charts/data-table';
import { EmulatedScatterChartBuilder, type EmulatedChart } from './charts/scatter-chart';
import { enumOf } from './enum';
import { ChartType } from './spreadsheet/enums';
import { asGas, gasEnum } from './gas';

export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
export const PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
export const CurveStyle = enumOf('NORMAL', 'SMOOTH');
export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export { ColumnType, ChartType };

export type EmulatedCharts = Pick<
  GoogleAppsScript.Charts.Charts,
  | 'ChartHiddenDimensionStrategy'
  | 'ChartMergeStrategy'
  | 'ChartType'
  | 'ColumnType'
  | 'CurveStyle'
  | 'PointStyle'
  | 'Position'
  | 'newDataTable'
  | 'newScatterChart'
>;

export function createCharts(
  rt: Runtime,
): EmulatedCharts & { /** Non-Google: every chart built, in order. */ __built(): EmulatedChart[] } {
  const built: EmulatedChart[] = [];
  return {
    __built: () => [...built],
    // Enums are plain objects of member-name strings; Google's typings declare TS enums.
    ChartHiddenDimensionStrategy: gasEnum(ChartHiddenDimensionStrategy),
    ChartMergeStrategy: gasEnum(ChartMergeStrategy),
    ChartType: gasEnum(ChartType),
    ColumnType: gasEnum(ColumnType),
    CurveStyle: gasEnum(CurveStyle),
    PointStyle: gasEnum(PointStyle),
    Position: gasEnum(Position),
    newDataTable(): GoogleAppsScript.Charts.DataTableBuilder {
      rt.record('Charts', 'Charts.newDataTable');
      return asGas(new EmulatedDataTableBuilder(rt));
    },
    newScatterChart(): GoogleAppsScript.Charts.ScatterChartBuilder {
      rt.record('Charts', 'Charts.newScatterChart');
      return asGas(new EmulatedScatterChartBuilder(rt, (chart) => built.push(chart)));
    },
  };
}
