/**
 * The same municipality (the Kansk fixture) written the ways offline files come: UTF-8 with
 * and without BOM, Windows-1251, comma or semicolon, columns by code or by the form's
 * question titles, Russian or ISO timestamps, yes/no words of every kind, responses split
 * over two files, and the add-on's own spreadsheet as .xlsx. Each gives the same summary.
 * The variants are written here with csv-parse/csv-stringify and iconv-lite directly, not
 * with the reader under test.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import { FIELDS, REGISTRY_COLUMNS } from '../../src/core/catalogue';
import { SHEETS } from '../../src/sheets/schema';
import { cli, kansk, kanskArgs, readSummary, tempDir, type Summary } from './helpers';

const codeOfTitle = new Map<string, string>([
  ['Отметка времени', 'timestamp'],
  ...FIELDS.map((f) => [f.label, f.code] as [string, string]),
]);
const BOOL_CODES = new Set(FIELDS.filter((f) => f.type === 'bool').map((f) => f.code));

/** The fixture's responses as records keyed by code. */
function kanskResponses(): Array<Record<string, string>> {
  const text = iconv.decode(fs.readFileSync(kansk('responses.csv')), 'win1251');
  const [header, ...rows] = parse(text, { delimiter: ';' }) as string[][];
  const codes = header.map((h) => codeOfTitle.get(h) ?? h);
  return rows.map((r) => Object.fromEntries(codes.map((c, i) => [c, r[i]])));
}

