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
