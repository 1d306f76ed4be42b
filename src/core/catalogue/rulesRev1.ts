/**
 * The default rules of revision 1, exactly as setup seeded them into «Правила». The add-on
 * only needs to recognise an untouched row of an existing spreadsheet, which the rev-2 default
 * replaces (an edited row is the inspector's and stays, see rules/upgrade.ts): it carries their
 * fingerprints (rulesRev1Prints.ts), not these texts, which stay out of the Apps Script bundle.
 * test/core/rules-upgrade.test.ts checks the fingerprints against this table.
 */
import type { RuleRow } from '../types';
import { LEADERS_PLACEHOLDER, rule } from './rules';

export const RULES_REV1: readonly RuleRow[] = [
  rule(
    'R01',
    'share_teachers_diagnosed',
    '<',
    '0.8',
    'школа',
    'Организовать диагностику профессиональных дефицитов педагогов (предметных, методических, ' +
      'психолого-педагогических).',
  ),
  rule(
    'R02',
    'share_teachers_with_iom',
    '<',
    '0.3',
    'школа',
    'Разработать индивидуальные образовательные маршруты (ИОМ) педагогов по итогам ' +
      'диагностики, вести учёт педагогов на региональном портале.',
  ),
  rule(
    'R03',
    'has_improvement_program',
    'нет',
    '',
    'школа',
    'Разработать школьную программу повышения качества образования (ШППКО) с использованием ' +
      'конструктора программ.',
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
    'mun',
    'школа',
    'Организовать индивидуальные занятия и индивидуальные учебные планы (ИУП) для ' +
      'обучающихся, получивших «2» по ВПР.',
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
    'школа',
    'Принять меры поддержки при дефиците кадров; организовать уроки педагогов сильных школ, ' +
      'в том числе дистанционно.',
  ),
  rule(
    'R08',
    'no_stable_internet|insufficient_computers',
    'да',
    '',
    'школа',
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
    'mun',
    'школа',
    'Организовать психолого-педагогическое сопровождение обучающихся с ЗПР и умственной ' +
      'отсталостью, в том числе в сетевой форме.',
  ),
  rule(
    'R11',
    'share_students_registered_kdn|share_students_truancy',
    '>',
    'mun',
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
      'итогам мониторингов.',
  ),
  rule(
    'R13',
    'objectivity_flag',
    'да',
    '',
    'школа',
    'Обеспечить объективность оценивания: перепроверка работ ВПР, сравнение с отметками в журнале.',
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
    'Расширить проектную деятельность обучающихся (вовлечённость ниже 50 %).',
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
];
