/**
 * Codes apart from their words: every code shows one word and reads it back; older wordings
 * keep reading back; summary.json keeps the dynamics values the domain spec fixes.
 */
import { DECISION, DYNAMICS, INTAKE_STATE, wordTable, YES_NO } from '../../src/core/words';
import { toSummaryJson } from '../../src/core/summaryJson';
import { computeMonitoring } from '../../src/core/monitoring';

describe('word tables', () => {
  it.each([
    ['intake states', INTAKE_STATE],
    ['decisions', DECISION],
    ['dynamics', DYNAMICS],
    ['yes/no', YES_NO],
  ] as const)('%s: every shown word reads back to its own code, and no word is shared', (_n, t) => {
    const table = t as ReturnType<typeof wordTable<string>>;
    const shown = table.shown();
    expect(new Set(shown).size).toBe(shown.length);
    for (const word of shown) expect(table.show(table.read(word)!)).toBe(word);
  });

  it('reads a word whatever its case, spaces or ё, and an older wording too', () => {
    const states = wordTable({ held: ['ждёт проверки', 'на проверке'], rejected: ['отклонён'] });
    expect(states.show('held')).toBe('ждёт проверки');
    expect(states.read('  На проверке ')).toBe('held');
    expect(states.read('ЖДЕТ ПРОВЕРКИ')).toBe('held');
    expect(states.read('отклонен')).toBe('rejected');
    expect(states.read('принят')).toBeNull();
    expect(states.read('')).toBeNull();
  });

  it('reads the inspector’s decisions as typed in the sheet', () => {
    expect(DECISION.read('Принять')).toBe('accept');
    expect(DECISION.read('ОТКЛОНИТЬ ')).toBe('reject');
    expect(DECISION.read('может быть')).toBeNull();
  });
});

describe('summary.json dynamics', () => {
  it('keeps the values the domain spec fixes, whatever words the sheets show', () => {
    const school = (id: string) => ({
      school_id: id,
      name: `Школа ${id}`,
      municipality: '',
      locality: 'urban' as const,
      email: '',
      is_internship_site: false,
      leader_school_id: '',
      active: true,
      no_reminders: false,
    });
    const registry = ['01', '02', '03', '04'].map(school);
    const lists = [
      { period: '2020-2021', school_id: '01', status: 'ШНОР' as const },
      { period: '2020-2021', school_id: '02', status: 'ШНОР' as const },
      { period: '2021-2022', school_id: '02', status: 'ШНОР' as const },
      { period: '2021-2022', school_id: '03', status: 'ШНСУ' as const },
    ];
    const data = ['2020-2021', '2021-2022'].flatMap((period) =>
      registry.map((s) => ({
        school_id: s.school_id,
        period,
        values: { students_total: 100, teachers_total: 10 },
        response_id: '',
        timestamp: '',
      })),
    );
    const result = computeMonitoring({
      registry,
      lists,
      data,
      settings: { period: '2021-2022' },
      rules: [],
    });
    const none = { read: 0, accepted: 0, superseded: 0, rejected: 0, held: 0, blank: 0 };
    const json = toSummaryJson(result, [], [], none);
    expect(json.schools.map((s) => s.dynamics)).toEqual([
      'вышла',
      'осталась',
      'вошла',
      'вне списков',
    ]);
  });
});
