/**
 * Invariants of the computation on random municipalities (fast-check).
 */
import fc from 'fast-check';
import { fieldByCode } from '../../src/core/catalogue/fields';
import { defaultSettings } from '../../src/core/catalogue/settings';
import {
  ISB_COMPONENTS,
  isbCapSetting,
  isbWeightSetting,
  RESULT_COMPONENTS,
} from '../../src/core/catalogue/components';
import { isbDisadvantages, isbFromDisadvantages } from '../../src/core/compute/indices';
import { objectivityFlags } from '../../src/core/compute/objectivity';
import { nearestNeighbours, nearestNeighboursBrute } from '../../src/core/compute/peers';
import {
  num,
  pooledComponent,
  pooledShare,
  share,
  SHARE_FIELDS,
} from '../../src/core/compute/shares';
import { settingNumber } from '../../src/core/settings';
import { computeMonitoring } from '../../src/core/monitoring';
import type {
  DataRow,
  FieldValues,
  ListEntry,
  MonitoringResult,
  RegistrySchool,
} from '../../src/core/types';
import { listed, row, school } from './fixtures';

const P = '2022-2023';
const PREV = '2021-2022';

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const maybeBool = fc.constantFrom<boolean | null>(true, false, null);

/** A valid response: every count within its base. */
const responseArb: fc.Arbitrary<FieldValues> = fc
  .record({
    students: fc.integer({ min: 0, max: 400 }),
    studentFracs: fc.array(frac, { minLength: 9, maxLength: 9 }),
    conditions: fc.array(maybeBool, { minLength: 7, maxLength: 7 }),
    teachers: fc.integer({ min: 0, max: 60 }),
    teacherFracs: fc.array(frac, { minLength: 7, maxLength: 7 }),
    vpr: fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), frac, frac, frac), {
      minLength: 4,
      maxLength: 4,
    }),
    oge: fc.tuple(fc.integer({ min: 0, max: 30 }), frac),
    ege: fc.tuple(fc.integer({ min: 0, max: 30 }), frac, frac),
    measures: fc.array(maybeBool, { minLength: 4, maxLength: 4 }),
    monitorings: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  })
  .map((g) => {
    const part = (f: number, of: number) => Math.floor(f * of);
    const v: FieldValues = { students_total: g.students, teachers_total: g.teachers };
    [
      'students_single_parent',
      'students_parents_higher_ed',
      'students_registered_kdn',
      'students_registered_school',
      'students_non_native',
      'students_not_attested',
      'students_truancy',
      'students_special_needs',
      'students_in_projects',
    ].forEach((code, i) => (v[code] = part(g.studentFracs[i], g.students)));
    [
      'remote_location',
      'small_school',
      'infrastructure_deficit',
      'no_stable_internet',
      'insufficient_computers',
      'staff_shortage',
      'accreditation_suspended',
    ].forEach((code, i) => (v[code] = g.conditions[i]));
    [
      'teachers_diagnosed',
      'teachers_supported',
      'teachers_in_networks',
      'teachers_in_asset',
      'teachers_with_iom',
      'teachers_trained_by_request',
      'teachers_trained_at_risk',
    ].forEach((code, i) => (v[code] = part(g.teacherFracs[i], g.teachers)));
    ['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8'].forEach((t, i) => {
      const [p, fail, lower, higher] = g.vpr[i];
      v[`${t}_participants`] = p;
      v[`${t}_fail`] = part(fail, p);
      v[`${t}_lower`] = part(lower, p);
      v[`${t}_higher`] = part(higher * (1 - lower), p);
    });
    v.oge_math_participants = g.oge[0];
    v.oge_math_fail = part(g.oge[1], g.oge[0]);
    v.ege_rus_participants = g.ege[0];
    v.ege_rus_high = part(g.ege[1], g.ege[0]);
    v.ege_rus_below_min = part(g.ege[2] * (1 - g.ege[1]), g.ege[0]);
    ['has_tutoring', 'parents_involved', 'has_iup', 'network_practices'].forEach(
      (c, i) => (v[c] = g.measures[i]),
    );
    v.internal_monitorings = g.monitorings;
    return v;
  });

interface Municipality {
  registry: RegistrySchool[];
  data: DataRow[];
  lists: ListEntry[];
}

const municipalityArb: fc.Arbitrary<Municipality> = fc
  .array(
    fc.record({
      now: fc.option(responseArb, { nil: null, freq: 6 }),
      before: fc.option(responseArb, { nil: null, freq: 3 }),
      listedNow: fc.constantFrom<ListEntry['status'] | null>(
        'ШНОР',
        'ШНСУ',
        'ШНОР+ШНСУ',
        null,
        null,
        null,
      ),
      listedBefore: fc.constantFrom<ListEntry['status'] | null>('ШНОР', 'ШНСУ', null, null),
      rural: fc.boolean(),
    }),
    { minLength: 2, maxLength: 24 },
  )
  .map((schools) => {
    const registry: RegistrySchool[] = [];
    const data: DataRow[] = [];
    const lists: ListEntry[] = [];
    schools.forEach((s, i) => {
      const id = `s${String(i).padStart(2, '0')}`;
      registry.push(
        school(id, {
          locality: s.rural ? 'rural' : 'urban',
          leader_school_id: i % 5 === 0 && i > 0 ? 's00' : '',
        }),
      );
      if (s.now) data.push(row(id, P, s.now));
      if (s.before) data.push(row(id, PREV, s.before));
      if (s.listedNow) lists.push(listed(P, id, s.listedNow));
      if (s.listedBefore) lists.push(listed(PREV, id, s.listedBefore));
    });
    return { registry, data, lists };
  });

