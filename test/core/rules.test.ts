import { DEFAULT_RULES } from '../../src/core/catalogue/rules';
import { computeMonitoring } from '../../src/core/monitoring';
import { compileRules } from '../../src/core/rules/compile';
import { renderRuleText } from '../../src/core/rules/evaluate';
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

describe('default rules R01–R16', () => {
  it('compile without errors', () => {
    const { rules, errors } = compileRules(DEFAULT_RULES);
    expect(errors).toEqual([]);
    expect(rules.map((r) => r.rule_id)).toEqual(
      Array.from({ length: 16 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
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

  it('R05 fires when the pooled ВПР «2» share is above the municipal share', () => {
    const vpr = (fail: number) => answers({ vpr_rus5_participants: 10, vpr_rus5_fail: fail });
    // municipal: (1 + 3 + 2) / 30 = 0.2
    const r = run({ a: vpr(1), b: vpr(3), c: vpr(2) });
    expect(firedFor(r, 'R05')).toEqual(['b']);
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

  it('R10 fires when the share of students with special needs is above the municipal share', () => {
    const r = run({
      a: answers({ students_special_needs: 10 }),
      b: answers({ students_special_needs: 2 }),
      c: answers({ students_special_needs: 3 }),
    });
    expect(firedFor(r, 'R10')).toEqual(['a']);
  });

  it('R11 fires on registered students or truancy above the municipal share', () => {
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

  it('R13 fires on an objectivity flag', () => {
    const r = run({
      a: answers({ vpr_math5_participants: 10, vpr_math5_lower: 5 }),
      b: answers({ vpr_math5_participants: 10, vpr_math5_lower: 1 }),
    });
    expect(firedFor(r, 'R13')).toEqual(['a']);
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
    expect(renderRuleText(text, ['СОШ № 3', 'Лицей'])).toBe(
      'Определить школу-лидера (наставника) для школы (предложения системы: СОШ № 3, Лицей).',
    );
    expect(renderRuleText(text, [])).toContain('подходящих школ не найдено');
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
      'Правила, строка 5 (B3): порог «много» — ожидается число (0,8 или 80%) или «mun» (муниципальное значение); правило пропущено',
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
