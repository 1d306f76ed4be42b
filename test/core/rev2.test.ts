/**
 * Revision 2 of the method (domain spec §6): the properties the issue asks for, and a case
 * built so that each misleading number of revision 1 would show — and no longer does.
 */
import fc from 'fast-check';
import { shrink } from '../../src/core/compute/shares';
import { computeMonitoring } from '../../src/core/monitoring';
import type { FieldValues, MonitoringResult } from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const P = '2022-2023';
const PREV = '2021-2022';

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const maybeBool = fc.constantFrom<boolean | null>(true, false, null);

/** A context answer: the ИСБ inputs within their bases, some unanswered. */
const contextArb: fc.Arbitrary<FieldValues> = fc
  .record({
    students: fc.integer({ min: 1, max: 500 }),
    shares: fc.array(fc.option(frac, { nil: null }), { minLength: 6, maxLength: 6 }),
    conditions: fc.array(maybeBool, { minLength: 6, maxLength: 6 }),
  })
  .map((g) => {
    const v: FieldValues = { students_total: g.students, teachers_total: 10 };
    [
      'students_single_parent',
      'students_parents_higher_ed',
      'students_registered_kdn',
      'students_registered_school',
      'students_non_native',
      'students_special_needs',
    ].forEach((code, i) => {
      const f = g.shares[i];
      v[code] = f === null ? null : Math.floor(f * g.students);
    });
    [
      'remote_location',
      'small_school',
      'staff_shortage',
      'infrastructure_deficit',
      'no_stable_internet',
      'insufficient_computers',
    ].forEach((code, i) => (v[code] = g.conditions[i]));
    return v;
  });

