/**
 * Reads a CSV export into records keyed by its header. Comma or semicolon (whichever the
 * header uses), UTF-8 with or without BOM. Values stay strings: school codes keep their
 * leading zeros.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

export interface CsvTable {
  file: string;
  header: string[];
  /** Records with the 1-based line number of the row in the file. */
  rows: Array<{ line: number; record: Record<string, string> }>;
}

export function detectDelimiter(firstLine: string): ',' | ';' {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(text: string, file: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const records = parse(clean, {
    delimiter: detectDelimiter(firstLine),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  if (records.length === 0) return { file, header: [], rows: [] };
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    record: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])),
  }));
  return { file, header, rows };
}

export function readCsv(file: string): CsvTable {
  return parseCsv(readFileSync(file, 'utf8'), file);
}

/** A table already in memory (header first), as if read from a file. */
export function tableFromRows(rows: readonly (readonly string[])[], file: string): CsvTable {
  const header = (rows[0] ?? []).map((h) => h.trim());
  return {
    file,
    header,
    rows: rows.slice(1).map((r, i) => ({
      line: i + 2,
      record: Object.fromEntries(header.map((h, c) => [h, (r[c] ?? '').trim()])),
    })),
  };
}