/** `12.05.2022 10:14:00` (Krasnoyarsk) as ISO with its offset. */
function isoOf(russian: string): string {
  const m = /^(\d{1,2})\.(\d{2})\.(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(russian);
  if (!m) throw new Error(russian);
  const [, d, mo, y, h, mi, s] = m;
  return `${y}-${mo}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}+07:00`;
}

const BOOL_WORDS: Record<string, [string, string]> = {
  'yes/no': ['yes', 'no'],
  '1/0': ['1', '0'],
  'TRUE/FALSE': ['TRUE', 'FALSE'],
  'Да/Нет': ['Да', 'Нет'],
};

interface Variant {
  encoding: 'utf8' | 'utf8bom' | 'win1251';
  delimiter: ',' | ';';
  titles: boolean;
  iso: boolean;
  bools: keyof typeof BOOL_WORDS;
}

function writeResponses(file: string, rows: Array<Record<string, string>>, v: Variant): string {
  const columns = ['timestamp', ...FIELDS.map((f) => f.code)];
  const label = new Map(FIELDS.map((f) => [f.code, f.label]));
  const header = columns.map((c) =>
    v.titles ? (c === 'timestamp' ? 'Отметка времени' : label.get(c)!) : c,
  );
  const [yes, no] = BOOL_WORDS[v.bools];
  const body = rows.map((r) =>
    columns.map((c) => {
      const value = r[c] ?? '';
      if (c === 'timestamp' && v.iso) return isoOf(value);
      if (BOOL_CODES.has(c) && value !== '') return value === 'да' ? yes : no;
      return value;
    }),
  );
  const text = stringify([header, ...body], { delimiter: v.delimiter });
  const bytes =
    v.encoding === 'win1251'
      ? iconv.encode(text, 'win1251')
      : Buffer.from(v.encoding === 'utf8bom' ? `\uFEFF${text}` : text, 'utf8');
  fs.writeFileSync(file, bytes);
  return file;
}

/** The same rows come from differently named files: where they came from is left out. */
function sansSource(summary: Summary): Summary {
  return {
    ...summary,
    rejected: summary.rejected.map(({ file: _f, line: _l, ...r }) => r),
    held: summary.held.map(({ file: _f, line: _l, ...h }) => h),
  };
}

async function runWith(args: string[]): Promise<Summary> {
  const out = tempDir('shnor-formats-out-');
  const result = await cli('run', ...args, '--out', out);
  expect(result.stderr).not.toMatch(/не распознан|Ошибка/);
  expect(result.code).toBe(0);
  return sansSource(readSummary(out));
}

const inspectorFiles = [
  '--lists',
  kansk('lists.csv'),
  '--settings',
  kansk('settings.csv'),
] as const;

let baseline: Summary;
let baselineOut: string;
const work = tempDir('shnor-formats-');

beforeAll(async () => {
  baselineOut = tempDir('shnor-formats-base-');
  const result = await cli(...kanskArgs(baselineOut));
  expect(result.code).toBe(0);
  baseline = sansSource(readSummary(baselineOut));
});

describe('response files in every accepted format give the same summary', () => {
  const variants: Array<[string, Variant]> = [
    [
      'UTF-8 without BOM, comma, codes, ISO times, yes/no',
      { encoding: 'utf8', delimiter: ',', titles: false, iso: true, bools: 'yes/no' },
    ],
    [
      'UTF-8 with BOM, semicolon, question titles, Russian times, TRUE/FALSE',
      { encoding: 'utf8bom', delimiter: ';', titles: true, iso: false, bools: 'TRUE/FALSE' },
    ],
    [
      'Windows-1251, comma, codes, Russian times, 1/0',
      { encoding: 'win1251', delimiter: ',', titles: false, iso: false, bools: '1/0' },
    ],
    [
      'UTF-8 without BOM, comma, question titles, ISO times, Да/Нет',
      { encoding: 'utf8', delimiter: ',', titles: true, iso: true, bools: 'Да/Нет' },
    ],
  ];

  it.each(variants)('%s', async (name, variant) => {
    const file = writeResponses(
      path.join(work, `${name.replace(/\W+/g, '-')}.csv`),
      kanskResponses(),
      variant,
    );
    const summary = await runWith([
      '--registry',
      kansk('registry.csv'),
      '--responses',
      file,
      ...inspectorFiles,
    ]);
    expect(summary).toEqual(baseline);
  });

  it('responses split over two files of different formats (--responses twice)', async () => {
    const rows = kanskResponses();
    const a = writeResponses(path.join(work, 'part-a.csv'), rows.slice(0, 9), {
      encoding: 'win1251',
      delimiter: ';',
      titles: true,
      iso: false,
      bools: 'Да/Нет',
    });
    const b = writeResponses(path.join(work, 'part-b.csv'), rows.slice(9), {
      encoding: 'utf8',
      delimiter: ',',
      titles: false,
      iso: true,
      bools: 'yes/no',
    });
    const summary = await runWith([
      '--registry',
      kansk('registry.csv'),
      '--responses',
      a,
      '--responses',
      b,
      ...inspectorFiles,
    ]);
    // Row numbers of «Ответы формы» follow the submission order (by time): the same.
    expect(summary).toEqual(baseline);
  });

  it('a registry as Russian Excel saves it: Windows-1251, semicolon, column titles', async () => {
    const [header, ...rows] = parse(
      fs.readFileSync(kansk('registry.csv'), 'utf8').replace(/^\uFEFF/, ''),
    ) as string[][];
    const label = new Map(REGISTRY_COLUMNS.map((c) => [c.code, c.label]));
    const text = stringify([header.map((c) => label.get(c) ?? c), ...rows], { delimiter: ';' });
    const file = path.join(work, 'registry-1251.csv');
    fs.writeFileSync(file, iconv.encode(text, 'win1251'));
    const summary = await runWith([
      '--registry',
      file,
      '--responses',
      kansk('responses.csv'),
      ...inspectorFiles,
    ]);
    expect(summary).toEqual(baseline);
  });
});

describe('the add-on spreadsheet downloaded as .xlsx', () => {
  it('gives the same summary as the files it was made from', async () => {
    const summary = await runWith(['--xlsx', path.join(baselineOut, 'monitoring.xlsx')]);
    expect(summary).toEqual(baseline);
  });

  it('falls back to «Данные» when the raw responses sheet is gone: same indicators and schools', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(baselineOut, 'monitoring.xlsx'));
    wb.removeWorksheet(wb.getWorksheet(SHEETS.responses)!.id);
    const file = path.join(work, 'data-only.xlsx');
    await wb.xlsx.writeFile(file);
    const summary = await runWith(['--xlsx', file]);
    expect(summary.indicators).toEqual(baseline.indicators);
    expect(summary.schools).toEqual(baseline.schools);
    // «Данные» holds accepted responses only: nothing left to reject.
    expect(summary.rejected).toEqual([]);
  });
});
