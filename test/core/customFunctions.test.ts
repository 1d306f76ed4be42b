import {
  formulaTable,
  indicatorFn,
  isbFn,
  resultsIndexFn,
  shareFn,
  riskFn,
  statusFn,
} from '../../src/core/customFunctions';
import { computeMonitoring } from '../../src/core/monitoring';
import { summarySheet } from '../../src/sheets/outputs';
import { answers, listed, row, school } from './fixtures';

describe('shareFn (ДОЛЯ)', () => {
  it('divides single values and rounds as the summary does', () => {
    expect(shareFn(7, 18)).toBe(0.389);
    expect(shareFn('5', '7')).toBe(0.714);
    expect(shareFn(0, 7)).toBe(0);
    expect(shareFn('', 7)).toBe('');
  });

  it('answers a bad argument with a short Russian message, not an exception', () => {
    expect(shareFn(3, 0)).toBe('#ОШИБКА: доля: знаменатель 0');
    expect(shareFn('три', 7)).toBe('#ОШИБКА: доля: не число «три»');
    expect(shareFn(8, 7)).toBe('#ОШИБКА: доля: часть (8) больше целого (7)');
    expect(shareFn(-1, 7)).toBe('#ОШИБКА: доля: отрицательное число «-1»');
  });

  it('works over ranges, cell by cell, and repeats a single value', () => {
    expect(shareFn([[1], [2], [0]], [[4], [0], [5]])).toEqual([
      [0.25],
      ['#ОШИБКА: доля: знаменатель 0'],
      [0],
    ]);
    expect(shareFn([[1, 2]], 4)).toEqual([[0.25, 0.5]]);
    expect(shareFn([[1, 2]], [[4], [5]])).toBe('#ОШИБКА: доля: размеры диапазонов не совпадают');
  });
});

describe('isbFn and resultsIndexFn', () => {
  // Nine columns (rev 2): five shares, four yes/no conditions.
  const row9 = (single: number, remote: string) => [
    single,
    0.5,
    0,
    0,
    0,
    remote,
    'нет',
    'нет',
    'нет',
  ];

  it('computes the absolute ИСБ of each row, with a header row kept', () => {
    const header = ['неполные', 'высшее', 'учёт', 'язык', 'овз', 'отдал', 'малок', 'кадры', 'инфр'];
    const out = isbFn([header, row9(0.1, 'нет'), row9(0.25, 'нет'), row9(0.6, 'да')]) as (
      string | number
    )[][];
    expect(out[0]).toEqual(['ИСБ']);
    // d: single parent share / 0.5 (at most 1); parents' higher education 0.5 of 0.5 -> 0.
    expect(out[1][0] as number).toBeCloseTo(100 * (1 - 0.2 / 9), 6);
    expect(out[2][0] as number).toBeCloseTo(100 * (1 - 0.5 / 9), 6);
    expect(out[3][0] as number).toBeCloseTo(100 * (1 - 2 / 9), 6);
    // A row's value does not depend on the other rows.
    const alone = isbFn([row9(0.1, 'нет')]);
    expect(alone).toEqual([[out[1][0]]]);
    // Weights: remote counts three times.
    const weighted = isbFn([row9(0.6, 'да')], [[1, 1, 1, 1, 1, 3, 1, 1, 1]]) as number[][];
    expect(weighted[0][0]).toBeCloseTo(100 * (1 - 4 / 11), 6);
  });

  it('reports a wrong number of columns or a bad cell', () => {
    expect(isbFn([[1, 2, 3]])).toBe('#ОШИБКА: ИСБ: нужно 9 столбцов, а в диапазоне 3');
    const out = isbFn([row9(0.1, 'нет'), row9(0.2, 'может')]) as (string | number)[][];
    expect(out[1][0]).toBe('#ОШИБКА: ИСБ: строка 2: «может» — не число и не да/нет');
  });

  it('computes the results index from the five pooled shares, blanks missing', () => {
    const out = resultsIndexFn([
      ['', '', '', 0.1, ''],
      ['', '', '', 0.2, ''],
      ['', '', '', 0.3, ''],
      ['', '', '', '', ''],
    ]) as (string | number)[][];
    expect(out[0][0] as number).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(out[2][0] as number).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(out[3][0]).toBe('');
  });
});

