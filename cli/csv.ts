/**
 * Reads a CSV export into records keyed by its header. Comma or semicolon, UTF-8 with or
 * without BOM or Windows-1251 (see decode.ts). Values stay strings: school codes keep their
 * leading zeros. A file that csv-parse cannot parse stops with its row and column.
 */
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { CLI_INPUT } from './messages';
import { decodeBytes, type Encoding } from './decode';
import { InputError } from './errors';

export interface CsvTable {
  file: string;
  header: string[];
  /** Records with the 1-based line number of the row in the file. */
  rows: Array<{ line: number; record: Record<string, string> }>;
}

export type Delimiter = ',' | ';';
const DELIMITERS: readonly Delimiter[] = [';', ','];

/** Scores a candidate header: how many of its cells name a column the reader knows. */
export type HeaderScore = (header: readonly string[]) => number;

interface ParsedRecord {
  record: string[];
  /** The line the record starts on (a quoted field may span lines). */
  line: number;
}

function parseRecords(
  text: string,
  delimiter: Delimiter,
  to?: number,
  onRecord?: (r: ParsedRecord) => void,
): ParsedRecord[] {
  const options = {
    delimiter,
    relax_column_count: true,
    // A stray quote inside a field (МБОУ "СОШ № 1") is text, as Excel would read it.
    relax_quotes: true,
    skip_empty_lines: true,
    ...(to ? { to } : {}),
    on_record: (record: string[], context: { lines: number }): ParsedRecord => {
      const breaks = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      const parsed = { record, line: context.lines - breaks };
      onRecord?.(parsed);
      return parsed;
    },
  };
  // csv-parse's types do not follow on_record's return type into the result.
  return parse(text, options as unknown as Options) as unknown as ParsedRecord[];
}

/**
 * The delimiter whose header names more known columns; then the one that splits the header
 * into more cells. Counting characters is not enough: form titles contain commas
 * («Обучающиеся, состоящие на учёте в ОДН, КДН»).
 */
export function chooseDelimiter(text: string, score?: HeaderScore): Delimiter {
  let best: Delimiter = ',';
  let bestKey = [-1, -1];
  for (const d of DELIMITERS) {
    let header: string[];
    try {
      header = (parseRecords(text, d, 1)[0]?.record ?? []).map((h) => h.trim());
    } catch {
      continue;
    }
    const key = [score ? score(header) : 0, header.length];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) {
      best = d;
      bestKey = key;
    }
  }
  return best;
}

export function parseCsv(text: string, file: string, score?: HeaderScore): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') throw new InputError(file, CLI_INPUT.empty, 1);
  const delimiter = chooseDelimiter(clean, score);
  let header: string[] = [];
  let lastLine = 0;
  let records: ParsedRecord[];
  try {
    records = parseRecords(clean, delimiter, undefined, (r) => {
      if (lastLine === 0) header = r.record.map((h) => h.trim());
      lastLine = r.line + r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = (error as CsvError & { index?: number }).index ?? 0;
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? CLI_INPUT.quoteNotClosed
        : CLI_INPUT.badCsv(error.message);
    throw new InputError(file, reason, lastLine + 1, header[at] || at + 1);
  }
  if (records.length === 0) throw new InputError(file, CLI_INPUT.empty, 1);
  header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, line }) => ({
    line,
    record: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])),
  }));
  return { file, header, rows };
}

export interface ReadTable extends CsvTable {
  encoding: Encoding;
}

export function readCsv(file: string, score?: HeaderScore): ReadTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      code === 'ENOENT' ? CLI_INPUT.notFound : CLI_INPUT.unreadable(String(code ?? error)),
    );
  }
  const { text, encoding } = decodeBytes(bytes, file);
  return { ...parseCsv(text, file, score), encoding };
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
