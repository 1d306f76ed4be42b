import { residuals, suggestLeaders } from '../../src/core/compute/leaders';
import {
  lowestCount,
  lowestShare,
  median,
  rankDescending,
  zScores,
} from '../../src/core/compute/stats';
import { computeMonitoring } from '../../src/core/monitoring';
import type {
  FieldValues,
  ListEntry,
  MonitoringResult,
  RegistrySchool,
  Settings,
} from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const P = '2022-2023';

function run(
  perSchool: Record<string, FieldValues>,
  options: { settings?: Settings; lists?: ListEntry[]; registry?: RegistrySchool[] } = {},
): MonitoringResult {
  const ids = Object.keys(perSchool);
  return computeMonitoring({
    registry: options.registry ?? ids.map((id) => school(id)),
    lists: options.lists ?? [],
    data: ids.map((id) => row(id, P, perSchool[id])),
    settings: options.settings ?? {},
  });
}

const bySchool = (r: MonitoringResult, id: string) => {
  const s = r.schools.find((x) => x.school_id === id);
  if (!s) throw new Error(id);
  return s;
};

const vpr = (fail: number, participants = 10, extra: FieldValues = {}) =>
  answers({ vpr_rus5_participants: participants, vpr_rus5_fail: fail, ...extra });

describe('statistics helpers', () => {
  it('standardises with the population standard deviation', () => {
    const z = zScores([1, 2, 3, null]);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(z[1]).toBe(0);
    expect(z[2]).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(z[3]).toBeNull();
    expect(zScores([4, 4, 4])).toEqual([0, 0, 0]);
  });

  it('takes ceil(q·N) of the lowest, at least one, exact where q·N is a whole number', () => {
    expect(0.07 * 100).toBeGreaterThan(7); // floating point says 7.000000000000001
    expect(lowestCount(0.07, 100)).toBe(7);
    expect(lowestCount(0.15, 20)).toBe(3);
    expect(lowestCount(0.15, 18)).toBe(3); // 2.7
    expect(lowestCount(0.15, 2)).toBe(1); // at least one
    expect(lowestCount(0, 10)).toBe(0);
    expect(lowestCount(0.15, 0)).toBe(0);
  });

  it('includes every school tied at the boundary', () => {
    expect(lowestShare([5, 1, 2, 2, 9, null], 0.4)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('finds the median and ranks with shared places', () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(rankDescending([0.5, 1, 0.5, null, -1])).toEqual([2, 1, 2, null, 4]);
  });

  it('fits the least-squares residual', () => {
    // y on x over (0,0), (1,2), (2,1): line y = 0.5 + 0.5x
    expect(residuals([0, 1, 2, null], [0, 2, 1, 5])).toEqual([-0.5, 1, -0.5, null]);
  });
});

describe('results index', () => {
  it('is the oriented z-score of the pooled share (fewer «2» is better)', () => {
    const r = run({ a: vpr(1), b: vpr(2), c: vpr(3) });
    expect(bySchool(r, 'a').results_index).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(bySchool(r, 'b').results_index).toBeCloseTo(0, 12);
    expect(bySchool(r, 'c').results_index).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(bySchool(r, 'a').municipal_rank).toBe(1);
  });

  it('counts high scorers as better', () => {
    const ege = (high: number) => answers({ ege_math_participants: 20, ege_math_high: high });
    const r = run({ a: ege(1), b: ege(2), c: ege(3) });
    expect(bySchool(r, 'c').results_index).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('averages the components a school has', () => {
    // vpr z: a +1, b −1; oge (only a and c): a −1, c +1; so a: (1 − 1)/2 = 0
    const r = run({
      a: vpr(1, 10, { oge_rus_participants: 10, oge_rus_fail: 5 }),
      b: vpr(3),
      c: answers({ oge_rus_participants: 10, oge_rus_fail: 1 }),
    });
    expect(bySchool(r, 'a').results_index).toBeCloseTo(0, 12);
    expect(bySchool(r, 'b').results_index).toBeCloseTo(-1, 12);
    expect(bySchool(r, 'c').results_index).toBeCloseTo(1, 12);
  });

  it('pools subjects and the last results_years periods', () => {
    const data = [
      row('a', '2021-2022', vpr(3)),
      row(
        'a',
        P,
        answers({
          vpr_rus5_participants: 10,
          vpr_rus5_fail: 1,
          vpr_math8_participants: 20,
          vpr_math8_fail: 0,
        }),
      ),
      row('b', P, vpr(2)),
    ];
    const registry = [school('a'), school('b')];
    const two = computeMonitoring({ registry, lists: [], data, settings: {} });
    expect(bySchool(two, 'a').shares.vpr_fail).toBeCloseTo(4 / 40, 12);
    const one = computeMonitoring({ registry, lists: [], data, settings: { results_years: 1 } });
    expect(bySchool(one, 'a').shares.vpr_fail).toBeCloseTo(1 / 30, 12);
  });

  it('treats components with fewer than min_participants as missing, and lists schools without an index', () => {
    const r = run({ a: vpr(1, 4), b: vpr(1), c: vpr(2), d: answers() });
    expect(bySchool(r, 'a').shares.vpr_fail).toBeNull();
    expect(bySchool(r, 'a').shares.vpr_rus5_fail).toBeNull();
    expect(bySchool(r, 'a').results_index).toBeNull();
    expect(bySchool(r, 'd').results_index).toBeNull();
    expect(r.warnings.join('\n')).toContain('для 2 шк.: Школа a, Школа d');
    const lower = run(
      { a: vpr(1, 4), b: vpr(1), c: vpr(2) },
      { settings: { min_participants: 3 } },
    );
    expect(bySchool(lower, 'a').shares.vpr_fail).toBeCloseTo(0.25, 12);
  });
});

describe('ИСБ', () => {
  it('is the weighted mean of oriented z-scores of shares and conditions', () => {
    const r = run(
      {
        a: answers({ students_single_parent: 10, remote_location: false }),
        b: answers({ students_single_parent: 20, remote_location: false }),
        c: answers({ students_single_parent: 30, remote_location: true }),
      },
      { settings: { isb_weight_remote_location: 3 } },
    );
    // single parent z: −1.2247, 0, +1.2247 (oriented: a +1.2247); remote z: −0.7071, −0.7071,
    // +1.4142 (oriented: a +0.7071, c −1.4142).
    const s = Math.sqrt(1.5);
    const h = Math.SQRT1_2;
    expect(bySchool(r, 'a').isb).toBeCloseTo((s + 3 * h) / 4, 12);
    expect(bySchool(r, 'b').isb).toBeCloseTo((0 + 3 * h) / 4, 12);
    expect(bySchool(r, 'c').isb).toBeCloseTo((-s - 3 * 2 * h) / 4, 12);
  });

  it('counts parents with higher education as better, and weight 0 drops a component', () => {
    const r = run(
      {
        a: answers({ students_parents_higher_ed: 10, students_truancy: 1 }),
        b: answers({ students_parents_higher_ed: 30, students_truancy: 9 }),
      },
      { settings: { isb_weight_students_truancy: 0 } },
    );
    expect(bySchool(r, 'b').isb).toBeCloseTo(1, 12);
    expect(bySchool(r, 'a').isb).toBeCloseTo(-1, 12);
  });
});

describe('computed statuses and the status of record', () => {
  const twenty = Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => [
      `s${String(i).padStart(2, '0')}`,
      vpr(i % 10, 10, { students_single_parent: i }),
    ]),
  );

  it('marks ceil(0.15 × N) lowest results as ШНОР, ties at the boundary included', () => {
    const distinct = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`s${i}`, vpr(0, 20 + i * 3, { vpr_rus5_fail: i })]),
    );
    const r = run(distinct, { settings: { status_source: 'computed' } });
    const shnor = r.schools
      .filter((s) => s.computed_status.includes('ШНОР'))
      .map((s) => s.school_id);
    expect(shnor).toHaveLength(3);
    // fail shares rise with i: the three highest shares are the lowest index
    expect(shnor.sort()).toEqual(['s17', 's18', 's19']);

    // vpr fail i % 10: shares 0.9 twice at the bottom, then 0.8 twice: 4 schools tie into 3 places
    const tied = run(twenty, { settings: { status_source: 'computed' } });
    expect(
      tied.schools.filter((s) => s.computed_status.includes('ШНОР')).map((s) => s.school_id),
    ).toEqual(['s08', 's09', 's18', 's19']);
  });

  it('marks suspended accreditation as ШНОР whatever the results', () => {
    const r = run({
      a: vpr(0, 10, { accreditation_suspended: true }),
      b: vpr(5),
      c: vpr(1),
      d: vpr(1),
    });
    expect(bySchool(r, 'a').computed_status).toBe('ШНОР');
    expect(bySchool(r, 'b').computed_status).toBe('ШНОР');
  });

  it('marks the lowest ИСБ as ШНСУ and both as ШНОР+ШНСУ', () => {
    const r = run({
      a: vpr(5, 10, { students_truancy: 30 }),
      b: vpr(1, 10, { students_truancy: 1 }),
      c: vpr(1, 10, { students_truancy: 2 }),
      d: vpr(2, 10, { students_truancy: 20 }),
    });
    expect(bySchool(r, 'a').computed_status).toBe('ШНОР+ШНСУ');
    expect(bySchool(r, 'd').computed_status).toBe('');
  });

  it('follows status_source', () => {
    const data = { a: vpr(9), b: vpr(1), c: vpr(2), d: vpr(3) };
    const lists = [listed(P, 'b', 'ШНСУ')];
    const official = run(data, { lists });
    expect(official.schools.map((s) => s.status)).toEqual(['', 'ШНСУ', '', '']);
    expect(bySchool(official, 'a')).toMatchObject({
      computed_status: 'ШНОР',
      status_mismatch: true,
      flagged: false,
    });
    expect(bySchool(official, 'b').status_mismatch).toBe(true);
    expect(bySchool(official, 'c').status_mismatch).toBe(false);

    const computed = run(data, { lists, settings: { status_source: 'computed' } });
    expect(computed.schools.map((s) => s.status)).toEqual(['ШНОР', '', '', '']);

    const both = run(data, { lists, settings: { status_source: 'both' } });
    expect(both.schools.map((s) => s.status)).toEqual(['ШНОР', 'ШНСУ', '', '']);
  });

  it('uses the computed status with a warning when the period has no official list', () => {
    const r = run(
      { a: vpr(9), b: vpr(1), c: vpr(2) },
      { lists: [listed('2021-2022', 'b', 'ШНОР')] },
    );
    expect(r.schools.map((s) => s.status)).toEqual(['ШНОР', '', '']);
    expect(r.warnings).toContain(
      `Официального перечня ШНОР/ШНСУ за ${P} нет: использован расчётный статус`,
    );
    expect(r.schools.every((s) => !s.status_mismatch)).toBe(true);
  });
});

