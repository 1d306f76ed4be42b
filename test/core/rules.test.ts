import fc from 'fast-check';
import { DEFAULT_RULES } from '../../src/core/catalogue/rules';
import { computeMonitoring } from '../../src/core/monitoring';
import { PeriodColumns } from '../../src/core/compute/columns';
import { compileRules } from '../../src/core/rules/compile';
import { preparedFires, ruleFires } from '../../src/core/rules/evaluate';
import { renderForSchool } from '../../src/core/rules/targeting';
import type { FieldValues, MonitoringResult, RuleRow } from '../../src/core/types';
import { answers, listed, row, school } from './fixtures';

const P = '2022-2023';

/** Runs the monitoring; schools whose id starts with "F" are on the official list. */
function run(
  perSchool: Record<string, FieldValues | null>,
  rules?: RuleRow[],
  leaders: Record<string, string> = {},
) {
  const ids = Object.keys(perSchool);
  return computeMonitoring({
    registry: ids.map((id) => school(id, { leader_school_id: leaders[id] ?? '' })),
    lists: ids.filter((id) => id.startsWith('F')).map((id) => listed(P, id, 'ШНОР')),
    data: ids
      .filter((id) => perSchool[id] !== null)
      .map((id) => row(id, P, perSchool[id] as FieldValues)),
    settings: {},
    rules,
  });
}

/** Which of the given schools a rule fired for. */
function firedFor(r: MonitoringResult, ruleId: string): string[] {
  return r.schools.filter((s) => s.recommendations.includes(ruleId)).map((s) => s.school_id);
}

