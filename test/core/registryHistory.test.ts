/**
 * Registry facts per period (rev 2, spec §3): last year's figures come from last year's
 * registry snapshot, not from today's registry; without a snapshot the row says so.
 */
import { computeMonitoring } from '../../src/core/monitoring';
import { parseHistory, snapshot, withSnapshot } from '../../src/core/registryHistory';
import type { IndicatorResult } from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const P = '2022-2023';
const PREV = '2021-2022';

// Today: b has a leader school (a) and c is an internship site. All three flagged both years.
const registry = [school('a'), school('b', { leader_school_id: 'a' }), school('c')];
const lists = [P, PREV].flatMap((p) => ['a', 'b', 'c'].map((id) => listed(p, id, 'ШНОР')));
const data = [P, PREV].flatMap((p) => ['a', 'b', 'c'].map((id) => row(id, p, answers())));

function leaderShare(history = snapshot(PREV, [school('a'), school('b'), school('c')])) {
  const r = computeMonitoring({ registry, lists, data, settings: {}, registryHistory: history });
  return r.indicators.find((i) => i.code === 'share_with_leader_school') as IndicatorResult;
}

describe('«История реестра»', () => {
  it('computes last period’s leader-school share from that period’s snapshot', () => {
    const ind = leaderShare();
    expect(ind.percent).toBe(33.3); // today: b of a, b, c
    expect(ind.previous_percent).toBe(0); // last year nobody had a leader
    expect(ind.note).toBeUndefined();
  });

  it('falls back to today’s registry with a note when the period has no snapshot', () => {
    const ind = leaderShare([]);
    expect(ind.previous_percent).toBe(33.3);
    expect(ind.note).toBe('пред. период — по текущему реестру (снимка реестра за тот период нет)');
  });

  it('leaves out of last period’s figures a school not active then', () => {
    const history = snapshot(PREV, [school('a'), school('b'), school('c', { active: false })]);
    const r = computeMonitoring({ registry, lists, data, settings: {}, registryHistory: history });
    const flagged = r.indicators.find((i) => i.code === 'share_flagged') as IndicatorResult;
    expect(flagged.percent).toBe(100);
    expect(flagged.previous_percent).toBe(100); // 2 of 2, not 3 of 3 nor 2 of 3
  });

  it('replaces only the current period’s rows and reads its own table back', () => {
    const before = snapshot(PREV, [school('a', { is_internship_site: true })]);
    const after = withSnapshot(before, P, registry);
    expect(after.filter((f) => f.period === PREV)).toEqual(before);
    expect(after.filter((f) => f.period === P).map((f) => f.leader_school_id)).toEqual([
      '',
      'a',
      '',
    ]);
    const read = parseHistory(
      after.map((f) => ({
        ...f,
        is_internship_site: f.is_internship_site ? 'да' : 'нет',
        active: f.active ? 'да' : 'нет',
      })),
    );
    expect(read).toEqual(after);
  });
});
