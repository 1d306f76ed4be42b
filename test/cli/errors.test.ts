/**
 * What the user sees when something is wrong. A file that cannot be read stops the run with
 * exit code 1 and a Russian message naming the file, the row and the column; a wrong command
 * line exits with 2; bad rows are data (see kansk.test.ts: exit 0).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { cli, kansk, tempDir } from './helpers';

const work = tempDir('shnor-errors-');
const write = (name: string, content: string | Buffer) => {
  const file = path.join(work, name);
  fs.writeFileSync(file, content);
  return file;
};

async function runWith(registry: string, responses = kansk('responses.csv'), extra: string[] = []) {
  const out = path.join(work, 'out');
  return cli('run', '--registry', registry, '--responses', responses, ...extra, '--out', out);
}

describe('a file that cannot be read: exit 1, file, row and column named, no output written', () => {
  it('a registry without the name column', async () => {
    const file = write('no-name.csv', 'school_id;municipality\n001;Канск\n');
    const r = await runWith(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Файл «${file}», строка 1, столбец «name»: нет обязательного столбца «name»`,
    );
    expect(fs.existsSync(path.join(work, 'out', 'summary.json'))).toBe(false);
  });

  it('responses without the school column', async () => {
    const file = write(
      'no-school.csv',
      'timestamp,period,students_total\n15.05.2022 9:00,2021-2022,300\n',
    );
    const r = await runWith(kansk('registry.csv'), file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Файл «${file}», строка 1, столбец «school_id»: нет обязательного`);
  });

  it('an empty file', async () => {
    const r = await runWith(kansk('registry.csv'), write('empty.csv', ''));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.csv», строка 1: файл пуст/);
  });

  it('not a CSV: an Excel workbook passed as the registry', async () => {
    const fake = write('registry.csv.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const r = await runWith(fake);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /строка 1: это не CSV, а книга Excel \(\.xlsx\): укажите её в параметре --xlsx/,
    );
  });

  it('not a CSV: a quote never closed', async () => {
    const file = write('quote.csv', 'school_id,name\n001,"Школа\n002,Другая\n');
    const r = await runWith(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Файл «${file}», строка 2, столбец «name»: кавычка открыта`);
  });

  it('an unknown encoding (KOI8-R)', async () => {
    const file = write('koi8.csv', iconv.encode('school_id,name\n001,Средняя школа\n', 'koi8-r'));
    const r = await runWith(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Файл «${file}», строка 2, столбец «name»: не удалось определить кодировку`,
    );
  });

  it('a timestamp that is not one', async () => {
    const file = write(
      'bad-time.csv',
      'Отметка времени;school_id;period\n15.05.2022 9:00;001;2021-2022\nвчера;002;2021-2022\n',
    );
    const r = await runWith(kansk('registry.csv'), file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Файл «${file}», строка 3, столбец «Отметка времени»: «вчера» — не дата и время`,
    );
  });

  it('a file that is not there', async () => {
    const r = await runWith(path.join(work, 'missing.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.csv»: файл не найден/);
  });

  it('a workbook that is not one', async () => {
    const file = write('book.xlsx', 'school_id,name\n');
    const r = await cli('run', '--xlsx', file, '--out', path.join(work, 'out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/book\.xlsx»: это не книга Excel/);
  });
});

describe('a wrong command line: exit 2 with a Russian message and where to find help', () => {
  it.each([
    [
      ['run', '--registry', 'r.csv', '--responses', 'x.csv'],
      'не указан обязательный параметр --out',
    ],
    [['run', '--out', 'o', '--registry'], 'у параметра --registry нет значения'],
    [['run', '--out', 'o', '--responses', 'x.csv', '--colour'], 'неизвестный параметр --colour'],
    [['publish'], 'неизвестная команда «publish»'],
    [['run', '--out', 'o', '--responses', 'x.csv'], 'укажите реестр школ'],
    [['run', '--out', 'o', '--registry', 'r.csv'], 'укажите ответы школ'],
    [['template'], 'не указан обязательный параметр --out'],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Ошибка: ${message}`);
    expect(r.stderr).toContain('--help');
  });

  it('no command at all prints the help and exits with 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Использование: shnor-monitor');
  });
});

describe('--help', () => {
  it('is in Russian and English, for the program and for run', async () => {
    const root = await cli('--help');
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Использование: shnor-monitor [параметры] [команда]');
    expect(root.stdout).toContain('Команды:');
    expect(root.stdout).toContain('English:');
    expect(root.stdout).toContain('Exit codes: 0 done');
    const run = await cli('run', '--help');
    expect(run.code).toBe(0);
    for (const flag of [
      '--registry',
      '--responses',
      '--lists',
      '--settings',
      '--xlsx',
      '--period',
      '--out',
    ])
      expect(run.stdout.split(flag).length).toBeGreaterThanOrEqual(3); // Russian and English
    expect(run.stdout).toMatch(/иначе\s+последний\s+в\s+ответах/);
    expect(run.stdout).toContain('else the latest in the responses');
  });

  it('prints the version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
