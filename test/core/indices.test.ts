import { residuals, suggestLeaders } from '../../src/core/compute/leaders';
import fc from 'fast-check';
import {
  kthSmallest,
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

  it('selects the value of each rank as a full sort does, ties and repeats included', () => {
    // Few distinct values (many ties), as shares of small schools give; ±0 compare equal.
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }).map((x) => x / 4),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (xs, r) => {
        const k = r % xs.length;
        const sorted = Float64Array.from(xs).sort();
        const got = kthSmallest(Float64Array.from(xs), k);
        expect(got === sorted[k]).toBe(true);
      }),
      { numRuns: 500, seed: 14 },
    );
    // lowestShare against its definition: the values up to the ceil(q·n)-th smallest.
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (xs, q) => {
          const present = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
          const k = lowestCount(q, present.length);
          const expected = xs.map((x) => k > 0 && x !== null && x <= present[k - 1]);
          expect(lowestShare(xs, q)).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
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

describe('ИСБ (rev 2: absolute 0–100 scale)', () => {
  // d: single parent 25/100 of cap 0.5 -> 0.5; both parents higher ed 10/100 -> 1 − 0.2 = 0.8;
  // registered max(4, 7)/100 of cap 0.1 -> 0.7; non-native 0 -> 0; special needs 5/100 of
  // cap 0.2 -> 0.25; remote 1; small 0; staff 0; infrastructure (internet) 1. Σd = 4.25 of 9.
  const a = answers({
    students_single_parent: 25,
    students_parents_higher_ed: 10,
    students_registered_kdn: 4,
    students_registered_school: 7,
    students_non_native: 0,
    students_special_needs: 5,
    remote_location: true,
    small_school: false,
    staff_shortage: false,
    infrastructure_deficit: false,
    no_stable_internet: true,
  });

  it('is 100 × (1 − Σ wᵢ·dᵢ / Σ wᵢ) with capped shares and merged components', () => {
    const r = run({ a, b: answers() });
    expect(bySchool(r, 'a').isb).toBeCloseTo(100 * (1 - 4.25 / 9), 6);
    // weights: remote counts three times -> (4.25 + 2) / 11
    const w = run({ a }, { settings: { isb_weight_remote_location: 3 } });
    expect(bySchool(w, 'a').isb).toBeCloseTo(100 * (1 - 6.25 / 11), 6);
    // caps: a share above its cap counts as 1, never more
    const capped = run({ a: { ...a, students_single_parent: 60 } });
    expect(bySchool(capped, 'a').isb).toBeCloseTo(100 * (1 - 4.75 / 9), 6);
    const wider = run({ a }, { settings: { isb_cap_single_parent: 1 } });
    expect(bySchool(wider, 'a').isb).toBeCloseTo(100 * (1 - 4 / 9), 6);
  });

  it('leaves outcomes out and averages only the answered components', () => {
    // Only one component answered: single parent 10/100 of cap 0.5 -> d = 0.2 -> ИСБ 80.
    const one = answers({ students_single_parent: 10 });
    const r = run({ x: one, y: { ...one, students_truancy: 60, students_not_attested: 50 } });
    expect(bySchool(r, 'x').isb).toBeCloseTo(80, 10);
    expect(bySchool(r, 'y').isb).toBeCloseTo(80, 10);
    expect(bySchool(run({ z: answers() }), 'z').isb).toBeNull();
  });

  it('counts the same pupil once when on both registration lists', () => {
    const both = answers({ students_registered_kdn: 5, students_registered_school: 5 });
    expect(bySchool(run({ a: both }), 'a').isb).toBeCloseTo(50, 10); // d = 0.05 / 0.1
  });

  it('does not depend on the other schools: a rare condition weighs what a common one does', () => {
    const alone = run({ a });
    const withRemote = run({
      a,
      r1: answers({ remote_location: true }),
      r2: answers({ remote_location: false }),
    });
    expect(bySchool(withRemote, 'a').isb).toBe(bySchool(alone, 'a').isb);
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
      a: vpr(5, 10, { students_single_parent: 50 }),
      b: vpr(1, 10, { students_single_parent: 1 }),
      c: vpr(1, 10, { students_single_parent: 2 }),
      d: vpr(2, 10, { students_single_parent: 20 }),
    });
    expect(bySchool(r, 'a').computed_status).toBe('ШНОР+ШНСУ');
    expect(bySchool(r, 'd').computed_status).toBe('');
  });

  it('marks ШНСУ below an absolute ИСБ threshold with isb_rule = threshold', () => {
    // ИСБ = 100 × (1 − share / 0.5): 20 % -> 60, 21 % -> 58, 10 % -> 80
    const data = {
      a: answers({ students_single_parent: 20 }),
      b: answers({ students_single_parent: 21 }),
      c: answers({ students_single_parent: 10 }),
    };
    const r = run(data, { settings: { isb_rule: 'threshold', status_source: 'computed' } });
    expect(r.schools.map((s) => s.isb)).toEqual([60, 58, 80]);
    expect(r.schools.map((s) => s.computed_status)).toEqual(['', 'ШНСУ', '']);
    const q = run(data, { settings: { status_source: 'computed' } }); // quantile: one school
    expect(q.schools.map((s) => s.computed_status)).toEqual(['', 'ШНСУ', '']);
    const none = run(data, { settings: { isb_rule: 'threshold', isb_threshold: 50 } });
    expect(none.schools.every((s) => s.computed_status === '')).toBe(true);
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
      a: vpr(1, 10, { students_single_parent: 40 }), // worst context, best results
      b: vpr(2, 10, { students_single_parent: 10 }),
      c: vpr(3, 10, { students_single_parent: 5 }),
      d: vpr(4, 10, { students_single_parent: 1 }),
    });
    expect(r.schools.map((s) => s.resilient)).toEqual([true, false, false, false]);
  });

  it('checks objectivity both ways: ВПР above the journal, and the journal above ВПР', () => {
    const r = run({
      a: answers({
        vpr_rus5_participants: 10,
        vpr_rus5_lower: 4, // 0.40 > 0.30: current marks inflated
        vpr_math8_participants: 20,
        vpr_math8_higher: 4, // 0.20 > 0.15: ВПР may not be objective
        vpr_math5_participants: 20,
        vpr_math5_higher: 3, // 0.15 is not above 0.15
        vpr_math5_lower: 6, // 0.30 is not above 0.30
      }),
      b: answers({ vpr_math5_participants: 4, vpr_math5_lower: 4, vpr_math5_higher: 0 }), // too few
    });
    expect(bySchool(r, 'a').objectivity_flags).toEqual([
      'journal_inflation:vpr_rus5',
      'vpr_inflation:vpr_math8',
    ]);
    expect(bySchool(r, 'b').objectivity_flags).toEqual([]);
  });

  it('gives each «500+» factor its level from the spec table (hand-checked cases)', () => {
    const base = {
      students_total: 100,
      teachers_total: 10,
      teachers_diagnosed: 8,
      teachers_with_iom: 5,
      students_non_native: 5,
      students_low_motivation: 5,
      students_registered_kdn: 1,
      students_registered_school: 1,
      students_truancy: 1,
      students_not_attested: 1,
      infrastructure_deficit: false,
      no_stable_internet: false,
      insufficient_computers: false,
      staff_shortage: false,
      staff_support_measures: 0,
      has_differentiated_instruction: true,
      has_iup: true,
      has_inschool_pd: true,
      internal_monitorings: 4,
      parents_involved: true,
    };
    const schools: Record<string, FieldValues> = {
      ok1: base,
      ok2: base,
      ok3: base,
      ok4: base,
      ok5: base,
      equipHigh: { ...base, infrastructure_deficit: true },
      equipMed: { ...base, no_stable_internet: true },
      staffHigh: { ...base, staff_shortage: true },
      staffMed: { ...base, staff_shortage: true, staff_support_measures: 2 },
      compHigh: { ...base, teachers_diagnosed: 4 },
      compMed: { ...base, teachers_with_iom: 2 },
      adaptHigh: { ...base, has_differentiated_instruction: false, has_iup: false },
      adaptMed: { ...base, has_iup: false },
      pdHigh: { ...base, has_inschool_pd: false, internal_monitorings: 2 },
      pdMed: { ...base, internal_monitorings: 2 },
      langHigh: { ...base, students_non_native: 31 },
      langMed: { ...base, students_non_native: 11 },
      envHigh: { ...base, students_truancy: 30 },
      failHigh: { ...base, students_not_attested: 30 },
      parents: { ...base, parents_involved: false },
      motHigh: { ...base, students_low_motivation: 31 },
      motMed: { ...base, students_low_motivation: 16 },
      blank: { students_total: 100, teachers_total: 10 },
    };
    const r = run(schools);
    const level = (id: string, factor: string) => bySchool(r, id).risk_levels[factor];
    expect(bySchool(r, 'ok1').risk_profile).toEqual([]);
    expect(level('ok1', 'equipment')).toBe('low');
    expect(level('equipHigh', 'equipment')).toBe('high');
    expect(level('equipMed', 'equipment')).toBe('medium');
    expect(level('staffHigh', 'staff')).toBe('high');
    expect(level('staffMed', 'staff')).toBe('medium');
    expect(level('compHigh', 'teacher_competence')).toBe('high');
    expect(level('compMed', 'teacher_competence')).toBe('medium');
    expect(level('adaptHigh', 'adaptivity')).toBe('high');
    expect(level('adaptMed', 'adaptivity')).toBe('medium');
    expect(level('pdHigh', 'inschool_pd')).toBe('high');
    expect(level('pdMed', 'inschool_pd')).toBe('medium');
    expect(level('langHigh', 'language')).toBe('high');
    expect(level('langMed', 'language')).toBe('medium');
    expect(level('parents', 'parents')).toBe('high');
    expect(level('motHigh', 'motivation')).toBe('high');
    expect(level('motMed', 'motivation')).toBe('medium');
    // Registered + truancy: 1 + 30 of 100 is the worst of 23 schools (the quartile is 6);
    // shrunk (31 + 10·p) / 110 with p = 82/2300 stays far above p.
    expect(level('envHigh', 'environment')).toBe('high');
    expect(level('failHigh', 'learning_failure')).toBe('high');
    expect(bySchool(r, 'envHigh').risk_profile).toEqual(['environment']);
    // Unanswered inputs give no level.
    expect(Object.values(bySchool(r, 'blank').risk_levels).every((l) => l === null)).toBe(true);
    expect(bySchool(r, 'blank').risk_profile).toEqual([]);
  });

  it('lists the profile: high factors first, then medium', () => {
    const r = run({
      a: answers({
        no_stable_internet: true,
        infrastructure_deficit: false,
        parents_involved: false,
      }),
    });
    expect(bySchool(r, 'a').risk_profile).toEqual(['parents', 'equipment']);
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
