import { computeMonitoring } from '../../src/core/monitoring';
import type { DataRow, ListEntry, MonitoringResult } from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const PREV = '2021-2022';
const CUR = '2022-2023';

function ind(r: MonitoringResult, code: string) {
  const found = r.indicators.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
}

describe('summary over two periods', () => {
  const registry = ['a', 'b', 'c', 'd'].map((id) => school(id));
  const lists: ListEntry[] = [
    listed(PREV, 'a', 'ШНОР'),
    listed(PREV, 'b', 'ШНСУ'),
    listed(CUR, 'b', 'ШНСУ'),
    listed(CUR, 'c', 'ШНОР+ШНСУ'),
  ];
  const data: DataRow[] = [
    ...['a', 'b', 'c', 'd'].map((id) => row(id, PREV, answers({ has_iup: id === 'a' }))),
    // d does not respond in the current period
    ...['a', 'b', 'c'].map((id) => row(id, CUR, answers({ has_iup: id !== 'a' }))),
  ];
  const r = computeMonitoring({ registry, lists, data, settings: {} });

  it('reports participation with non-respondents listed', () => {
    expect(r).toMatchObject({
      period: CUR,
      previousPeriod: PREV,
      schoolsTotal: 4,
      responded: 3,
      notResponded: ['d'],
    });
  });

  it('gives count, denominator, percent, previous percent and the change in п.п.', () => {
    expect(ind(r, 'share_flagged')).toMatchObject({
      count: 2,
      denominator: 4,
      percent: 50,
      previous_percent: 50,
      change_pp: 0,
    });
    expect(ind(r, 'share_shnor')).toMatchObject({ count: 1, percent: 25, previous_percent: 25 });
    expect(ind(r, 'share_shnsu')).toMatchObject({
      count: 2,
      percent: 50,
      previous_percent: 25,
      change_pp: 25,
    });
    // non-respondent d counts in the denominator and as "no"
    expect(ind(r, 'share_iup')).toMatchObject({
      count: 2,
      denominator: 4,
      percent: 50,
      previous_percent: 25,
      change_pp: 25,
    });
  });

  it('computes list dynamics against the previous period', () => {
    // flagged before: a, b; a left -> 1 of 2; not flagged before: c, d; c entered -> 1 of 2
    expect(ind(r, 'share_left_lists')).toMatchObject({ count: 1, denominator: 2, percent: 50 });
    expect(ind(r, 'share_entered_lists')).toMatchObject({ count: 1, denominator: 2, percent: 50 });
  });
});

describe('summary edge cases', () => {
  it('shows no percent for a zero denominator and a note when answers are missing', () => {
    const registry = ['a', 'b', 'c'].map((id) => school(id));
    const r = computeMonitoring({
      registry,
      lists: [listed(CUR, 'a', 'ШНОР'), listed(CUR, 'b', 'ШНОР')],
      data: [
        row(
          'a',
          CUR,
          answers({ teachers_total: 20, teachers_diagnosed: 10, staff_support_measures: 2 }),
        ),
        row('b', CUR, answers({ teachers_total: 10 })),
        row('c', CUR, answers({ teachers_total: 50, teachers_diagnosed: 50 })),
      ],
      settings: {},
    });
    // b did not answer teachers_diagnosed: left out of both sides; c is not flagged
    expect(ind(r, 'share_teachers_diagnosed')).toMatchObject({
      count: 10,
      denominator: 20,
      percent: 50,
      covered: 1,
      note: 'данные по 1 из 2 школ',
    });
    expect(ind(r, 'count_staff_support_measures')).toMatchObject({
      count: 2,
      denominator: null,
      percent: null,
      covered: 1,
    });
    expect(ind(r, 'share_teachers_with_iom')).toMatchObject({
      count: null,
      denominator: null,
      percent: null,
      covered: 0,
    });

    const none = computeMonitoring({
      registry,
      lists: [listed(CUR, 'x', 'ШНОР')],
      data: [row('a', CUR, answers())],
      settings: {},
    });
    for (const code of [
      'share_struggling_diagnostics',
      'share_network_practices',
      'share_teachers_diagnosed',
    ]) {
      expect(ind(none, code).percent).toBeNull();
      expect(Number.isNaN(ind(none, code).count)).toBe(false);
    }
    expect(ind(none, 'share_struggling_diagnostics')).toMatchObject({
      count: 0,
      denominator: 0,
      percent: null,
    });
  });

  it('has an all-empty summary, not an error, with no data at all', () => {
    const r = computeMonitoring({ registry: [], lists: [], data: [], settings: {} });
    expect(r.schoolsTotal).toBe(0);
    expect(r.period).toBe('');
    for (const i of r.indicators) {
      expect(i.percent === null || Number.isFinite(i.percent)).toBe(true);
    }
    expect(ind(r, 'share_flagged')).toMatchObject({ count: 0, denominator: 0, percent: null });
  });

  it('computes the results gap between flagged schools and the others in п.п., exactly', () => {
    const registry = ['f1', 'f2', 'o1', 'o2'].map((id) => school(id));
    const vpr = (rus: number, rusP: number, math: number, mathP: number) =>
      answers({
        vpr_rus5_participants: rusP,
        vpr_rus5_fail: rus,
        vpr_math8_participants: mathP,
        vpr_math8_fail: math,
      });
    const r = computeMonitoring({
      registry,
      lists: [listed(CUR, 'f1', 'ШНОР'), listed(CUR, 'f2', 'ШНСУ')],
      data: [
        row('f1', CUR, vpr(4, 20, 2, 10)), // flagged: (4+2+3)/(20+10+10) = 9/40 = 22.5 %
        row('f2', CUR, vpr(3, 10, 0, 0)),
        row('o1', CUR, vpr(1, 30, 1, 20)), // others: 3/70 = 4.2857 %
        row('o2', CUR, vpr(1, 20, 0, 0)),
      ],
      settings: {},
    });
    // 22.5 − 4.2857… = 18.214… -> 18.2
    expect(ind(r, 'gap_vpr_fail')).toMatchObject({
      percent: 18.2,
      count: null,
      denominator: null,
      note: 'ШНОР/ШНСУ: 22,5\u00a0%; остальные школы: 4,3\u00a0%',
    });
    expect(ind(r, 'gap_ege_high').percent).toBeNull();
  });

  it('rounds an exact half of a gap away from zero', () => {
    // flagged 1/8 = 12.5 %, others 1/5 = 20 %: gap −7.5 exactly -> −7.5; flagged 1/16 vs 0/8: 6.25 -> 6.3
    const registry = ['f', 'o'].map((id) => school(id));
    const gap = (fc: number, fp: number, oc: number, op: number) =>
      ind(
        computeMonitoring({
          registry,
          lists: [listed(CUR, 'f', 'ШНОР')],
          data: [
            row('f', CUR, answers({ oge_rus_participants: fp, oge_rus_fail: fc })),
            row('o', CUR, answers({ oge_rus_participants: op, oge_rus_fail: oc })),
          ],
          settings: {},
        }),
        'gap_oge_fail',
      ).percent;
    expect(gap(1, 8, 1, 5)).toBe(-7.5);
    expect(gap(1, 16, 0, 8)).toBe(6.3);
    expect(gap(0, 16, 1, 16)).toBe(-6.3);
  });
});