describe('default rules R01–R20 (rev 2)', () => {
  it('compile without errors', () => {
    const { rules, errors } = compileRules(DEFAULT_RULES);
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.rule_id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('R01 fires when under 80 % of teachers were diagnosed', () => {
    const r = run({
      a: answers({ teachers_diagnosed: 7 }),
      b: answers({ teachers_diagnosed: 8 }),
      c: answers(),
    });
    expect(firedFor(r, 'R01')).toEqual(['a']);
  });

  it('R02 fires when under 30 % of teachers have an ИОМ', () => {
    const r = run({
      a: answers({ teachers_with_iom: 2 }),
      b: answers({ teachers_with_iom: 3 }),
      c: answers(),
    });
    expect(firedFor(r, 'R02')).toEqual(['a']);
  });

  it.each([
    ['R03', 'has_improvement_program'],
    ['R04', 'has_failure_prevention_program'],
    ['R14', 'parents_involved'],
  ])('%s fires on «нет» for %s, never on an unanswered question', (id, field) => {
    const r = run({ a: answers({ [field]: false }), b: answers({ [field]: true }), c: answers() });
    expect(firedFor(r, id)).toEqual(['a']);
  });

  it('R05 fires in the worst quartile of shrunk ВПР «2» shares, naming the worst ВПР', () => {
    const vpr = (fail: number, participants = 40) =>
      answers({ vpr_math8_participants: participants, vpr_math8_fail: fail });
    // Eight schools of 40 and one of 5: p = (4·7 + 20 + 2) / 325 = 50/325; the quartile is
    // ceil(9/4) = 3 schools. Shrunk (k = 10): big (20 + 1.54) / 50 = 0.43; tiny 2 of 5 is
    // (2 + 1.54) / 15 = 0.24 — raw 40 % ranks it with the big one, shrunk it is second;
    // the third place is shared by the seven schools at (4 + 1.54) / 50 = 0.11 < p: none.
    const schools: Record<string, FieldValues> = { big: vpr(20), tiny: vpr(2, 5) };
    for (let i = 0; i < 7; i++) schools[`s${i}`] = vpr(4);
    const r = run(schools);
    expect(firedFor(r, 'R05')).toEqual(['big', 'tiny']);
    const big = r.schools.find((s) => s.school_id === 'big')!;
    expect(big.recommendation_texts.R05).toBe(
      'Организовать индивидуальные занятия и индивидуальные учебные планы (ИУП) для ' +
        'обучающихся, получивших «2» по ВПР (математика, 8 класс — 50,0\u00a0% «2»).',
    );
  });

  it.each([
    ['R06', 'has_tutoring'],
    ['R16', 'had_methodical_landing'],
  ])('%s fires on «нет» for ШНОР/ШНСУ only (%s)', (id, field) => {
    const r = run({
      F1: answers({ [field]: false }),
      F2: answers({ [field]: true }),
      a: answers({ [field]: false }),
    });
    expect(firedFor(r, id)).toEqual(['F1']);
  });

  it('R07 fires on a staff shortage', () => {
    const r = run({
      a: answers({ staff_shortage: true }),
      b: answers({ staff_shortage: false }),
      c: answers(),
    });
    expect(firedFor(r, 'R07')).toEqual(['a']);
  });

  it('R08 fires on no stable internet or too few computers', () => {
    const r = run({
      a: answers({ no_stable_internet: true }),
      b: answers({ insufficient_computers: true, no_stable_internet: false }),
      c: answers({ insufficient_computers: false, no_stable_internet: false }),
    });
    expect(firedFor(r, 'R08')).toEqual(['a', 'b']);
  });

  it('R09 asks the ММС for a leader school for flagged schools without one, even without a response', () => {
    const r = run({ F1: answers(), F2: answers(), F3: null, a: answers() }, undefined, { F2: 'a' });
    expect(firedFor(r, 'R09')).toEqual(['F1', 'F3']);
    const agg = r.recommendations.find((x) => x.rule_id === 'R09');
    expect(agg?.addressee).toBe('ММС');
  });

  it('R10 fires when the share of students with special needs is above twice the municipal share', () => {
    const r = run({
      a: answers({ students_special_needs: 11 }),
      b: answers({ students_special_needs: 2 }),
      c: answers({ students_special_needs: 3 }),
    });
    // municipal 16/300; twice that is 10,7 %: only a (11 %)
    expect(firedFor(r, 'R10')).toEqual(['a']);
    const a = r.schools.find((s) => s.school_id === 'a')!;
    expect(a.recommendation_texts.R10).toContain('(11,0\u00a0% при 5,3\u00a0% по муниципалитету)');
  });

  it('R11 fires when the «environment» factor is high (registered + truancy, worst quartile)', () => {
    const r = run({
      a: answers({ students_registered_kdn: 9, students_truancy: 0 }),
      b: answers({ students_registered_kdn: 0, students_truancy: 9 }),
      c: answers({ students_registered_kdn: 0, students_truancy: 0 }),
    });
    expect(firedFor(r, 'R11')).toEqual(['a', 'b']);
  });

  it('R12 fires on fewer than three internal monitorings', () => {
    const r = run({
      a: answers({ internal_monitorings: 2 }),
      b: answers({ internal_monitorings: 3 }),
      c: answers(),
    });
    expect(firedFor(r, 'R12')).toEqual(['a']);
  });

  it('R13 (ММС) fires on ВПР above the journal, R17 (школа) on the journal above ВПР', () => {
    const r = run({
      a: answers({ vpr_math5_participants: 10, vpr_math5_higher: 2 }), // 0.2 > 0.15
      b: answers({ vpr_math5_participants: 10, vpr_math5_lower: 5 }), // 0.5 > 0.3
      c: answers({ vpr_math5_participants: 10, vpr_math5_lower: 1, vpr_math5_higher: 1 }),
    });
    expect(firedFor(r, 'R13')).toEqual(['a']);
    expect(firedFor(r, 'R17')).toEqual(['b']);
    expect(r.recommendations.find((x) => x.rule_id === 'R13')?.addressee).toBe('ММС');
  });

  it.each([
    ['R18', { students_non_native: 31 }, { students_non_native: 29 }],
    ['R19', { students_low_motivation: 31 }, { students_low_motivation: 20 }],
    [
      'R20',
      { has_inschool_pd: false, internal_monitorings: 1 },
      { has_inschool_pd: false, internal_monitorings: 4 },
    ],
  ])('%s fires when its factor is high, not medium', (id, high, medium) => {
    const r = run({ a: answers(high), b: answers(medium), c: answers() });
    expect(firedFor(r, id)).toEqual(['a']);
  });

  it('R07 and R08 address the founder', () => {
    const r = run({ a: answers({ staff_shortage: true, no_stable_internet: true }) });
    for (const id of ['R07', 'R08'])
      expect(r.recommendations.find((x) => x.rule_id === id)?.addressee).toBe('учредитель');
  });

  it('R15 fires when under half the students do projects', () => {
    const r = run({
      a: answers({ students_in_projects: 49 }),
      b: answers({ students_in_projects: 50 }),
      c: answers(),
    });
    expect(firedFor(r, 'R15')).toEqual(['a']);
  });

  it('aggregates how many schools each rule applies to, in registry order', () => {
    const r = run({
      b: answers({ staff_shortage: true }),
      a: answers({ staff_shortage: true }),
      c: answers(),
    });
    const agg = r.recommendations.find((x) => x.rule_id === 'R07');
    expect(agg?.school_ids).toEqual(['b', 'a']);
    expect(r.recommendations.find((x) => x.rule_id === 'R13')?.school_ids).toEqual([]);
  });

  it('puts the recommendations addressing the school’s risks first', () => {
    const r = run({
      a: answers({
        teachers_diagnosed: 1,
        parents_involved: false,
        has_improvement_program: false,
      }),
    });
    // profile: teacher_competence, parents. R01 (teachers) and R14 (parents) come before R03.
    expect(r.schools[0].risk_profile).toEqual(['teacher_competence', 'parents']);
    expect(r.schools[0].recommendations.slice(0, 3)).toEqual(['R01', 'R14', 'R03']);
  });

  it('names the suggested leader schools in the R09 text', () => {
    const text = DEFAULT_RULES.find((x) => x.rule_id === 'R09')?.text ?? '';
    const fill = { worstVpr: '', value: '' };
    expect(renderForSchool(text, { ...fill, leaders: ['СОШ № 3', 'Лицей'] })).toBe(
      'Определить школу-лидера (наставника) для школы (предложения системы: СОШ № 3, Лицей).',
    );
    expect(renderForSchool(text, { ...fill, leaders: [] })).toContain('подходящих школ не найдено');
  });
});

describe('rules edited by the inspector', () => {
  const rule = (r: Partial<RuleRow>): RuleRow => ({
    rule_id: 'X1',
    code: 'internal_monitorings',
    operator: '<',
    threshold: '3',
    addressee: 'школа',
    text: 'Текст',
    applies_to: 'all',
    ...r,
  });

  it('reports each malformed row with its number and still runs the others', () => {
    const rows: RuleRow[] = [
      rule({ rule_id: 'OK1' }),
      rule({ rule_id: 'B1', code: 'no_such_field' }),
      rule({ rule_id: 'B2', operator: '~' }),
      rule({ rule_id: 'B3', threshold: 'много' }),
      rule({ rule_id: 'B4', code: 'staff_shortage', operator: '<', threshold: '1' }),
      rule({ rule_id: 'OK1' }),
      rule({ rule_id: '' }),
      rule({ rule_id: 'B5', text: '' }),
      rule({ rule_id: 'B6', applies_to: 'некоторые' }),
      rule({ rule_id: 'B7', code: 'teachers_total', operator: 'да' }),
      rule({ rule_id: 'OK2', code: 'staff_shortage', operator: '=', threshold: 'да' }),
    ];
    const { rules, errors } = compileRules(rows);
    expect(rules.map((r) => r.rule_id)).toEqual(['OK1', 'OK2']);
    expect(errors).toEqual([
      'Правила, строка 3 (B1): неизвестный показатель «no_such_field»; правило пропущено',
      'Правила, строка 4 (B2): неизвестное условие «~» (допустимо: <, <=, >, >=, =, да, нет); правило пропущено',
      'Правила, строка 5 (B3): порог «много» — ожидается число (0,8 или 80%), «худшая четверть» или «2×мун» (дважды муниципальное значение); правило пропущено',
      'Правила, строка 6 (B4): условие «<» неприменимо к ответу да/нет «staff_shortage» (используйте «да» или «нет»); правило пропущено',
      'Правила, строка 7 (OK1): такой код правила уже есть в строке 2; правило пропущено',
      'Правила, строка 8: не указан код правила; правило пропущено',
      'Правила, строка 9 (B5): не указан текст рекомендации; правило пропущено',
      'Правила, строка 10 (B6): «некоторые» — ожидается «all» (все школы) или «flagged» (ШНОР/ШНСУ); правило пропущено',
      'Правила, строка 11 (B7): условие «да» неприменимо к числовому показателю «teachers_total» (используйте <, >, = и порог); правило пропущено',
    ]);

    const r = run(
      { a: answers({ internal_monitorings: 1, staff_shortage: true, staff_support_measures: 0 }) },
      rows,
    );
    expect(r.ruleErrors).toHaveLength(9);
    expect(r.schools[0].recommendations).toEqual(['OK2', 'OK1']); // staff risk first
  });

  it('uses the sheet row number when given', () => {
    const { errors } = compileRules([rule({ rule_id: 'B', code: '', row: 17 })]);
    expect(errors).toEqual([
      'Правила, строка 17 (B): не указан показатель или поле; правило пропущено',
    ]);
  });

  it('reads thresholds as decimals, percents and multiples of the municipal value', () => {
    const r = run(
      {
        a: answers({ students_special_needs: 5 }),
        b: answers({ students_special_needs: 1 }),
        c: answers({ students_special_needs: 0 }),
      },
      [
        rule({
          rule_id: 'P',
          code: 'share_students_special_needs',
          operator: '>=',
          threshold: '5%',
        }),
        rule({
          rule_id: 'D',
          code: 'share_students_special_needs',
          operator: '>',
          threshold: '0,009',
        }),
        // municipal share = 6/300 = 0.02; 2 × 0.02 = 0.04: only a
        rule({
          rule_id: 'M',
          code: 'share_students_special_needs',
          operator: '>',
          threshold: '2×муниципальная доля',
        }),
        rule({ rule_id: 'E', code: 'students_special_needs', operator: '=', threshold: '0' }),
        rule({
          rule_id: 'F',
          code: 'flagged',
          operator: 'нет',
          threshold: '',
          applies_to: 'ШНОР/ШНСУ',
        }),
      ],
    );
    expect(firedFor(r, 'P')).toEqual(['a']);
    expect(firedFor(r, 'D')).toEqual(['a', 'b']);
    expect(firedFor(r, 'M')).toEqual(['a']);
    expect(firedFor(r, 'E')).toEqual(['c']);
    expect(firedFor(r, 'F')).toEqual([]);
  });

  it('never fires on an unanswered value, even with «<»', () => {
    const r = run({ a: answers(), b: null }, [
      rule({ rule_id: 'U', code: 'internal_monitorings', operator: '<', threshold: '100' }),
    ]);
    expect(firedFor(r, 'U')).toEqual([]);
  });
});

describe('targeting (rev 2)', () => {
  // Ten default rules fire: R01, R02, R03, R04, R07, R08, R12, R14, R15 and R09 (alone in its
  // municipality, the school has the lowest ИСБ: computed ШНСУ, no leader school).
  const many = answers({
    teachers_diagnosed: 1,
    teachers_with_iom: 1,
    has_improvement_program: false,
    has_failure_prevention_program: false,
    staff_shortage: true,
    staff_support_measures: 0,
    no_stable_internet: true,
    infrastructure_deficit: false,
    internal_monitorings: 1,
    has_inschool_pd: true,
    parents_involved: false,
    students_in_projects: 10,
  });

  it('gives a school at most five, its high factors first, the rest «дополнительно»', () => {
    const r = run({ a: many });
    const a = r.schools[0];
    // levels: staff high (R07), parents high (R14), teacher competence high (R01, R02);
    // equipment medium (R08); inschool_pd medium (R12); then R03, R04, R15 in rule order.
    expect(a.recommendations).toEqual(['R01', 'R02', 'R07', 'R14', 'R08']);
    expect(a.additional_recommendations).toEqual(['R12', 'R03', 'R04', 'R09', 'R15']);
    const three = computeMonitoring({
      registry: [school('a')],
      lists: [],
      data: [row('a', P, many)],
      settings: { max_recommendations: 3 },
    });
    expect(three.schools[0].recommendations).toHaveLength(3);
    expect(three.schools[0].additional_recommendations).toHaveLength(7);
  });

  it('names in each aggregate only the schools it is targeted at', () => {
    const r = run({ a: many, b: answers({ students_in_projects: 10 }) });
    expect(r.recommendations.find((x) => x.rule_id === 'R15')?.school_ids).toEqual(['b']);
  });

  it('reads «худшая четверть», «2×мун» and levels, and refuses a quartile with «=»', () => {
    const rows: RuleRow[] = [
      { ...DEFAULT_RULES[0], rule_id: 'Q1', threshold: 'Худшая четверть' },
      { ...DEFAULT_RULES[0], rule_id: 'Q2', threshold: '2 × мун' },
      { ...DEFAULT_RULES[0], rule_id: 'Q3', operator: '=', threshold: 'худшая четверть' },
      { ...DEFAULT_RULES[10], rule_id: 'L1', operator: '>=', threshold: 'средний' },
      { ...DEFAULT_RULES[10], rule_id: 'L2', threshold: 'очень' },
    ];
    const { rules, errors } = compileRules(rows);
    expect(rules.map((r) => [r.rule_id, r.threshold])).toEqual([
      ['Q1', { kind: 'quartile' }],
      ['Q2', { kind: 'municipal', factor: 2 }],
      ['L1', { kind: 'number', value: 1 }],
    ]);
    expect(errors).toEqual([
      'Правила, строка 4 (Q3): порог «худшая четверть» применим только с условиями <, <=, >, >= (а не «=»); правило пропущено',
      'Правила, строка 6 (L2): порог «очень» — для фактора риска ожидается уровень: высокий, средний или низкий; правило пропущено',
    ]);
  });
});

describe('filling a rule text', () => {
  // The definition: each placeholder in turn, over the text as filled so far (a fill holding a
  // later placeholder gets it filled too), with the words for an empty fill.
  function inTurn(text: string, leaders: readonly string[], worst: string, value: string) {
    return text
      .split('{leaders}')
      .join(leaders.length ? leaders.join(', ') : 'подходящих школ не найдено')
      .split('{worst_vpr}')
      .join(worst || 'по результатам ВПР')
      .split('{value}')
      .join(value || 'нет данных');
  }
  // Texts and fills made of pieces that can form, break or hide placeholders.
  const piece = fc.constantFrom(
    '{leaders}',
    '{worst_vpr}',
    '{value}',
    '{',
    '}',
    'st_vpr}',
    '{wor',
    'val',
    'ue}',
    '{lead',
    'ers}',
    'Текст ',
    ', ',
    '',
    '$&',
  );
  const text = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));

  it('gives what filling in turn gives, for any text and fills', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 3 }),
        text,
        text,
        (t, leaders, worst, value) => {
          expect(renderForSchool(t, { leaders, worstVpr: worst, value })).toBe(
            inTurn(t, leaders, worst, value),
          );
          // Lazy fills give the same.
          expect(
            renderForSchool(t, {
              leaders: () => leaders,
              worstVpr: () => worst,
              value: () => value,
            }),
          ).toBe(inTurn(t, leaders, worst, value));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('computes a fill only when the text asks for it', () => {
    const never = () => {
      throw new Error('not needed');
    };
    expect(
      renderForSchool('Доля {value}.', { leaders: never, worstVpr: never, value: () => '5 %' }),
    ).toBe('Доля 5 %.');
    expect(
      renderForSchool('Без подстановок', { leaders: never, worstVpr: never, value: never }),
    ).toBe('Без подстановок');
  });
});

