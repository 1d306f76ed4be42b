/**
 * A synthetic municipality: the sample shipped in sample/ and the benchmark's inputs.
 * Deterministic (seeded). Two periods; a few responses are invalid, one is an invalid first
 * try followed by a corrected one, one school resubmits, two schools do not answer in the
 * current period, one response names a school not in the registry.
 */
import { FIELDS, REGISTRY_COLUMNS } from '../src/core/catalogue';

export const PERIODS = ['2024-2025', '2025-2026'] as const;

export interface SyntheticMunicipality {
  registry: string[][];
  lists: string[][];
  settings: string[][];
  responses: string[][];
}

export function syntheticMunicipality(schoolCount = 36, seed = 20260901): SyntheticMunicipality {
  function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const rand = mulberry32(seed);
  // The fields of revision 2 draw from their own stream, so the answers that existed before
  // keep their values (the sample's earlier figures move only through revision-2 rules).
  const rand2 = mulberry32(seed ^ 0x5eed2);
  const share2 = (n: number, p: number) =>
    Math.max(0, Math.min(n, Math.round(n * p * (0.6 + rand2() * 0.8))));
  const yes2 = (p: number) => (rand2() < p ? 'да' : 'нет');
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const share = (n: number, p: number) =>
    Math.max(0, Math.min(n, Math.round(n * p * (0.6 + rand() * 0.8))));
  const yes = (p: number) => (rand() < p ? 'да' : 'нет');

  const VILLAGES = [
    'Берёзовка',
    'Сосновка',
    'Каменка',
    'Луговое',
    'Заречье',
    'Ключи',
    'Покровка',
    'Ивановка',
  ];

  interface School {
    id: string;
    name: string;
    rural: boolean;
    /** 0 = well-off and strong … 1 = unfavourable conditions and weak results */
    hardship: number;
    students: number;
    teachers: number;
  }

  const schools: School[] = Array.from({ length: schoolCount }, (_, i) => {
    const rural = i % 3 === 2;
    const hardship = Math.min(1, Math.max(0, (rural ? 0.55 : 0.25) + (rand() - 0.5) * 0.6));
    const students = rural ? int(40, 260) : int(300, 1400);
    const name = rural
      ? `МБОУ «${VILLAGES[i % VILLAGES.length]}ская СОШ» № ${i + 1}`
      : `МБОУ «Средняя школа № ${i + 1}»`;
    return {
      id: String(i + 1).padStart(4, '0'),
      name,
      rural,
      hardship,
      students,
      teachers: Math.max(8, Math.round(students / (rural ? 9 : 16))),
    };
  });

  function response(s: School, periodIndex: number): Record<string, string | number> {
    const h = Math.min(1, Math.max(0, s.hardship + (rand() - 0.5) * 0.1 - periodIndex * 0.03));
    const n = Math.max(10, s.students + int(-20, 20));
    const t = s.teachers;
    const exam = (base: number) => Math.max(0, Math.round(base * (0.7 + rand() * 0.6)));
    const r: Record<string, string | number> = {
      school_id: s.id,
      respondent_name: `Заместитель директора ${s.id}`,
      respondent_position: 'заместитель директора по УВР',
      respondent_email: `school${s.id}@example.edu.ru`,
      students_total: n,
      students_single_parent: share(n, 0.12 + 0.2 * h),
      students_parents_higher_ed: share(n, 0.45 - 0.35 * h),
      students_registered_kdn: share(n, 0.005 + 0.03 * h),
      students_registered_school: share(n, 0.01 + 0.05 * h),
      students_non_native: share(n, 0.02 + 0.12 * h),
      students_not_attested: share(n, 0.005 + 0.04 * h),
      students_truancy: share(n, 0.01 + 0.05 * h),
      students_special_needs: share(n, 0.02 + 0.06 * h),
      students_in_projects: share(n, 0.75 - 0.45 * h),
      remote_location: s.rural ? yes(0.6) : 'нет',
      small_school: s.rural && n < 120 ? 'да' : 'нет',
      infrastructure_deficit: yes(0.1 + 0.4 * h),
      no_stable_internet: s.rural ? yes(0.2 + 0.5 * h) : yes(0.05),
      insufficient_computers: yes(0.1 + 0.5 * h),
      staff_shortage: yes(0.1 + 0.6 * h),
      accreditation_suspended: h > 0.95 && rand() < 0.3 ? 'да' : 'нет',
    };
    const grade = Math.max(4, Math.round(n / 11));
    for (const [test, size] of [
      ['ege_rus', grade * 0.5],
      ['ege_math', grade * 0.25],
    ] as const) {
      const p = exam(size);
      r[`${test}_participants`] = p;
      r[`${test}_high`] = share(p, 0.2 - 0.17 * h);
      r[`${test}_below_min`] = share(p, 0.01 + 0.12 * h);
    }
    for (const test of ['oge_rus', 'oge_math']) {
      const p = exam(grade * 0.95);
      r[`${test}_participants`] = p;
      r[`${test}_fail`] = share(p, 0.02 + 0.15 * h);
    }
    for (const test of ['vpr_rus5', 'vpr_math5', 'vpr_rus8', 'vpr_math8']) {
      const p = exam(grade);
      const lower = share(p, 0.1 + 0.3 * h);
      r[`${test}_participants`] = p;
      r[`${test}_fail`] = share(p, 0.04 + 0.2 * h);
      r[`${test}_lower`] = lower;
      r[`${test}_higher`] = Math.min(p - lower, share(p, 0.03));
    }
    const rdr = exam(grade * 2);
    r.rdr_participants = rdr;
    r.rdr_fail = share(rdr, 0.05 + 0.2 * h);
    // Revision 2: base mathematics, certificates, motivation, and two schools whose ВПР marks
    // run above their journals (ВПР inflation) in the current period.
    const base = Math.max(0, Math.round(grade * 0.25 * (0.7 + rand2() * 0.6)));
    r.ege_mathbase_participants = base;
    r.ege_mathbase_fail = share2(base, 0.01 + 0.08 * h);
    const grads = Math.max(2, Math.round(grade * 1.4));
    r.grads_total = grads;
    r.grads_no_certificate = share2(grads, 0.005 + 0.03 * h);
    r.students_low_motivation = share2(n, 0.05 + 0.3 * h);
    if (periodIndex === 1 && (s.id === '0014' || s.id === '0027')) {
      for (const test of ['vpr_math5', 'vpr_math8']) {
        const p = Number(r[`${test}_participants`]);
        r[`${test}_higher`] = Math.round(p * 0.25);
        r[`${test}_lower`] = Math.min(Number(r[`${test}_lower`]), p - Number(r[`${test}_higher`]));
      }
    }
    const flaggedish = h > 0.5;
    r.teachers_total = t;
    r.teachers_diagnosed = share(t, flaggedish ? 0.8 : 0.5);
    r.teachers_supported = share(t, flaggedish ? 0.85 : 0.4);
    r.teachers_in_networks = share(t, 0.12);
    r.teachers_in_asset = share(t, 0.1);
    r.teachers_with_iom = share(t, flaggedish ? 0.35 : 0.2);
    r.teachers_trained_by_request = share(t, 0.3);
    r.teachers_trained_at_risk = share(t, flaggedish ? 0.25 : 0.1);
    r.has_improvement_program = yes(flaggedish ? 0.9 : 0.4);
    r.improvement_program_url =
      r.has_improvement_program === 'да' ? `https://school${s.id}.example.edu.ru/shppko` : '';
    r.has_failure_prevention_program = yes(0.7);
    r.has_iup = yes(0.6);
    r.has_tutoring = yes(0.4);
    r.has_struggling_diagnostics = yes(flaggedish ? 0.8 : 0.5);
    r.in_municipal_events = yes(0.9);
    r.in_regional_events = yes(0.6);
    r.in_federal_events = yes(0.3);
    r.had_methodical_landing = yes(flaggedish ? 0.5 : 0.1);
    r.team_internship = yes(0.3);
    r.network_practices = yes(0.5);
    r.parents_involved = yes(0.7);
    r.staff_support_measures = r.staff_shortage === 'да' ? int(1, 4) : 0;
    r.internal_monitorings = int(1, 6);
    r.has_differentiated_instruction = yes2(0.75 - 0.4 * h);
    r.has_inschool_pd = yes2(0.8 - 0.4 * h);
    r.comment = '';
    return r;
  }

  function timestamp(periodIndex: number, day: number, minute: number): string {
    const year = 2025 + periodIndex;
    const d = new Date(Date.UTC(year, 4, 5 + day, 6, minute));
    return d.toISOString().replace('.000Z', 'Z');
  }

  const codes = FIELDS.map((f) => f.code).filter((c) => c !== 'period');
  const rows: Array<Record<string, string | number>> = [];
  PERIODS.forEach((period, p) => {
    schools.forEach((s, i) => {
      // Two schools do not answer in the current period.
      if (p === 1 && (i === 7 || i === 29 || (i > 36 && i % 17 === 0))) return;
      rows.push({ timestamp: timestamp(p, i % 10, i), period, ...response(s, p) });
    });
  });
  const current = rows.filter((r) => r.period === PERIODS[1]);
  // Invalid responses: a bound broken, a unit typed into a number, a school not in the registry.
  const bad1: Record<string, string | number> = { ...current[3], timestamp: timestamp(1, 12, 1) };
  bad1.teachers_diagnosed = Number(bad1.teachers_total) + 12;
  const bad2 = { ...current[10], timestamp: timestamp(1, 12, 2), students_total: '412 чел.' };
  const bad3 = {
    ...current[15],
    timestamp: timestamp(1, 12, 3),
    school_id: '9999',
    comment: '=HYPERLINK("http://x")',
  };
  // A school sends an invalid response first, then a corrected one; another resubmits.
  const firstTry: Record<string, string | number> = {
    ...current[20],
    timestamp: timestamp(1, 0, 40),
  };
  firstTry.vpr_rus5_fail = Number(firstTry.vpr_rus5_participants) + 3;
  const resubmit = {
    ...current[5],
    timestamp: timestamp(1, 13, 5),
    comment: 'Уточнены данные ВПР',
  };
  rows.push(bad1, bad2, bad3, firstTry, resubmit);
  rows.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));

  // Official lists: about a fifth of the schools, the hardest first. Between the periods two
  // schools leave the lists and two others enter them, so dynamics have something to show.
  const ranked = [...schools].sort((a, b) => b.hardship - a.hardship);
  const k = Math.max(3, Math.round(schoolCount * 0.2));
  const listed = [
    ranked.slice(0, k),
    [...ranked.slice(0, k).filter((_, i) => i !== 1 && i !== 4), ...ranked.slice(k, k + 2)],
  ];
  const lists: string[][] = [];
  PERIODS.forEach((period, p) =>
    listed[p].forEach((s, i) =>
      lists.push([period, s.id, i % 3 === 0 ? 'ШНОР' : i % 3 === 1 ? 'ШНСУ' : 'ШНОР+ШНСУ']),
    ),
  );

  const registry: string[][] = [
    REGISTRY_COLUMNS.map((c) => c.code),
    ...schools.map((s, i) => [
      s.id,
      s.name,
      'Сосновский муниципальный округ',
      s.rural ? 'rural' : 'urban',
      `school${s.id}@example.edu.ru`,
      i % 9 === 0 ? 'да' : 'нет',
      i === 4 ? '0001' : '',
      'да',
      '',
    ]),
  ];
  const settings: string[][] = [
    ['key', 'value'],
    ['municipality', 'Сосновский муниципальный округ'],
    ['period', PERIODS[1]],
    ['deadline', '2026-05-31'],
    ['status_source', 'official'],
    ['mun_identification_method', 'да'],
    ['mun_monitoring_indicators', 'да'],
    ['mun_risk_zone_section', 'да'],
    ['mun_risk_zone_indicators', 'нет'],
    ['mun_results_analysis', 'да'],
    ['mun_practice_dissemination', 'да'],
    ['mun_resource_deficit_monitoring', 'нет'],
  ];
  const columns = ['timestamp', 'period', ...codes];
  return {
    registry,
    lists: [['period', 'school_id', 'status'], ...lists],
    settings,
    responses: [columns, ...rows.map((r) => columns.map((c) => String(r[c] ?? '')))],
  };
}
