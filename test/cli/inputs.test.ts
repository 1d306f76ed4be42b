/** From tables to submissions: order by time, the period, the zone, and what stops the run. */
import { tableFromRows } from '../../cli/csv';
import { InputError } from '../../cli/errors';
import { prepareInputs } from '../../cli/inputs';

const registry = tableFromRows(
  [
    ['school_id', 'name'],
    ['0001', 'A'],
    ['0002', 'B'],
  ],
  'registry.csv',
);

function responses(
  rows: string[][],
  file = 'responses.csv',
  header = ['timestamp', 'period', 'school_id'],
) {
  return tableFromRows([header, ...rows], file);
}

describe('prepareInputs', () => {
  it('orders submissions by time across files, not as text', () => {
    const a = responses([
      ['16.05.2022 10:30:00', '2021-2022', '0001'],
      ['9.05.2022 14:00:00', '2021-2022', '0001'],
    ]);
    const b = responses([['2022-05-12T08:00:00+03:00', '2021-2022', '0002']], 'more.csv');
    const prepared = prepareInputs({ registry, responses: [a, b] });
    expect(prepared.submissions.map((s) => [s.file, s.line])).toEqual([
      ['responses.csv', 3],
      ['more.csv', 2],
      ['responses.csv', 2],
    ]);
  });

  it('keeps file order for rows without a time', () => {
    const t = responses([
      ['', '2021-2022', '0002'],
      ['10.05.2022 10:00', '2021-2022', '0001'],
      ['', '2021-2022', '0002'],
    ]);
    const lines = prepareInputs({ registry, responses: [t] }).submissions.map((s) => s.line);
    expect(lines).toEqual([2, 3, 4]);
  });

  it('takes the latest period in the responses by default, normalising dashes', () => {
    const t = responses([
      ['', '2020 – 2021', '0001'],
      ['', '2021–2022', '0002'],
    ]);
    const prepared = prepareInputs({ registry, responses: [t] });
    expect(prepared.period).toBe('2021-2022');
    expect(prepared.submissions.map((s) => s.record.period)).toEqual(['2020-2021', '2021-2022']);
  });

  it('takes the period asked for', () => {
    const t = responses([
      ['', '2021-2022', '0001'],
      ['', '2020-2021', '0002'],
    ]);
    expect(prepareInputs({ registry, responses: [t], period: '2020/2021' }).period).toBe(
      '2020-2021',
    );
  });

  it('stops on a timestamp that is not one, naming file, row and the column as titled', () => {
    const t = responses(
      [
        ['15.05.2022 9:00', '2021-2022', '0001'],
        ['32.05.2022 9:00', '2021-2022', '0002'],
      ],
      'responses.csv',
      ['Отметка времени', 'period', 'school_id'],
    );
    expect(() => prepareInputs({ registry, responses: [t] })).toThrow(
      'Файл «responses.csv», строка 3, столбец «Отметка времени»: «32.05.2022 9:00» — не дата и время',
    );
  });

  it('reads the time zone from settings and keeps it out of the sheet settings', () => {
    const settings = tableFromRows(
      [
        ['key', 'value'],
        ['time_zone', 'Asia/Krasnoyarsk'],
        ['status_source', 'official'],
      ],
      'settings.csv',
    );
    const t = responses([['15.05.2022 9:05', '2021-2022', '0001']]);
    const prepared = prepareInputs({ registry, responses: [t], settings });
    expect(prepared.timeZone).toBe('Asia/Krasnoyarsk');
    expect(prepared.settings).toEqual([{ key: 'status_source', value: 'official' }]);
    expect(new Date(prepared.submissions[0].at!).toISOString()).toBe('2022-05-15T02:05:00.000Z');
  });

  it('stops on an unknown time zone at its row', () => {
    const settings = tableFromRows(
      [
        ['key', 'value'],
        ['time_zone', 'Europe/Kansk'],
      ],
      'settings.csv',
    );
    expect(() => prepareInputs({ registry, responses: [], settings })).toThrow(
      /^Файл «settings\.csv», строка 2, столбец «value»: «Europe\/Kansk» — неизвестный часовой пояс/,
    );
  });

  it('takes the school code back from the form’s choice «0012 — name»', () => {
    const t = responses([['', '2021-2022', '0002 — МБОУ «Школа № 2»']]);
    expect(prepareInputs({ registry, responses: [t] }).submissions[0].record.school_id).toBe(
      '0002',
    );
  });

  it('knows whether the files carry access codes', () => {
    const without = responses([['', '2021-2022', '0001']]);
    const withCodes = responses([['', '2021-2022', '0001', 'K7M2P9QX']], 'r.csv', [
      'timestamp',
      'period',
      'school_id',
      'Код доступа школы',
    ]);
    expect(prepareInputs({ registry, responses: [without] }).hasAccessCodes).toBe(false);
    const prepared = prepareInputs({ registry, responses: [withCodes] });
    expect(prepared.hasAccessCodes).toBe(true);
    expect(prepared.submissions[0].record.access_code).toBe('K7M2P9QX');
  });

  it('refuses a registry without schools', () => {
    const empty = tableFromRows([['school_id', 'name']], 'registry.csv');
    expect(() => prepareInputs({ registry: empty, responses: [] })).toThrow(InputError);
  });

  it('names unknown columns as warnings, not errors', () => {
    const t = responses([['', '2021-2022', '0001', 'x']], 'r.csv', [
      'timestamp',
      'period',
      'school_id',
      'Любимый цвет',
    ]);
    expect(prepareInputs({ registry, responses: [t] }).warnings).toEqual([
      'Файл «r.csv», столбец «Любимый цвет»: не распознан и пропущен',
    ]);
  });
});