function compute(m: Municipality, settings = {}): MonitoringResult {
  return computeMonitoring({
    registry: m.registry,
    lists: m.lists,
    data: m.data,
    settings,
    period: P,
  });
}

/** The result with its lists in a canonical order, to compare runs. */
function normalised(r: MonitoringResult) {
  return {
    ...r,
    notResponded: [...r.notResponded].sort(),
    schools: [...r.schools].sort((a, b) => (a.school_id < b.school_id ? -1 : 1)),
    recommendations: r.recommendations.map((x) => ({ ...x, school_ids: [...x.school_ids].sort() })),
  };
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('invariants', () => {
  it('every share is within [0, 1] and every percent is a finite number or nothing', () => {
    fc.assert(
      fc.property(municipalityArb, (m) => {
        const r = compute(m);
        for (const s of r.schools) {
          for (const v of Object.values(s.shares)) {
            if (v !== null && !(v >= 0 && v <= 1)) return false;
          }
        }
        for (const i of r.indicators) {
          if (i.percent === null) continue;
          const lo = i.code.startsWith('gap_') ? -100 : 0;
          if (!(Number.isFinite(i.percent) && i.percent >= lo && i.percent <= 100)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('worsening any ИСБ component of a school never raises its ИСБ', () => {
    const worsened = fc.tuple(
      municipalityArb,
      fc.nat(),
      fc.integer({ min: 0, max: ISB_COMPONENTS.length - 1 }),
      frac,
    );
    fc.assert(
      fc.property(worsened, ([m, pick, c, amount]) => {
        const current = m.data.filter((d) => d.period === P);
        if (current.length === 0) return true;
        const target = current[pick % current.length];
        const component = ISB_COMPONENTS[c];
        const v = { ...target.values };
        const total = v.students_total as number;
        // The worse answer: a condition holds; a share grows (shrinks for parents' education).
        const field = component.fields[pick % component.fields.length];
        if (component.kind === 'bool' || component.kind === 'any_bool') {
          v[field] = true;
        } else {
          const now = (v[field] as number | null) ?? 0;
          v[field] = component.inverse
            ? Math.floor(now * (1 - amount))
            : now + Math.floor((total - now) * amount);
        }
        const before =
          compute(m).schools.find((s) => s.school_id === target.school_id)?.isb ?? null;
        const data = m.data.map((d) => (d === target ? { ...d, values: v } : d));
        const after =
          compute({ ...m, data }).schools.find((s) => s.school_id === target.school_id)?.isb ??
          null;
        if (before === null) return after === null;
        return after !== null && after <= before + 1e-9;
      }),
      { numRuns: 150 },
    );
  });

  it('marks ceil(q·N) schools as computed ШНОР by results, more only on a tie at the boundary', () => {
    fc.assert(
      fc.property(municipalityArb, fc.constantFrom(0.1, 0.15, 0.2, 0.3, 0.5), (m, q) => {
        // Suspended accreditation makes a school ШНОР whatever its index: keep it out here.
        const data = m.data.map((d) => ({
          ...d,
          values: { ...d.values, accreditation_suspended: false },
        }));
        // ВПР inflation adds schools through the index without ВПР (rev 2): kept apart here.
        const r = compute(
          { ...m, data },
          { low_results_share: q, objectivity_higher_threshold: 1 },
        );
        const withIndex = r.schools.filter((s) => s.results_index !== null);
        const chosen = withIndex.filter((s) => s.computed_status.includes('ШНОР'));
        const rest = withIndex.filter((s) => !s.computed_status.includes('ШНОР'));
        const n = withIndex.length;
        // ceil(q·N) computed independently: decimal rounding first, at least one school
        const k = n === 0 ? 0 : Math.min(n, Math.max(1, Math.ceil(Number((q * n).toFixed(6)))));
        if (r.schools.some((s) => s.results_index === null && s.computed_status.includes('ШНОР')))
          return false;
        if (chosen.length < k) return false;
        const worstChosen = Math.max(...chosen.map((s) => s.results_index as number));
        // nobody left out is lower than a chosen school
        if (rest.some((s) => (s.results_index as number) < worstChosen)) return false;
        if (chosen.length === k) return true;
        // more than k only when the boundary value is shared: all of it chosen, and by two or more
        const atBoundary = withIndex.filter((s) => s.results_index === worstChosen);
        return atBoundary.length >= 2 && atBoundary.every((s) => chosen.includes(s));
      }),
      { numRuns: 100 },
    );
  });

  it('shuffling the schools changes nothing', () => {
    fc.assert(
      fc.property(municipalityArb, fc.nat(), (m, seed) => {
        const a = compute(m);
        const b = compute({
          registry: shuffle(m.registry, seed),
          data: shuffle(m.data, seed + 1),
          lists: shuffle(m.lists, seed + 2),
        });
        expect(normalised(b)).toEqual(normalised(a));
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('recomputing twice gives identical output', () => {
    fc.assert(
      fc.property(municipalityArb, (m) => {
        expect(JSON.stringify(compute(m))).toBe(JSON.stringify(compute(m)));
        return true;
      }),
      { numRuns: 20 },
    );
  });
});

describe('the column layout gives what the per-school definitions give', () => {
  // The core reads each period's answers as typed columns (compute/columns.ts); the values a
  // user sees must be those of the per-school definitions, read from each response's object.
  const settings = defaultSettings();
  const minP = settingNumber(settings, 'min_participants');
  const valuesAt = (m: Municipality, id: string, period: string) =>
    m.data.find((d) => d.school_id === id && d.period === period)?.values ?? null;

  it('shares, pooled results, ИСБ and objectivity flags of every school', () => {
    fc.assert(
      fc.property(municipalityArb, (m) => {
        const result = compute(m);
        const ids = result.schools.map((s) => s.school_id);
        const now = ids.map((id) => valuesAt(m, id, P));
        const before = ids.map((id) => valuesAt(m, id, PREV));
        const caps = ISB_COMPONENTS.map((c) =>
          c.cap === undefined ? 1 : settingNumber(settings, isbCapSetting(c.code)),
        );
        const weights = ISB_COMPONENTS.map((c) =>
          settingNumber(settings, isbWeightSetting(c.code)),
        );
        const isb = isbFromDisadvantages(isbDisadvantages(now, caps), weights, ids.length);
        result.schools.forEach((s, i) => {
          const v = now[i];
          for (const def of SHARE_FIELDS) {
            const base = num(v, def.base as string);
            const fewParticipants =
              fieldByCode(def.base as string)?.measure === 'participants' &&
              base !== null &&
              base < minP;
            expect(s.shares[def.code]).toBe(fewParticipants ? null : share(num(v, def.code), base));
          }
          for (const c of RESULT_COMPONENTS) {
            const pooled = v ? pooledComponent([before[i], v], c) : null;
            expect(s.shares[c.code]).toBe(pooled ? pooledShare(pooled, minP) : null);
          }
          expect(s.isb).toBe(isb[i]);
          expect(s.objectivity_flags).toEqual(
            objectivityFlags(
              v,
              settingNumber(settings, 'objectivity_higher_threshold'),
              settingNumber(settings, 'objectivity_threshold'),
              minP,
            ),
          );
        });
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('reads every catalogue field a response holds, and nothing it lacks', () => {
    // Columns are built for the catalogue's fields; a response missing a key reads as unanswered.
    fc.assert(
      fc.property(municipalityArb, (m) => {
        const full = compute(m);
        // The same answers with every unanswered key removed: nothing may change.
        const sparse = {
          ...m,
          data: m.data.map((d) => ({
            ...d,
            values: Object.fromEntries(Object.entries(d.values).filter(([, x]) => x !== null)),
          })),
        };
        expect(compute(sparse)).toEqual(full);
        return true;
      }),
      { numRuns: 20 },
    );
  });
});

describe('peers', () => {
  it('the k-d tree finds exactly the brute-force neighbours, ties by lower index', () => {
    const pointsArb = fc
      .record({
        dim: fc.integer({ min: 1, max: 12 }),
        n: fc.integer({ min: 1, max: 120 }),
        k: fc.integer({ min: 1, max: 8 }),
      })
      .chain(({ dim, n, k }) =>
        fc.record({
          dim: fc.constant(dim),
          n: fc.constant(n),
          k: fc.constant(k),
          // few distinct values: many equal distances and equal coordinates
          coords: fc.array(
            fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -3, max: 3, noNaN: true })),
            {
              minLength: n * dim,
              maxLength: n * dim,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(pointsArb, ({ dim, n, k, coords }) => {
        const c = Float64Array.from(coords);
        expect(nearestNeighbours(c, n, dim, k)).toEqual(nearestNeighboursBrute(c, n, dim, k));
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact for a few thousand schools with yes/no components', () => {
    const n = 3000;
    const dim = 12;
    const c = new Float64Array(n * dim);
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < n * dim; i++) c[i] = i % dim >= 8 ? (rnd() < 0.3 ? 1 : 0) : rnd();
    const fast = nearestNeighbours(c, n, dim, 5);
    const slow = nearestNeighboursBrute(c, n, dim, 5);
    expect(fast).toEqual(slow);
  });
});