describe('risk zone, resilience, objectivity and risk profile', () => {
  it('puts a school with two of the three risks in the risk zone', () => {
    const r = run({
      a: answers({ no_stable_internet: true, staff_shortage: true }),
      b: answers({
        insufficient_computers: true,
        no_stable_internet: false,
        staff_shortage: false,
      }),
      c: answers({ insufficient_computers: true, no_stable_internet: true, staff_shortage: true }),
    });
    expect(r.schools.map((s) => s.risk_zone)).toEqual([true, false, true]);
  });

  it('finds resilient schools: low ИСБ, results at or above the median', () => {
    const r = run({
      a: vpr(1, 10, { students_truancy: 40 }), // worst context, best results
      b: vpr(2, 10, { students_truancy: 10 }),
      c: vpr(3, 10, { students_truancy: 5 }),
      d: vpr(4, 10, { students_truancy: 1 }),
    });
    expect(r.schools.map((s) => s.resilient)).toEqual([true, false, false, false]);
  });

  it('flags a ВПР whose lowered grades exceed the threshold', () => {
    const r = run({
      a: answers({
        vpr_rus5_participants: 10,
        vpr_rus5_lower: 4,
        vpr_math8_participants: 10,
        vpr_math8_lower: 3,
      }),
      b: answers({ vpr_math5_participants: 4, vpr_math5_lower: 4 }), // too few participants
    });
    expect(bySchool(r, 'a').objectivity_flags).toEqual(['vpr_rus5']); // 3/10 is not above 0.30
    expect(bySchool(r, 'b').objectivity_flags).toEqual([]);
  });

  it('lists each risk of the profile when the value is worse than the threshold', () => {
    const base = {
      students_total: 100,
      teachers_total: 10,
      teachers_diagnosed: 8,
      teachers_with_iom: 5,
      students_not_attested: 2,
      students_special_needs: 2,
      students_non_native: 5,
      students_registered_kdn: 1,
      students_registered_school: 1,
      parents_involved: true,
      internal_monitorings: 4,
    };
    const r = run({
      ok1: base,
      ok2: base,
      ok3: base,
      equipment: { ...base, infrastructure_deficit: true },
      staff: { ...base, staff_shortage: true },
      teachers: { ...base, teachers_with_iom: 1 },
      failure: { ...base, students_not_attested: 10 },
      special: { ...base, students_special_needs: 10 },
      language: { ...base, students_non_native: 11 },
      behaviour: { ...base, students_registered_kdn: 10 },
      parents: { ...base, parents_involved: false },
      vsoko: { ...base, internal_monitorings: 2 },
    });
    expect(bySchool(r, 'ok1').risk_profile).toEqual([]);
    expect(bySchool(r, 'equipment').risk_profile).toEqual(['equipment']);
    expect(bySchool(r, 'staff').risk_profile).toEqual(['staff']);
    expect(bySchool(r, 'teachers').risk_profile).toEqual(['teacher_competence']);
    expect(bySchool(r, 'failure').risk_profile).toEqual(['learning_failure']);
    expect(bySchool(r, 'special').risk_profile).toEqual(['special_needs']);
    expect(bySchool(r, 'language').risk_profile).toEqual(['language']);
    expect(bySchool(r, 'behaviour').risk_profile).toEqual(['behaviour']);
    expect(bySchool(r, 'parents').risk_profile).toEqual(['parents']);
    expect(bySchool(r, 'vsoko').risk_profile).toEqual(['internal_assessment']);
  });
});