const weightsArb = fc.record({
  isb_weight_single_parent: fc.integer({ min: 0, max: 5 }),
  isb_weight_registered: fc.integer({ min: 0, max: 5 }),
  isb_weight_remote_location: fc.integer({ min: 0, max: 5 }),
  isb_cap_non_native: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

function isbOf(schools: FieldValues[], settings = {}): (number | null)[] {
  const r = computeMonitoring({
    registry: schools.map((_, i) => school(`s${i}`)),
    lists: [],
    data: schools.map((v, i) => row(`s${i}`, P, v)),
    settings,
  });
  return r.schools.map((s) => s.isb);
}

describe('ИСБ properties (rev 2)', () => {
  it('stays within [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(contextArb, { minLength: 1, maxLength: 12 }), weightsArb, (xs, w) =>
        isbOf(xs, w).every((x) => x === null || (x >= 0 && x <= 100)),
      ),
      { numRuns: 150 },
    );
  });

  it('never changes for another school when a school with a rare condition is added', () => {
    fc.assert(
      fc.property(
        fc.array(contextArb, { minLength: 1, maxLength: 10 }),
        contextArb,
        weightsArb,
        (xs, extra, w) => {
          const before = isbOf(xs, w);
          const rare = { ...extra, remote_location: true, small_school: true };
          const after = isbOf([...xs, rare], w).slice(0, xs.length);
          return after.every((x, i) => x === before[i]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('shrinkage properties (rev 2)', () => {
  const caseArb = fc
    .record({
      base: fc.integer({ min: 1, max: 1000 }),
      f: frac,
      p: frac,
      k: fc.double({ min: 0.01, max: 100, noNaN: true }),
    })
    .map((g) => ({ ...g, count: Math.floor(g.f * g.base) }));

  it('moves every share toward the municipal share and never past it', () => {
    fc.assert(
      fc.property(caseArb, ({ count, base, p, k }) => {
        const raw = count / base;
        const s = shrink(count, base, p, k) as number;
        const eps = 1e-12;
        return raw >= p ? s <= raw + eps && s >= p - eps : s >= raw - eps && s <= p + eps;
      }),
    );
  });

  it('gives the raw share back with k = 0', () => {
    fc.assert(
      fc.property(caseArb, ({ count, base, p }) => shrink(count, base, p, 0) === count / base),
    );
  });

  it('is the spec formula (count + k·p) / (participants + k): 1 of 3 with p = 0.1 and k = 10', () => {
    expect(shrink(1, 3, 0.1, 10)).toBeCloseTo(2 / 13, 15);
  });
});

/**
 * The misleading numbers of revision 1, one school each, in one municipality. Revision 1
 * ranked the remote school below the hard one, the tiny cohort into the bottom, the school
 * with inflated ВПР out of the list, and the silent school as «вышла».
 */
describe('the «misleading numbers» case', () => {
  const ordinary = (i: number): FieldValues =>
    answers({
      students_total: 400,
      students_single_parent: 60 + i, // 15 %
      students_parents_higher_ed: 120,
      students_registered_kdn: 4,
      students_registered_school: 6,
      students_non_native: 12,
      students_special_needs: 12,
      remote_location: false,
      small_school: false,
      staff_shortage: false,
      infrastructure_deficit: false,
      no_stable_internet: false,
      insufficient_computers: false,
      vpr_math8_participants: 100,
      vpr_math8_fail: 10,
      oge_math_participants: 40,
      oge_math_fail: 4,
    });
  const data: Record<string, FieldValues> = {};
  for (let i = 0; i < 6; i++) data[`ord${i}`] = ordinary(i);
  // An average context, one rare condition.
  data.remote = { ...ordinary(0), remote_location: true };
  // A hard context, no condition: many single parents, few educated parents, many on lists.
  data.hard = {
    ...ordinary(0),
    students_single_parent: 180,
    students_parents_higher_ed: 20,
    students_registered_kdn: 30,
    students_registered_school: 36,
    students_non_native: 80,
  };
  // 1 «2» of 5 (20 %) against 36 of 200 (18 %).
  data.tiny = {
    ...ordinary(0),
    vpr_math8_participants: 5,
    vpr_math8_fail: 1,
  };
  data.big = { ...ordinary(0), vpr_math8_participants: 200, vpr_math8_fail: 36 };
  // ВПР marks above the journal's for a third of the pupils, no «2»; the worst ОГЭ.
  data.inflated = {
    ...ordinary(0),
    vpr_math8_fail: 0,
    vpr_math8_higher: 34,
    vpr_math8_lower: 0,
    oge_math_fail: 12,
  };
  const registry = [...Object.keys(data), 'silent'].map((id) => school(id));
  const lists = [listed(PREV, 'silent', 'ШНОР'), listed(PREV, 'hard', 'ШНСУ')];
  const rows = [
    ...Object.entries(data).map(([id, v]) => row(id, P, v)),
    ...Object.entries(data).map(([id, v]) => row(id, PREV, v)),
    row('silent', PREV, ordinary(0)),
  ];
  const run = (settings = {}): MonitoringResult =>
    computeMonitoring({
      registry,
      lists,
      data: rows,
      settings: {
        // the official list of the previous period names the silent school
        status_source: 'both',
        low_results_share: 0.1,
        low_isb_share: 0.09,
        results_years: 1,
        ...settings,
      },
      period: P,
    });
  const r = run();
  const of = (id: string) => r.schools.find((s) => s.school_id === id)!;

  it('ranks the remote school with an average context above the hard context', () => {
    expect(of('hard').isb as number).toBeLessThan(of('remote').isb as number);
    expect(of('remote').computed_status).not.toContain('ШНСУ');
    expect(of('hard').computed_status).toContain('ШНСУ');
  });

  it('keeps a cohort of 5 out of the bottom; the cohort of 200 is there', () => {
    expect(of('tiny').results_index as number).toBeGreaterThan(of('big').results_index as number);
    // k = 0 is revision 1: the raw 20 % of five pupils ranks below the school of 200
    const raw = run({ shrinkage_k: 0 });
    const rawOf = (id: string) => raw.schools.find((s) => s.school_id === id)!;
    expect(rawOf('tiny').results_index as number).toBeLessThan(
      rawOf('big').results_index as number,
    );
  });

  it('flags the inflated ВПР and keeps the school on the list through its index without ВПР', () => {
    expect(of('inflated').objectivity_flags).toEqual(['vpr_inflation:vpr_math8']);
    // With ВПР the school is not the lowest; without ВПР it is.
    const lowest = [...r.schools]
      .filter((s) => s.results_index !== null)
      .sort((a, b) => (a.results_index as number) - (b.results_index as number))[0];
    expect(lowest.school_id).not.toBe('inflated');
    expect(of('inflated').computed_status).toContain('ШНОР');
  });

  it('says «нет данных» for the silent school and leaves it out of «вышли из списков»', () => {
    expect(of('silent').dynamics).toBe('no_data');
    const left = r.indicators.find((i) => i.code === 'share_left_lists')!;
    // The denominator is every school flagged before that has a response now.
    const counted = r.schools.filter((s) => s.dynamics === 'left' || s.dynamics === 'stayed');
    expect(left.denominator).toBe(counted.length);
    expect(r.schools.filter((s) => s.dynamics === 'left').map((s) => s.school_id)).not.toContain(
      'silent',
    );
    expect(left.note).toContain('без 1 шк., не представивших данные');
  });
});
