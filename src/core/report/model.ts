/**
 * A document as plain data: the report and the letters are built as models, and the document
 * adapter writes them into a Google Doc (offline: the emulated one, exported to .docx).
 * Layout follows Russian organisational documents (ГОСТ Р 7.0.97-2016): A4, margins
 * left 20 / right 10 / top 20 / bottom 20 mm, a serif face, black headings, page numbers.
 */

/**
 * A chart as a data table, as Google Charts reads one: column 0 is X (a number for a scatter
 * chart, a category for a column chart), every further column is one Y series, null where a row
 * does not belong to that series. The same table feeds the Sheets EmbeddedChart and, offline,
 * the image renderer.
 */
export interface ChartSpec {
  /** Stable code of the chart (finds it again among a sheet's charts). */
  id: 'isb_results' | 'statuses';
  kind: 'scatter' | 'column';
  /** The figure's title (the caption says «Рисунок N — <title>»). */
  title: string;
  xTitle: string;
  yTitle: string;
  header: string[];
  rows: Array<Array<number | string | null>>;
  /** Drawing of each Y column (index 0 = column 1). */
  series: ChartSeriesStyle[];
  /** Per row: a point's label, shown for series with `labels`. */
  labels?: string[];
  stacked?: boolean;
}

export interface ChartSeriesStyle {
  color: string;
  /** Drawn as a thin line through its points (a quadrant line), not as points. */
  line?: boolean;
  /** Points carry the row's label. */
  labels?: boolean;
}

export type ColumnAlign = 'left' | 'center' | 'right';

export type ReportBlock =
  /** The issuing body, centred above the title (one line each). */
  | { kind: 'issuer'; lines: readonly string[] }
  | { kind: 'title'; text: string }
  /** The addressee of a letter, in the right half of the page. */
  | { kind: 'addressee'; lines: readonly string[] }
  /** Date and place under the title. */
  | { kind: 'dateline'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'list'; items: readonly string[] }
  | {
      kind: 'table';
      header: readonly string[];
      rows: readonly (readonly string[])[];
      /** Relative column widths (they are scaled to the text width). */
      widths: readonly number[];
      align?: readonly ColumnAlign[];
    }
  | { kind: 'chart'; chart: ChartSpec; caption: string }
  | { kind: 'signature'; lines: readonly string[] }
  | { kind: 'pageBreak' };

export interface ReportModel {
  title: string;
  blocks: ReportBlock[];
}

/** Page and type of the documents (points). */
export const PAGE = {
  width: 595.3,
  height: 841.9,
  marginLeft: 56.7,
  marginRight: 28.35,
  marginTop: 56.7,
  marginBottom: 56.7,
  font: 'Times New Roman',
  fontSize: 12,
  tableFontSize: 10,
  headingSize: 12,
  titleSize: 14,
} as const;

/** The width of the text column in points. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Column widths in points that fill the text column in the given proportions. */
export function columnWidths(relative: readonly number[]): number[] {
  const sum = relative.reduce((a, b) => a + b, 0) || 1;
  return relative.map((w) => Math.floor((w / sum) * TEXT_WIDTH * 10) / 10);
}