describe('leaders and peers', () => {
  it('suggests up to three best residuals above the median, same locality first, never a flagged school', () => {
    const schools = [
      { id: 'F', locality: 'rural' as const, flagged: true, hasLeader: false },
      { id: 'G', locality: 'urban' as const, flagged: true, hasLeader: true },
      { id: 'u1', locality: 'urban' as const, flagged: false, hasLeader: false },
      { id: 'u2', locality: 'urban' as const, flagged: false, hasLeader: false },
      { id: 'r1', locality: 'rural' as const, flagged: false, hasLeader: false },
      { id: 'u3', locality: 'urban' as const, flagged: false, hasLeader: false },
      { id: 'low', locality: 'rural' as const, flagged: false, hasLeader: false },
      { id: 'F2', locality: 'rural' as const, flagged: true, hasLeader: false },
    ];
    const ri = [-1, -1, 1, 1, 1, 1, -2, 2];
    const residual = [0, 0, 0.5, 0.9, 0.1, 0.3, 2, 5];
    const out = suggestLeaders(schools, ri, residual, 0);
    expect(out[0]).toEqual(['r1', 'u2', 'u1']); // rural first, then by residual
    expect(out[1]).toEqual([]); // has a leader
    expect(out[2]).toEqual([]); // not flagged
  });

  it('finds schools like yours by context, and ranks the school among them', () => {
    const ctx = (kdn: number, fail: number) => vpr(fail, 10, { students_registered_kdn: kdn });
    const r = run(
      { a: ctx(1, 1), b: ctx(2, 3), c: ctx(3, 2), x: ctx(50, 9), y: ctx(52, 8) },
      { settings: { peer_count: 2 } },
    );
    expect(bySchool(r, 'b').peers).toEqual(['a', 'c']);
    expect(bySchool(r, 'x').peers).toEqual(['y', 'c']);
    // b's results (3 of 10 «2») are worse than a's and c's: last among its peers
    expect(bySchool(r, 'b').peer_rank).toBe(3);
    expect(bySchool(r, 'a').peer_rank).toBe(1);
    expect(bySchool(r, 'x').municipal_rank).toBe(5);
  });
});

