/**
 * How Google Charts reads a scatter chart's data table: column 0 is X, and every further
 * NUMBER column is its own Y series (in the order of the columns, coloured by the chart's
 * `colors` in that order). A row gives a point in a series only where both its X and that
 * column's value are numbers: a null is no point, never a point at 0. A column of 0/1 flags
 * is therefore drawn as a series of points at y = 0 and y = 1, as Google would.
 * The renderer (render.ts, ECharts) draws these series.
 */
import type { EmulatedDataTable } from './data-table';

export interface SeriesPoint {
  x: number;
  y: number;
}

export interface Series {
  /** The column's label (what a legend shows). */
  label: string;
  /** The data table's column index of this series. */
  column: number;
  points: SeriesPoint[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function seriesOf(table: EmulatedDataTable | null): Series[] {
  if (!table || table.columns.length < 2 || table.columns[0].type !== 'NUMBER') return [];
  const series: Series[] = [];
  table.columns.forEach((c, column) => {
    if (column === 0 || c.type !== 'NUMBER') return;
    const points: SeriesPoint[] = [];
    for (const row of table.rows) {
      const x = row[0];
      const y = row[column];
      if (isNumber(x) && isNumber(y)) points.push({ x, y });
    }
    series.push({ label: c.label, column, points });
  });
  return series;
}
