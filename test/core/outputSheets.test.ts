/**
 * «Динамика» and «Не представили» (issue 12, point 5): what the reader sees in each row.
 */
import type { JournalEntry } from '../../src/core/intake';
import type { MonitoringResult, SchoolResult } from '../../src/core/types';
import { dynamicsSheet, notRespondedSheet } from '../../src/sheets/outputs';
import { school } from './fixtures';

function pupil(id: string, name: string, extra: Partial<SchoolResult> = {}): SchoolResult {
  return {
    school_id: id,
    name,
    responded: true,
    status: '',
    status_prev: '',
    results_index: null,
    results_index_prev: null,
    isb: null,
    isb_prev: null,
    dynamics: 'outside',
    effective_mode: false,
    ...extra,
  } as SchoolResult;
}

const result = (schools: SchoolResult[]): MonitoringResult =>
  ({ period: '2025-2026', previousPeriod: '2024-2025', schools }) as MonitoringResult;

describe('«Динамика»', () => {
  const r = result([
    pupil('0001', 'МБОУ «Школа № 1»', {
      status_prev: 'ШНОР+ШНСУ',
      status: '',
      dynamics: 'left',
      results_index: 0.5,
      results_index_prev: 0.8,
      isb: 60,
      isb_prev: 55.5,
      effective_mode: true,
    }),
    pupil('0002', 'МБОУ «Школа»', { status: 'ШНОР', dynamics: 'entered' }),
    pupil('0003', 'МБОУ «Школа»', { responded: false, dynamics: 'no_data', status_prev: null }),
  ]);
  const { rows, layout } = dynamicsSheet(r);

  it('has Russian headers and one row per school in words', () => {
    expect(rows[0]).toEqual([
      'Школа',
      'Статус в прошлом периоде',
      'Статус сейчас',
      'Динамика',
      'Изменение индекса результатов',
      'Изменение ИСБ',
      'Эффективный режим',
    ]);
    expect(rows[1]).toEqual([
      'МБОУ «Школа № 1»',
      'ШНОР и ШНСУ',
      'вне списков',
      'вышла',
      -0.3,
      4.5,
      'да',
    ]);
    expect(rows[2].slice(0, 4)).toEqual(['МБОУ «Школа» (0002)', 'вне списков', 'ШНОР', 'вошла']);
    expect(rows[3].slice(0, 7)).toEqual([
      'МБОУ «Школа» (0003)',
      '',
      'вне списков',
      'нет данных',
      '',
      '',
      'нет',
    ]);
  });

  it('formats changes with sign and true minus and shades negative ones', () => {
    expect(layout.columns?.[4].numberFormat).toContain('\u2212');
    expect(layout.negativeRed).toEqual([4, 5]);
  });
});

describe('«Не представили»', () => {
  const r = result([
    pupil('0001', 'МБОУ «Школа № 1»'),
    pupil('0002', 'МБОУ «Школа № 2»', { responded: false }),
    pupil('0003', 'МБОУ «Школа № 3»', { responded: false }),
  ]);
  const entry = (id: string, state: JournalEntry['state'], period = '2025-2026'): JournalEntry => ({
    row: 2,
    timestamp: new Date(),
    school_id: id,
    period,
    reasons: [],
    state,
    decision: '',
  });
  const { rows } = notRespondedSheet(
    r,
    [school('0002', { email: 'two@school.ru' }), school('0003', { email: 'three@school.ru' })],
    [
      { school_id: '0002', period: '2025-2026', url: 'https://forms/x?2' },
      { school_id: '0003', period: '2024-2025', url: 'https://forms/old' },
    ],
    [
      entry('0002', 'held'),
      entry('0002', 'rejected'),
      entry('0002', 'rejected_by_inspector'),
      entry('0003', 'rejected', '2024-2025'),
    ],
  );

  it('lists only the silent schools, with e-mail, this period’s link and their held/rejected counts', () => {
    expect(rows[0]).toEqual([
      'Школа',
      'Код ОО',
      'E-mail',
      'Ссылка на анкету',
      'Отклонено ответов',
      'Ответов на проверке',
    ]);
    expect(rows.slice(1)).toEqual([
      ['МБОУ «Школа № 2»', '0002', 'two@school.ru', 'https://forms/x?2', 2, 1],
      ['МБОУ «Школа № 3»', '0003', 'three@school.ru', '', '', ''],
    ]);
  });
});