describe('statusFn and indicatorFn', () => {
  const result = computeMonitoring({
    registry: ['a', 'b', 'c'].map((id) => school(id)),
    lists: [listed('2022', 'a', 'ШНОР')],
    data: ['a', 'b', 'c'].map((id, i) =>
      row(
        id,
        '2022',
        answers({ teachers_diagnosed: 5 + i, vpr_rus5_participants: 10, vpr_rus5_fail: i }),
      ),
    ),
    settings: { mun_results_analysis: true },
  });
  // What the functions get as their table argument: the sheets recompute writes.
  const table = formulaTable(result);
  const summary = summarySheet(result).rows;

  it('gives a school status, for one school or a range', () => {
    expect(statusFn('a', table)).toBe('ШНОР');
    expect(statusFn([['a'], ['b']], table, '2022')).toEqual([['ШНОР'], ['']]);
    expect(statusFn('zz', table)).toBe('#ОШИБКА: статус: школа «zz» не найдена');
    expect(statusFn('a', table, '2019')).toBe(
      '#ОШИБКА: статус: нет расчёта за период 2019; выполните пересчёт',
    );
  });

  it('asks for the table when it is not given', () => {
    expect(statusFn('a', '')).toMatch(/^#ОШИБКА: статус: вторым аргументом укажите диапазон/);
  });

  it('finds a school whose code Sheets turned into a number', () => {
    const numbered = formulaTable({
      ...result,
      schools: result.schools.map((s, i) => ({ ...s, school_id: `000${i + 1}` })),
    });
    expect(statusFn(1, numbered)).toBe('ШНОР');
  });

  it('gives municipal indicators from «Сводка» as fractions, facts as words', () => {
    expect(indicatorFn('share_flagged', summary)).toBe(0.333);
    expect(indicatorFn('mun_results_analysis', summary)).toBe('имеется');
    expect(indicatorFn('count_internship_sites', summary)).toBe(0);
    expect(indicatorFn('nonsense', summary)).toBe(
      '#ОШИБКА: показатель: неизвестный показатель «nonsense»',
    );
  });

  it('gives school values by code', () => {
    expect(indicatorFn('share_teachers_diagnosed', table, 'b')).toBe(0.6);
    expect(indicatorFn('status', table, 'a')).toBe('ШНОР');
    expect(indicatorFn('results_index', table, 'c')).toBe(result.schools[2].results_index);
    expect(indicatorFn([['municipal_rank', 'flagged']], table, 'a')).toEqual([[1, true]]);
    expect(indicatorFn('no_such', table, 'a')).toBe(
      '#ОШИБКА: показатель: неизвестный показатель «no_such»',
    );
  });
});

describe('riskFn (SHNOR_RISK, rev 2)', () => {
  const result = computeMonitoring({
    registry: ['a', 'b'].map((id) => school(id)),
    lists: [],
    data: [
      row('a', '2022', answers({ parents_involved: false, students_low_motivation: 20 })),
      row('b', '2022', answers({ parents_involved: true })),
    ],
    settings: {},
  });
  const table = formulaTable(result);

  it('answers the level of a factor by its code or name, from the table recompute writes', () => {
    expect(riskFn('a', 'parents', table)).toBe('высокий');
    expect(riskFn('a', 'Низкая учебная мотивация обучающихся', table)).toBe('средний');
    expect(riskFn([['a'], ['b']], 'parents', table)).toEqual([['высокий'], ['низкий']]);
    expect(riskFn('b', 'motivation', table)).toBe(''); // unanswered: no level
  });

  it('says what is wrong in the cell', () => {
    expect(riskFn('a', 'погода', table)).toMatch(
      /^#ОШИБКА: риск: неизвестный фактор риска «погода»/,
    );
    expect(riskFn('zz', 'parents', table)).toBe('#ОШИБКА: риск: школа «zz» не найдена');
    expect(riskFn('a', 'parents', '')).toMatch(/^#ОШИБКА: риск: третьим аргументом/);
  });
});
