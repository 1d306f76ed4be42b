/**
 * A report as plain data: headings, paragraphs, lists, tables and charts. The document
 * adapter renders it into a Google Doc (or, offline, the emulated one exported to .docx).
 */

export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  flagged: boolean;
}

export interface ScatterChartSpec {
  title: string;
  xTitle: string;
  yTitle: string;
  points: readonly ScatterPoint[];
  /** Quadrant lines (e.g. the municipal medians). */
  xLine: number | null;
  yLine: number | null;
}

/**
 * A chart's data as Google Charts reads a data table: column 0 is X and every further column
 * is its own Y series, with null where a row has no value in that series. So flagged schools
 * are a second Y column (null for the others), never a 0/1 column, which Google would draw as
 * points at y = 0 and y = 1.
 */
export interface ChartDataTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly (number | null)[]>;
}

/** The scatter's data table: X, then «other schools» and «ШНОР/ШНСУ» as two Y series. */
export function scatterDataTable(
  chart: ScatterChartSpec,
  seriesTitles: readonly [other: string, flagged: string],
): ChartDataTable {
  return {
    columns: [chart.xTitle, ...seriesTitles],
    rows: chart.points.map((p) => (p.flagged ? [p.x, null, p.y] : [p.x, p.y, null])),
  };
}

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: readonly string[] }
  | {
      kind: 'table';
      header: readonly string[];
      rows: readonly (readonly string[])[];
      /** Widths in points of the columns that need one (the others share the rest). */
      widths?: ReadonlyArray<number | undefined>;
    }
  | { kind: 'chart'; chart: ScatterChartSpec }
  | { kind: 'pageBreak' };

export interface ReportModel {
  title: string;
  blocks: ReportBlock[];
}
