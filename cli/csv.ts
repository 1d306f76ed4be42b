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

export interface CsvRow {
  /** The 1-based line of the file where the row starts (a quoted cell may span lines). */
  line: number;
  record: Record<string, string>;
  /** Why the row cannot be taken as it is (its width differs from the header's). */
  problem?: string;
  /** Every cell empty: a blank row, counted but not submitted. */
  blank?: boolean;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

export type Delimiter = ',' | ';';
const DELIMITERS: readonly Delimiter[] = [';', ','];

/** Scores a candidate header: how many of its cells name a column the reader knows. */
export type HeaderScore = (header: readonly string[]) => number;

interface ParsedRecord {
  record: string[];
  /** Byte offsets of the record in the file, its record delimiter included. */
  start: number;
  end: number;
}

const NEWLINE = 0x0a;

function parseRecords(
  bytes: Buffer,
  delimiter: Delimiter,
  to?: number,
  progress = { end: 0 },
): ParsedRecord[] {
  let previousEnd = 0;
  const options = {
    delimiter,
    relax_column_count: true,
    // A stray quote inside an unquoted field (МБОУ "СОШ № 1") is text, as Excel would read it.
    relax_quotes: true,
    skip_empty_lines: true,
    ...(to ? { to } : {}),
    on_record: (record: string[], context: { bytes: number }): ParsedRecord => {
      let start = previousEnd;
      // Empty lines skipped before the record.
      while (start < context.bytes && (bytes[start] === NEWLINE || bytes[start] === 0x0d)) start++;
      previousEnd = context.bytes;
      progress.end = context.bytes;
      return { record, start, end: context.bytes };
    },
  };
  // csv-parse's types do not follow on_record's return type into the result.
  return parse(bytes, options as unknown as Options) as unknown as ParsedRecord[];
}

/** 1-based line numbers of byte offsets, counting LF only (CRLF is one line break). */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (bytes[at] === NEWLINE) line += 1;
    return line;
  };
}

/**
 * The delimiter whose header names more known columns; then the one that splits the header
 * into more cells. Counting characters is not enough: form titles contain commas
 * («Обучающиеся, состоящие на учёте в ОДН, КДН»).
 */
export function chooseDelimiter(text: string, score?: HeaderScore): Delimiter {
  const bytes = Buffer.from(text, 'utf8');
  let best: Delimiter = ',';
  let bestKey = [-1, -1];
  for (const d of DELIMITERS) {
    let header: string[];
    try {
      header = (parseRecords(bytes, d, 1)[0]?.record ?? []).map((h) => h.trim());
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

/**
 * Where a record spanning lines has a quoted cell whose closing quote is not followed by a
 * delimiter or the end of the line: the quote that opened it swallowed the following rows
 * (csv-parse, relaxed for stray quotes in unquoted cells, would merge them). Returns the
 * offset of that opening quote in `raw`, or -1.
 */
function unbalancedQuote(raw: string, delimiter: Delimiter): number {
  if (!raw.replace(/\r?\n$/, '').includes('\n')) return -1;
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '"') {
      const open = i;
      let closed = false;
      for (i += 1; i < raw.length; i++) {
        if (raw[i] !== '"') continue;
        if (raw[i + 1] === '"') {
          i += 1;
          continue;
        }
        closed = true;
        i += 1;
        break;
      }
      const next = raw[i];
      const spansLines = raw.slice(open, i).includes('\n');
      if (spansLines && closed && next !== undefined && !/[\r\n]/.test(next) && next !== delimiter)
        return open;
    }
    while (i < raw.length && raw[i] !== delimiter && raw[i] !== '\n') i++;
    i += 1;
  }
  return -1;
}

function headerOf(bytes: Buffer, delimiter: Delimiter): string[] {
  return (parseRecords(bytes, delimiter, 1)[0]?.record ?? []).map((h) => h.trim());
}

export function parseCsv(text: string, file: string, score?: HeaderScore): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') throw new InputError(file, CLI_INPUT.empty, 1);
  const delimiter = chooseDelimiter(clean, score);
  const bytes = Buffer.from(clean, 'utf8');
  const lineAt = lineCounter(bytes);
  let records: ParsedRecord[];
  const progress = { end: 0 };
  try {
    records = parseRecords(bytes, delimiter, undefined, progress);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Where the record that failed starts: after the last complete one.
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? CLI_INPUT.quoteNotClosed
        : CLI_INPUT.badCsv(error.message);
    let start = progress.end;
    while (start < bytes.length && (bytes[start] === NEWLINE || bytes[start] === 0x0d)) start++;
    const at = (error as CsvError & { index?: number }).index ?? 0;
    const header = progress.end > 0 ? headerOf(bytes, delimiter) : [];
    throw new InputError(file, reason, lineAt(start), header[at] || at + 1);
  }
  if (records.length === 0) throw new InputError(file, CLI_INPUT.empty, 1);
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, start, end }): CsvRow => {
    const line = lineAt(start);
    const raw = bytes.subarray(start, end).toString('utf8');
    const open = unbalancedQuote(raw, delimiter);
    if (open >= 0) {
      const opened = line + (raw.slice(0, open).match(/\n/g)?.length ?? 0);
      throw new InputError(file, CLI_INPUT.quoteSwallowsRows(line, lineAt(end) - 1), opened);
    }
    const cells = record.map((c) => c.trim());
    const blank = cells.every((c) => c === '');
    const extra = cells.slice(header.length).some((c) => c !== '');
    const problem =
      blank || (cells.length >= header.length && !extra)
        ? undefined
        : CLI_INPUT.rowWidth(cells.length, header.length);
    return {
      line,
      record: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])),
      ...(problem ? { problem } : {}),
      ...(blank ? { blank } : {}),
    };
  });
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
