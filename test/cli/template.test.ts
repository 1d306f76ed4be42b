/** `shnor-monitor template`: empty files the reader understands, and a Russian guide. */
import fs from 'node:fs';
import path from 'node:path';
import { knownColumns, normalizeTable, type TableKind } from '../../cli/columns';
import { readCsv } from '../../cli/csv';
import { FIELDS, SETTINGS } from '../../src/core/catalogue';
import { cli, readSummary, tempDir } from './helpers';

const KINDS: Record<string, TableKind> = {
  'registry.csv': 'registry',
  'lists.csv': 'lists',
  'responses.csv': 'responses',
  'settings.csv': 'settings',
};

describe('template --out DIR', () => {
  let dir: string;
  let stdout: string;

  beforeAll(async () => {
    dir = path.join(tempDir(), 'шаблоны');
    const r = await cli('template', '--out', dir);
    expect(r.code).toBe(0);
    stdout = r.stdout;
  });

  it('writes the four CSV files and README.txt, and says so', () => {
    expect(fs.readdirSync(dir).sort()).toEqual([
      'README.txt',
      'lists.csv',
      'registry.csv',
      'responses.csv',
      'settings.csv',
    ]);
    for (const name of fs.readdirSync(dir)) expect(stdout).toContain(name);
  });

  it.each(Object.entries(KINDS))(
    '%s has a header the reader knows whole, and no rows',
    (name, kind) => {
      const table = readCsv(path.join(dir, name), (h) => knownColumns(kind, h));
      expect(table.rows).toEqual([]);
      const normalized = normalizeTable(table, kind);
      expect(normalized.unknown).toEqual([]);
      expect(normalized.header.length).toBe(table.header.length);
    },
  );

  it('responses.csv has the timestamp, the period and every question of the form', () => {
    const header = readCsv(path.join(dir, 'responses.csv')).header;
    expect(header.slice(0, 2)).toEqual(['timestamp', 'period']);
    expect(new Set(header)).toEqual(new Set(['timestamp', ...FIELDS.map((f) => f.code)]));
  });

  it('is saved for Russian Excel: UTF-8 BOM and semicolons', () => {
    const bytes = fs.readFileSync(path.join(dir, 'registry.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('school_id;name;');
  });

  it('README.txt is a Russian guide naming every field and setting code and the command', () => {
    const readme = fs.readFileSync(path.join(dir, 'README.txt'), 'utf8');
    expect(readme).toContain('npx shnor-monitor run --registry registry.csv');
    expect(readme).toMatch(/Windows-1251/);
    for (const f of FIELDS) expect(readme).toContain(f.code);
    for (const s of SETTINGS) expect(readme).toContain(s.code);
  });

  it('once filled in, runs', async () => {
    const add = (name: string, lines: string[]) =>
      fs.appendFileSync(path.join(dir, name), lines.map((l) => `${l}\r\n`).join(''));
    add('registry.csv', ['0001;Школа № 1;;urban;;нет;;да;', '0002;Школа № 2;;rural;;нет;;да;']);
    add('lists.csv', ['2022-2023;0002;ШНОР']);
    add('settings.csv', ['municipality;Тестовый округ']);
    const header = readCsv(path.join(dir, 'responses.csv')).header;
    const row = (id: string, time: string) =>
      header
        .map((c) =>
          c === 'timestamp'
            ? time
            : c === 'period'
              ? '2022-2023'
              : c === 'school_id'
                ? id
                : c === 'students_total'
                  ? '100'
                  : c === 'teachers_total'
                    ? '10'
                    : '',
        )
        .join(';');
    add('responses.csv', [row('0001', '10.05.2023 10:00'), row('0002', '11.05.2023 11:00')]);
    const out = tempDir();
    const files = ['registry', 'lists', 'settings', 'responses'].flatMap((n) => [
      `--${n}`,
      path.join(dir, `${n}.csv`),
    ]);
    const r = await cli('run', ...files, '--out', out);
    expect(r.stderr).not.toMatch(/Ошибка|не распознан/);
    expect(r.code).toBe(0);
    const summary = readSummary(out);
    expect(summary).toMatchObject({ period: '2022-2023', schools_total: 2, responded: 2 });
    expect(summary.schools.find((s) => s.school_id === '0002')?.status).toBe('ШНОР');
  });
});
