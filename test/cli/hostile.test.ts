/**
 * The offline command against careless and hostile input (issue 11): every row accounted for,
 * every mistake a clear Russian message and the right exit code, never a stack trace.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { SHEETS } from '../../src/sheets/schema';
import { cli, readSummary, tempDir } from './helpers';
import {
  PERIOD,
  PREVIOUS,
  RESPONSE_HEADER,
  csvText,
  offlineCase,
  registryCsv,
  responseCells,
} from './offline-files';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('1. quoting and row width', () => {
  it('a quote opened and never closed before a later quoted cell stops the run at its line', async () => {
    const header = RESPONSE_HEADER.join(',');
    const row = (i: number, comment: string) =>
      responseCells(i).slice(0, -1).join(',') + ',' + comment;
    const text = [
      header,
      row(1, ''),
      row(2, '"Заместитель директора'),
      row(3, ''),
      row(4, ''),
      row(5, ''),
      row(6, '"Да, всё есть"'),
    ].join('\n');
    const c = offlineCase(6, text + '\n');
    const r = await cli(...c.args());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('строка 3');
    expect(r.stderr).toMatch(/кавычк/);
    noStack(r.stderr);
  });

  it('a row with fewer or more cells than the header is rejected at its line, never padded', async () => {
    const lines = [
      RESPONSE_HEADER.join(','),
      responseCells(1).join(','),
      responseCells(2).slice(0, 5).join(','),
      [...responseCells(3), 'лишнее'].join(','),
    ];
    const c = offlineCase(3, lines.join('\n') + '\n');
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const s = readSummary(c.out);
    const lines2 = s.rejected.map((e) => e.line).sort();
    expect(lines2).toEqual([3, 4]);
    expect(s.responded).toBe(1);
  });
});

describe('2. yes/no answers', () => {
  it('«+», «-», «д», «частично» are rejected rows with a reason; the run finishes', async () => {
    const spellings = ['+', '-', 'д', 'частично'];
    const rows = [
      RESPONSE_HEADER,
      ...spellings.map((v, k) => responseCells(k + 1, { has_tutoring: v })),
      responseCells(5, { has_tutoring: 'есть' }),
      responseCells(6, { has_tutoring: 'Нет.' }),
    ];
    const c = offlineCase(6, csvText(rows));
    const r = await cli(...c.args());
    noStack(r.stderr);
    expect(r.code).toBe(0);
    const s = readSummary(c.out);
    expect(s.rejected.map((e) => e.line).sort()).toEqual([2, 3, 4, 5]);
    for (const e of s.rejected) expect(e.errors.join(' ')).toMatch(/«да» или «нет»/);
    expect(s.responded).toBe(2);
  });
});

describe('3. template never overwrites', () => {
  it('writes only missing files and names the ones it left', async () => {
    const dir = tempDir();
    const filled = path.join(dir, 'registry.csv');
    fs.writeFileSync(filled, 'school_id,name\n001,Школа\n');
    const r = await cli('template', '--out', dir);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(filled, 'utf8')).toBe('school_id,name\n001,Школа\n');
    expect(fs.existsSync(path.join(dir, 'responses.csv'))).toBe(true);
    expect(r.stdout).toMatch(/(оставлен|не перезапис)[^]*registry\.csv/);
  });
});

describe('4. access codes offline', () => {
  const rows = [
    [...RESPONSE_HEADER, 'access_code'],
    [...responseCells(1), 'AAAA2222'],
    [...responseCells(2), 'WRONG333'],
  ];
  it('checks codes against --links: the matching one is accepted, the other held', async () => {
    const c = offlineCase(2, csvText(rows));
    const links = c.file(
      'links.csv',
      `school_id,period,access_code\n001,${PERIOD},AAAA2222\n002,${PERIOD},BBBB3333\n`,
    );
    const r = await cli(...c.args('--links', links));
    expect(r.code).toBe(0);
    const s = readSummary(c.out);
    expect(s.responded).toBe(1);
    expect(s.held.map((h) => h.school_id)).toEqual(['002']);
  });

  it('without links, codes are reported unchecked and nothing is held', async () => {
    const c = offlineCase(2, csvText(rows));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const s = readSummary(c.out);
    expect(s.held).toEqual([]);
    expect(s.responded).toBe(2);
    expect(r.stderr).toMatch(/не провер/);
  });
});

describe('7. the period', () => {
  it('--period that is not an academic year is a usage error', async () => {
    const c = offlineCase(2, csvText([RESPONSE_HEADER, responseCells(1)]));
    for (const bad of ['абв', '2024-2026']) {
      const r = await cli(...c.args('--period', bad));
      expect(r.code).toBe(2);
      noStack(r.stderr);
    }
  });

  it('--period with no responses for it is an error, not «0 из N»', async () => {
    const c = offlineCase(2, csvText([RESPONSE_HEADER, responseCells(1)]));
    const r = await cli(...c.args('--period', '2020-2021'));
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toContain('2020-2021');
    expect(fs.existsSync(path.join(c.out, 'summary.json'))).toBe(false);
  });

  it('without --period, a row with a garbage period does not become the report period', async () => {
    const rows = [RESPONSE_HEADER, responseCells(1), responseCells(2, { period: 'абв' })];
    const c = offlineCase(2, csvText(rows));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    expect(readSummary(c.out).period).toBe(PERIOD);
  });

  it('says the period came from settings.csv when it did', async () => {
    const rows = [RESPONSE_HEADER, responseCells(1), responseCells(2, { period: PREVIOUS })];
    const c = offlineCase(2, csvText(rows));
    const settings = c.file('settings.csv', `key,value\nperiod,${PREVIOUS}\n`);
    const r = await cli(...c.args('--settings', settings));
    expect(r.code).toBe(0);
    expect(readSummary(c.out).period).toBe(PREVIOUS);
    expect(r.stderr).toContain(`Отчётный период: ${PREVIOUS}`);
    expect(r.stderr).not.toContain('последний в ответах');
    expect(r.stderr).toContain('settings.csv');
  });
});

describe('8. the output folder', () => {
  const c = offlineCase(1, csvText([RESPONSE_HEADER, responseCells(1)]));
  const file = c.file('taken.txt', 'не папка');

  it.each([
    ['an existing file', file],
    ['an empty name', ''],
    ['a folder inside a file', path.join(file, 'sub')],
    ['a folder that cannot be created', '/proc/shnor-out'],
  ])('run --out %s: a Russian message, exit 1 or 2, nothing computed', async (_what, out) => {
    const args = c.args().slice(0, -2);
    const r = await cli(...args, '--out', out);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/папк/);
    expect(r.stderr).not.toContain('ответы школ через форму');
    noStack(r.stderr);
  });

  it('template --out a file: a Russian message, exit 1 or 2', async () => {
    const r = await cli('template', '--out', file);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/папк/);
    noStack(r.stderr);
  });
});

describe('9. size', () => {
  it('an .xlsx with one far-away cell is read at the cost of its real rows', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet(SHEETS.registry);
    reg.addRow([
      'school_id',
      'name',
      'municipality',
      'locality',
      'email',
      'is_internship_site',
      'leader_school_id',
      'active',
    ]);
    reg.addRow(['001', 'Школа № 1', 'Округ', 'urban', 'a@edu.example.ru', 'нет', '', 'да']);
    const resp = wb.addWorksheet(SHEETS.responses);
    resp.addRow(RESPONSE_HEADER);
    resp.addRow(responseCells(1));
    resp.getCell('XFD1048576').value = 'x';
    const file = path.join(dir, 'far.xlsx');
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, 'out');
    const before = process.memoryUsage().heapUsed;
    const r = await cli('run', '--xlsx', file, '--out', out);
    expect(r.code).toBe(0);
    expect(readSummary(out).responded).toBe(1);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('refuses responses that cannot fit a spreadsheet, before the run, naming the sizes', async () => {
    const lines = [RESPONSE_HEADER.join(',')];
    const row = responseCells(1).join(',');
    for (let i = 0; i < 100_000; i++) lines.push(row);
    const c = offlineCase(1, lines.join('\n') + '\n');
    const r = await cli(...c.args());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/10\s000\s000|10 млн/);
    expect(r.stderr).not.toContain('ответы школ через форму');
    noStack(r.stderr);
  });
});

describe('10. lines', () => {
  it('a CRLF inside a quoted cell does not shift later lines; entries name file and line', async () => {
    const rows = [
      RESPONSE_HEADER,
      responseCells(1, { comment: 'первая строка\r\nвторая строка' }),
      responseCells(2),
      responseCells(3, { students_total: '12 чел.' }),
    ];
    const c = offlineCase(3, csvText(rows, '\r\n'));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const [entry] = readSummary(c.out).rejected;
    expect(entry).toMatchObject({ file: 'responses.csv', line: 5, school_id: '003' });
    expect(r.stdout).toContain('responses.csv, строка 5');
  });
});

describe('11. every row accounted for', () => {
  it('counts rows over all files and periods, and prints the same line', async () => {
    const rows = [
      RESPONSE_HEADER,
      responseCells(1),
      responseCells(2),
      responseCells(2, { timestamp: '2025-05-20T10:00:00Z' }),
      responseCells(3, { period: PREVIOUS, students_total: 'много' }),
      responseCells(3, { students_total: '-1' }),
      RESPONSE_HEADER.map(() => ''),
    ];
    const c = offlineCase(3, csvText(rows));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const s = readSummary(c.out) as ReturnType<typeof readSummary> & {
      rows: Record<string, number>;
    };
    expect(s.rows).toEqual({ read: 6, accepted: 2, superseded: 1, rejected: 2, held: 0, blank: 1 });
    expect(s.rejected.map((e) => e.line).sort()).toEqual([5, 6]);
    expect(r.stdout).toMatch(
      /прочитано 6.*принято 2.*заменено 1.*отклонено 2.*на проверке 0.*пустых 1/,
    );
  });
});

describe('12. long text in the .xlsx', () => {
  it('a cut cell carries a visible marker and keeps the «shortened» note', async () => {
    const long = 'а'.repeat(46_000);
    const c = offlineCase(1, csvText([RESPONSE_HEADER, responseCells(1, { comment: long })]));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(c.out, 'monitoring.xlsx'));
    const data = wb.getWorksheet(SHEETS.data)!;
    let cell = '';
    data.eachRow((row) =>
      row.eachCell((v) => {
        if (typeof v.value === 'string' && v.value.length > 30_000) cell = v.value;
      }),
    );
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell).toMatch(/Excel/);
    expect(cell).toMatch(/полный текст/);
  });
});

describe('13. problems the terminal must tell', () => {
  it('refuses a registry with a duplicate code, naming both lines', async () => {
    const registry = registryCsv(2, ['002,Школа-двойник,Округ,urban,x@edu.example.ru,нет,,да']);
    const c = offlineCase(2, csvText([RESPONSE_HEADER, responseCells(1)]), registry);
    const r = await cli(...c.args());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('002');
    expect(r.stderr).toMatch(/строк[аи]? 3.*4|3 и 4/);
    noStack(r.stderr);
  });

  it('prints a setting that is not a number', async () => {
    const c = offlineCase(1, csvText([RESPONSE_HEADER, responseCells(1)]));
    const settings = c.file('settings.csv', 'key,value\nlow_results_share,abc\n');
    const r = await cli(...c.args('--settings', settings));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('abc');
  });
});

describe('14. a new user', () => {
  it('a lost leading zero gets a hint with the code meant', async () => {
    const c = offlineCase(2, csvText([RESPONSE_HEADER, responseCells(1, { school_id: '1' })]));
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    expect(readSummary(c.out).rejected[0].errors.join(' ')).toContain('«001»');
  });

  it('the report says only what happened: no previous period, no Google Form offline', async () => {
    const c = offlineCase(
      2,
      csvText([RESPONSE_HEADER, responseCells(1), responseCells(2, { students_total: 'x' })]),
    );
    const r = await cli(...c.args());
    expect(r.code).toBe(0);
    const text = await docxText(path.join(c.out, 'report.docx'));
    expect(text).not.toContain('Ни одна школа не вышла');
    expect(text).not.toContain('Google Форм');
    expect(text).not.toMatch(/возвращаются школ/);
  });
});