describe('dynamics and effective mode', () => {
  const periods = ['2020-2021', '2021-2022', P];
  const registry = ['a', 'b', 'c', 'd'].map((id) => school(id));
  // a: on the list, then off twice with better results -> effective mode
  // b: always on; c: enters now; d: never
  const lists = [
    listed(periods[0], 'a', 'ШНОР'),
    listed(periods[0], 'b', 'ШНОР'),
    listed(periods[1], 'b', 'ШНОР'),
    listed(P, 'b', 'ШНОР'),
    listed(periods[1], 'a', 'ШНСУ'),
    listed(P, 'c', 'ШНСУ'),
  ];
  const fails: Record<string, number[]> = {
    a: [6, 4, 1],
    b: [3, 3, 3],
    c: [2, 2, 4],
    d: [1, 1, 2],
  };
  const data = periods.flatMap((p, k) =>
    registry.map((s) => row(s.school_id, p, vpr(fails[s.school_id][k]))),
  );

  it('compares the status of record with the previous period', () => {
    const r = computeMonitoring({ registry, lists, data, settings: {} });
    expect(r.previousPeriod).toBe('2021-2022');
    expect(r.schools.map((s) => s.dynamics)).toEqual(['left', 'stayed', 'entered', 'outside']);
    expect(r.schools.map((s) => s.effective_mode)).toEqual([false, false, false, false]);
    expect(bySchool(r, 'a').results_index_prev).not.toBeNull();
  });

  it('finds the transition to effective mode', () => {
    const off = lists.filter((e) => !(e.school_id === 'a' && e.period === periods[1]));
    const r = computeMonitoring({ registry, lists: off, data, settings: {} });
    expect(r.schools.map((s) => s.effective_mode)).toEqual([true, false, false, false]);
    // the same path with results worse than two periods ago is not effective
    const worse = data.map((d) =>
      d.school_id === 'a' && d.period === P ? row('a', P, vpr(9)) : d,
    );
    const r2 = computeMonitoring({ registry, lists: off, data: worse, settings: {} });
    expect(bySchool(r2, 'a').effective_mode).toBe(false);
  });

  it('has no dynamics without a previous period', () => {
    const r = computeMonitoring({
      registry,
      lists,
      data: data.filter((d) => d.period === P),
      settings: { period: P },
    });
    expect(r.previousPeriod).toBe('2021-2022'); // known from the lists
    expect(r.schools.map((s) => s.dynamics)).toEqual(['left', 'stayed', 'entered', 'outside']);
    const alone = computeMonitoring({
      registry,
      lists: [],
      data: data.filter((d) => d.period === P),
      settings: {},
    });
    expect(alone.previousPeriod).toBeNull();
    expect(alone.schools.map((s) => s.dynamics)).toEqual(['', '', '', '']);
  });
});