describe('rules prepared for a computation', () => {
  // Rows whose answers are anything a row may hold: numbers (NaN included), yes/no, text,
  // null or no key at all, for number and yes/no fields alike.
  const value = fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.constant(Number.NaN),
    fc.boolean(),
    fc.constant('5'),
    fc.constant(null),
    fc.constant(undefined),
  );
  const codes = ['internal_monitorings', 'teachers_total', 'staff_shortage', 'has_iup'];
  const rowArb = fc.option(fc.tuple(...codes.map(() => value)), { nil: null });
  const rows: RuleRow[] = [
    { code: 'internal_monitorings', operator: '<', threshold: '3' },
    { code: 'teachers_total|internal_monitorings', operator: '>=', threshold: '20' },
    { code: 'staff_shortage', operator: '=', threshold: 'да' },
    { code: 'has_iup|staff_shortage', operator: 'нет', threshold: '' },
  ].map((r, j) => ({
    rule_id: `P${j}`,
    addressee: 'школа',
    text: 'Текст',
    applies_to: 'all',
    ...r,
  }));

  it('fire exactly as the rules read from each response', () => {
    const { rules, errors } = compileRules(rows);
    expect(errors).toEqual([]);
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), (drawn) => {
        const values = drawn.map((d) => {
          if (d === null) return null;
          const v: Record<string, unknown> = {};
          codes.forEach((c, j) => {
            if (d[j] !== undefined) v[c] = d[j];
          });
          return v as FieldValues;
        });
        const columns = new PeriodColumns(values);
        for (const r of rules) {
          const fires = preparedFires(
            r,
            () => null,
            () => [],
            columns,
          );
          values.forEach((v, i) => {
            const subject = { values: v, shares: {}, derived: {} };
            expect(fires(subject, false, i)).toBe(ruleFires(r, subject, false, () => null));
          });
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
