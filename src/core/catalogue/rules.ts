/**
 * Default recommendation rules R01–R20 (domain spec, section 7, rev 2), seeded into `Правила`.
 * A rule's code is a field code (`staff_shortage`), a school share (`share_<field>`), a pooled
 * results component (`vpr_fail`) or a derived fact (see rules/codes.ts); several codes joined
 * by `|` (or «или») match when any matches. Thresholds: a number or percent; `худшая четверть`
 * (the worst quartile of the municipality, on shrunk shares); `2×мун` (twice the municipal
 * value; `mun` alone still reads, though «above the municipal share» is no default any more:
 * it fires for half of the schools by construction); a level for a risk factor (`высокий`).
 */
import type { RuleRow } from '../types';

export const RULE_COLUMNS: readonly { code: keyof RuleRow; label: string }[] = [
  { code: 'rule_id', label: 'Правило' },
  { code: 'code', label: 'Показатель или поле' },
  { code: 'operator', label: 'Условие' },
  { code: 'threshold', label: 'Порог' },
  { code: 'addressee', label: 'Адресат' },
  { code: 'text', label: 'Рекомендация' },
  { code: 'applies_to', label: 'Для кого' },
];

/** Where `{leaders}` appears in a text, the school's suggested leader schools are named. */
export const LEADERS_PLACEHOLDER = '{leaders}';
/** rev 2: the ВПР with the highest «2» share, e.g. «математика, 8 класс — 31 % «2»». */
export const WORST_VPR_PLACEHOLDER = '{worst_vpr}';
/** rev 2: the school's value of the rule's code beside the municipal value. */
export const VALUE_PLACEHOLDER = '{value}';
/** rev 2 thresholds: the worst quartile (on shrunk shares), twice the municipal share. */
export const QUARTILE_THRESHOLD = 'худшая четверть';
export const TWICE_MUNICIPAL_THRESHOLD = '2×мун';

/** A rule row (also used for the frozen rev-1 defaults). */
export function rule(
  rule_id: string,
  code: string,
  operator: string,
  threshold: string,
  addressee: string,
  text: string,
  applies_to: 'all' | 'flagged' = 'all',
): RuleRow {
  return { rule_id, code, operator, threshold, addressee, text, applies_to };
}

export const DEFAULT_RULES: readonly RuleRow[] = [
  rule(
    'R01',
    'share_teachers_diagnosed',
    '<',
    '0.8',
    'школа',
    'Организовать диагностику профессиональных дефицитов педагогов (предметных, методических, ' +
      `психолого-педагогических): прошли диагностику ${VALUE_PLACEHOLDER}.`,
  ),
  rule(
    'R02',
    'share_teachers_with_iom',
    '<',
    '0.3',
    'ММС',
    'Разработать индивидуальные образовательные маршруты (ИОМ) педагогов по итогам ' +
      `диагностики, вести учёт педагогов на региональном портале (ИОМ имеют ${VALUE_PLACEHOLDER}).`,
  ),
  rule(
    'R03',
    'has_improvement_program',
    'нет',
    '',
    'школа',
    'Разработать и реализовать школьную программу повышения качества образования (ШППКО) — ' +
      'программу перехода в эффективный режим работы.',
  ),
  rule(
    'R04',
    'has_failure_prevention_program',
    'нет',
    '',
    'школа',
    'Сформировать систему профилактики и ликвидации школьной неуспешности.',
  ),
  rule(
    'R05',
    'vpr_fail',
    '>',
    QUARTILE_THRESHOLD,
    'школа',
    'Организовать индивидуальные занятия и индивидуальные учебные планы (ИУП) для ' +
      `обучающихся, получивших «2» по ВПР (${WORST_VPR_PLACEHOLDER}).`,
  ),
  rule(
    'R06',
    'has_tutoring',
    'нет',
    '',
    'школа',
    'Организовать тьюторскую поддержку обучающихся для ликвидации учебных дефицитов.',
    'flagged',
  ),
  rule(
    'R07',
    'staff_shortage',
    'да',
    '',
    'учредитель',
    'Принять меры поддержки при дефиците кадров (в том числе условия проживания и работы для ' +
      'привлекаемых специалистов); организовать уроки педагогов сильных школ, в том числе ' +
      'дистанционно.',
  ),
  rule(
    'R08',
    'no_stable_internet|insufficient_computers',
    'да',
    '',
    'учредитель',
    'Включить школу в план закупки оборудования; организовать сетевое использование ' +
      'оборудования и электронных образовательных ресурсов (ЭОР).',
  ),
  rule(
    'R09',
    'has_leader_school',
    'нет',
    '',
    'ММС',
    `Определить школу-лидера (наставника) для школы (предложения системы: ${LEADERS_PLACEHOLDER}).`,
    'flagged',
  ),
  rule(
    'R10',
    'share_students_special_needs',
    '>',
    TWICE_MUNICIPAL_THRESHOLD,
    'школа',
    'Организовать психолого-педагогическое сопровождение обучающихся с ЗПР и умственной ' +
      `отсталостью, в том числе в сетевой форме (${VALUE_PLACEHOLDER}).`,
  ),
  rule(
    'R11',
    'risk_environment',
    '=',
    'высокий',
    'школа',
    'Реализовать программы вовлечения семей; организовать взаимодействие с КДН и центрами ' +
      'помощи семье.',
  ),
  rule(
    'R12',
    'internal_monitorings',
    '<',
    '3',
    'школа',
    'Развивать ВСОКО: сравнивать результаты с предыдущими, принимать управленческие решения по ' +
      `итогам мониторингов (внутренних мониторингов за год: ${VALUE_PLACEHOLDER}).`,
  ),
  rule(
    'R13',
    'vpr_inflation',
    'да',
    '',
    'ММС',
    'Обеспечить объективность ВПР: перепроверка работ муниципальной комиссией, независимые ' +
      'наблюдатели при проведении.',
  ),
  rule(
    'R14',
    'parents_involved',
    'нет',
    '',
    'школа',
    'Привлекать родителей к работе школы, в том числе как общественных наблюдателей.',
  ),
  rule(
    'R15',
    'share_students_in_projects',
    '<',
    '0.5',
    'школа',
    `Расширить проектную деятельность обучающихся (вовлечено ${VALUE_PLACEHOLDER}).`,
  ),
  rule(
    'R16',
    'had_methodical_landing',
    'нет',
    '',
    'ММС',
    'Организовать методический (управленческий) десант в школу.',
    'flagged',
  ),
  rule(
    'R17',
    'journal_inflation',
    'да',
    '',
    'школа',
    'Обеспечить объективность текущего оценивания: единые критерии оценивания, сравнение ' +
      'журнальных отметок с результатами ВПР.',
  ),
  rule(
    'R18',
    'risk_language',
    '=',
    'высокий',
    'школа',
    'Организовать адаптацию детей-мигрантов: обучение русскому языку как неродному, ' +
      'индивидуальные занятия.',
  ),
  rule(
    'R19',
    'risk_motivation',
    '=',
    'высокий',
    'школа',
    'Повышать учебную мотивацию: проектная и внеурочная деятельность, сетевое взаимодействие с ' +
      'организациями дополнительного образования, культуры и спорта.',
  ),
  rule(
    'R20',
    'risk_inschool_pd',
    '=',
    'высокий',
    'школа',
    'Выстроить внутришкольную систему профессионального развития: взаимопосещение уроков, ' +
      'наставничество молодых специалистов, работа ШМО.',
  ),
];