describe('choosing the period and the accepted response', () => {
  it('takes the latest period of the data unless settings or the caller name one', () => {
    const registry = [school('a')];
    const data = [row('a', '2020-2021', answers()), row('a', '2021-2022', answers())];
    expect(computeMonitoring({ registry, lists: [], data, settings: {} }).period).toBe('2021-2022');
    expect(
      computeMonitoring({ registry, lists: [], data, settings: { period: '2020-2021' } }).period,
    ).toBe('2020-2021');
    const named = computeMonitoring({
      registry,
      lists: [],
      data,
      settings: { period: '2020-2021' },
      period: '2021-2022',
    });
    expect(named).toMatchObject({ period: '2021-2022', previousPeriod: '2020-2021' });
  });

  it('keeps the latest response of a school in a period and ignores unknown and inactive schools', () => {
    const registry = [school('a'), school('z', { active: false })];
    const r = computeMonitoring({
      registry,
      lists: [],
      data: [
        row('a', P, answers({ students_total: 300 }), '2022-05-02T00:00:00Z'),
        row('a', P, answers({ students_total: 100 }), '2022-05-01T00:00:00Z'),
        row('q', P, answers()),
        row('z', P, answers()),
      ],
      settings: {},
    });
    expect(r.schoolsTotal).toBe(1);
    expect(bySchool(r, 'a').shares.students_single_parent).toBeNull();
    expect(r.responded).toBe(1);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'Ответы школ, которых нет в реестре (1): q; не учтены',
        'Ответы школ, не участвующих в мониторинге по реестру (1), не учтены',
      ]),
    );
  });
});
