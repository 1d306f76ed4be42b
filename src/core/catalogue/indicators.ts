/**
 * The municipal summary (domain spec, section 5): the Kansk table, extended. Titles follow the
 * Kansk note; numerator and denominator say in Russian what is counted.
 */
import type { RegistrySchool } from '../types';
import { MUNICIPAL_FACTS } from './settings';

export type IndicatorKind =
  /** A municipal yes/no fact from `Настройки`: имеется / отсутствует. */
  | 'fact'
  /** Schools meeting `subject` / schools of `population`. */
  | 'school_share'
  /** Sum of `subject` / sum of `teachers_total`, over flagged schools. */
  | 'teacher_share'
  /** Sum of `subject` over flagged schools, count only. */
  | 'sum'
  /** Registry schools with `subject`, count only. */
  | 'registry_count'
  /** List dynamics: `left` or `entered`. */
  | 'dynamics'
  /** Pooled share in flagged minus pooled share in the others, п.п. */
  | 'gap';

export type Population =
  'all' | 'flagged' | 'teachers_of_flagged' | 'flagged_previous' | 'not_flagged_previous';

/** A fact derived for each school: a school_share may count schools meeting it. */
export type SchoolFact = 'flagged' | 'shnor' | 'shnsu' | 'risk_zone' | 'leader_school';
export const SCHOOL_FACTS: readonly SchoolFact[] = [
  'flagged',
  'shnor',
  'shnsu',
  'risk_zone',
  'leader_school',
];

/** A yes/no column of the registry. */
export type RegistryFlag = {
  [K in keyof RegistrySchool]: RegistrySchool[K] extends boolean ? K : never;
}[keyof RegistrySchool];

interface IndicatorBase {
  code: string;
  section: number;
  title: string;
  population: Population;
  numerator: string;
  denominator: string;
}

/**
 * What an indicator counts, typed by its kind. Field, setting and component codes are
 * strings; the catalogue test checks that each names one that exists.
 */
export type IndicatorDef = IndicatorBase &
  (
    | { kind: 'fact'; /** A municipal fact of «Настройки». */ subject: string }
    | { kind: 'school_share'; subject: SchoolFact | { field: string } }
    | { kind: 'teacher_share' | 'sum'; /** An int field. */ subject: string }
    | { kind: 'registry_count'; subject: RegistryFlag }
    | { kind: 'dynamics'; subject: 'left' | 'entered' }
    | { kind: 'gap'; /** A results component. */ subject: string }
  );

export type IndicatorOf<K extends IndicatorKind> = Extract<IndicatorDef, { kind: K }>;

/** A school_share's subject: a derived fact, or a yes/no field of the questionnaire. */
function schoolSubject(code: string): SchoolFact | { field: string } {
  return (SCHOOL_FACTS as readonly string[]).includes(code)
    ? (code as SchoolFact)
    : { field: code };
}

/** The sections of the summary, by number: the one place their titles are written. */
export const SUMMARY_SECTIONS: Readonly<Record<number, string>> = {
  1: 'Выявление ШНОР и ШНСУ',
  2: 'Динамика',
  3: 'Педагоги: диагностика и повышение квалификации',
  4: 'Методическая помощь',
  5: 'Профилактика неуспешности',
  6: 'Мониторинг рисков',
  7: 'Результаты и разрыв',
};

const FLAGGED = 'ШНОР и/или ШНСУ';
const SCHOOLS = 'школы муниципалитета (участвующие в мониторинге)';
const TEACHERS = `педагоги ${FLAGGED} (сумма по школам)`;

function fact(code: string): IndicatorDef {
  const f = MUNICIPAL_FACTS.find((x) => x.code === code);
  if (!f) throw new Error(`unknown municipal fact ${code}`);
  return {
    code,
    section: f.section,
    title: f.label,
    kind: 'fact',
    subject: code,
    population: 'all',
    numerator: '',
    denominator: '',
  };
}

function flaggedWith(
  code: string,
  section: number,
  subject: string,
  title: string,
  what: string,
): IndicatorDef {
  return {
    code,
    section,
    title,
    kind: 'school_share',
    subject: schoolSubject(subject),
    population: 'flagged',
    numerator: `${FLAGGED}, ${what}`,
    denominator: FLAGGED,
  };
}

function teachersWith(
  code: string,
  section: number,
  subject: string,
  title: string,
  what: string,
): IndicatorDef {
  return {
    code,
    section,
    title,
    kind: 'teacher_share',
    subject,
    population: 'teachers_of_flagged',
    numerator: `педагоги ${FLAGGED}, ${what}`,
    denominator: TEACHERS,
  };
}

function schoolsWith(code: string, subject: string, title: string, what: string): IndicatorDef {
  return {
    code,
    section: 5,
    title,
    kind: 'school_share',
    subject: schoolSubject(subject),
    population: 'all',
    numerator: `школы, ${what}`,
    denominator: SCHOOLS,
  };
}

function gap(component: string, title: string): IndicatorDef {
  return {
    code: `gap_${component}`,
    section: 7,
    title,
    kind: 'gap',
    subject: component,
    population: 'all',
    numerator: `доля в ${FLAGGED}`,
    denominator: 'доля в остальных школах',
  };
}

export const INDICATORS: readonly IndicatorDef[] = [
  fact('mun_identification_method'),
  fact('mun_monitoring_indicators'),
  fact('mun_risk_zone_section'),
  fact('mun_risk_zone_indicators'),
  {
    code: 'share_flagged',
    section: 1,
    title:
      'Доля школ муниципалитета с низкими результатами обучения и/или школ, функционирующих в ' +
      'неблагоприятных социальных условиях, от общего количества школ муниципалитета',
    kind: 'school_share',
    subject: 'flagged',
    population: 'all',
    numerator: `количество ${FLAGGED}`,
    denominator: SCHOOLS,
  },
  {
    code: 'share_shnor',
    section: 1,
    title: 'Доля школ с низкими результатами обучения (ШНОР) от общего количества школ',
    kind: 'school_share',
    subject: 'shnor',
    population: 'all',
    numerator: 'количество ШНОР',
    denominator: SCHOOLS,
  },
  {
    code: 'share_shnsu',
    section: 1,
    title:
      'Доля школ, функционирующих в неблагоприятных социальных условиях (ШНСУ), от общего ' +
      'количества школ',
    kind: 'school_share',
    subject: 'shnsu',
    population: 'all',
    numerator: 'количество ШНСУ',
    denominator: SCHOOLS,
  },
  {
    code: 'share_risk_zone',
    section: 1,
    title:
      'Доля школ муниципалитета, в которых выявлены риски снижения образовательных ' +
      'результатов: отсутствие устойчивого доступа в интернет, отсутствие достаточного ' +
      'количества компьютерной техники, дефицит педагогических кадров',
    kind: 'school_share',
    subject: 'risk_zone',
    population: 'all',
    numerator: 'школы, в которых зафиксированы хотя бы два из трёх указанных рисков',
    denominator: SCHOOLS,
  },
  fact('mun_results_analysis'),
  {
    code: 'share_left_lists',
    section: 2,
    title: 'Доля школ с позитивной динамикой (вышли из списков ШНОР/ШНСУ)',
    kind: 'dynamics',
    subject: 'left',
    population: 'flagged_previous',
    numerator: `школы, бывшие ${FLAGGED} в предыдущем периоде и вышедшие из списков`,
    denominator: `${FLAGGED} предыдущего периода`,
  },
  {
    code: 'share_entered_lists',
    section: 2,
    title: 'Доля школ с негативной динамикой (вошли в списки ШНОР/ШНСУ)',
    kind: 'dynamics',
    subject: 'entered',
    population: 'not_flagged_previous',
    numerator: 'школы, вошедшие в списки в текущем периоде',
    denominator: 'школы, не входившие в списки в предыдущем периоде',
  },
  flaggedWith(
    'share_struggling_diagnostics',
    2,
    'has_struggling_diagnostics',
    'Доля ШНОР и ШНСУ, в которых проведена диагностика обучающихся с трудностями в учебной ' +
      'деятельности и выданы адресные рекомендации',
    'в которых проведена диагностика обучающихся с трудностями',
  ),
  teachersWith(
    'share_teachers_diagnosed',
    3,
    'teachers_diagnosed',
    'Доля педагогических работников ШНОР и ШНСУ, включённых в процедуры диагностики ' +
      'профессиональных дефицитов: предметных, методических, психолого-педагогических',
    'прошедшие диагностику профессиональных дефицитов',
  ),
  teachersWith(
    'share_teachers_trained_by_request',
    3,
    'teachers_trained_by_request',
    'Доля учителей ШНОР и ШНСУ, прошедших повышение квалификации с учётом индивидуальных запросов',
    'прошедшие КПК по итогам диагностики / запросов',
  ),
  teachersWith(
    'share_teachers_trained_at_risk',
    3,
    'teachers_trained_at_risk',
    'Доля учителей ШНОР и ШНСУ, прошедших повышение квалификации по приёмам работы с детьми ' +
      'с риском образовательной неуспешности',
    'прошедшие КПК по работе с детьми с риском неуспешности',
  ),
  {
    code: 'count_staff_support_measures',
    section: 3,
    title:
      'Количество мер поддержки в решении проблем с дефицитом педагогических кадров в ШНОР и ШНСУ',
    kind: 'sum',
    subject: 'staff_support_measures',
    population: 'flagged',
    numerator: `сумма мер поддержки по ${FLAGGED}`,
    denominator: '',
  },
  flaggedWith(
    'share_network_practices',
    3,
    'network_practices',
    'Доля ШНОР и ШНСУ, внедряющих практики сетевого взаимодействия, в том числе с привлечением ' +
      'педагогов из сильных школ',
    'внедряющие практики сетевого взаимодействия',
  ),
  teachersWith(
    'share_teachers_supported',
    4,
    'teachers_supported',
    'Доля педагогов ШНОР и ШНСУ, которым оказана консультативная, методическая и другие виды ' +
      'поддержки по повышению качества образования, от всех педагогов ШНОР и ШНСУ',
    'получившие поддержку',
  ),
  teachersWith(
    'share_teachers_in_networks',
    4,
    'teachers_in_networks',
    'Доля педагогов ШНОР и ШНСУ, включённых в региональные сетевые методические объединения ' +
      'учителей-предметников',
    'включённые в сетевые методические объединения',
  ),
  teachersWith(
    'share_teachers_in_asset',
    4,
    'teachers_in_asset',
    'Доля педагогов ШНОР и ШНСУ, включённых в работу регионального методического актива',
    'включённые в региональный методический актив',
  ),
  teachersWith(
    'share_teachers_with_iom',
    4,
    'teachers_with_iom',
    'Доля педагогов ШНОР и ШНСУ, имеющих ИОМ',
    'имеющие ИОМ',
  ),
  flaggedWith(
    'share_in_municipal_events',
    4,
    'in_municipal_events',
    'Доля ШНОР и ШНСУ, вовлечённых в муниципальные (межмуниципальные) мероприятия, ' +
      'направленные на развитие профессионального мастерства педагогических и управленческих кадров',
    'вовлечённые в муниципальные мероприятия',
  ),
  flaggedWith(
    'share_in_regional_events',
    4,
    'in_regional_events',
    'Доля ШНОР и ШНСУ, вовлечённых в региональные мероприятия, направленные на развитие ' +
      'профессионального мастерства педагогических и управленческих кадров',
    'вовлечённые в региональные мероприятия',
  ),
  flaggedWith(
    'share_in_federal_events',
    4,
    'in_federal_events',
    'Доля ШНОР и ШНСУ, вовлечённых в федеральные мероприятия, направленные на развитие ' +
      'профессионального мастерства педагогических и управленческих кадров',
    'вовлечённые в федеральные мероприятия',
  ),
  {
    code: 'count_internship_sites',
    section: 4,
    title:
      'Количество школ, имеющих статус муниципальных, региональных стажировочных площадок для ' +
      'поддержки ШНОР и ШНСУ',
    kind: 'registry_count',
    subject: 'is_internship_site',
    population: 'all',
    numerator: 'стажировочные площадки по реестру школ',
    denominator: '',
  },
  flaggedWith(
    'share_team_internship',
    4,
    'team_internship',
    'Доля школьных команд ШНОР и ШНСУ, прошедших стажировку в других МСО региона / других ' +
      'субъектах РФ',
    'команды которых прошли стажировку',
  ),
  flaggedWith(
    'share_methodical_landing',
    4,
    'had_methodical_landing',
    'Доля ШНОР и ШНСУ, в которые организованы методические и управленческие десанты',
    'в которые организован методический десант',
  ),
  flaggedWith(
    'share_improvement_program',
    4,
    'has_improvement_program',
    'Доля ШНОР и ШНСУ, в которых разработана школьная программа повышения качества ' +
      'образования (ШППКО) или концепция и среднесрочные программы (проект 500+)',
    'имеющие ШППКО',
  ),
  flaggedWith(
    'share_with_leader_school',
    4,
    'leader_school',
    'Доля ШНОР и ШНСУ, для которых определены школы-лидеры, оказывающие им консультативную, ' +
      'методическую и другие виды поддержки',
    'для которых определена школа-лидер',
  ),
  schoolsWith(
    'share_failure_prevention_program',
    'has_failure_prevention_program',
    'Доля ОО муниципалитета, в которых сформирована программа (система) профилактики и ' +
      'ликвидации школьной неуспешности',
    'в которых сформирована программа профилактики неуспешности',
  ),
  schoolsWith(
    'share_iup',
    'has_iup',
    'Доля ОО муниципалитета, в которых разработаны ИУП (адресные образовательные программы) ' +
      'для слабоуспевающих и неуспевающих обучающихся',
    'в которых разработаны ИУП',
  ),
  schoolsWith(
    'share_tutoring',
    'has_tutoring',
    'Доля ОО муниципалитета, в которых организована тьюторская поддержка обучающихся для ' +
      'ликвидации учебных дефицитов',
    'в которых организована тьюторская поддержка',
  ),
  fact('mun_practice_dissemination'),
  fact('mun_resource_deficit_monitoring'),
  gap(
    'ege_below_min',
    'Разрыв по доле участников ЕГЭ, не преодолевших минимальный порог (русский язык, математика), п.п.',
  ),
  gap(
    'oge_fail',
    'Разрыв по доле неудовлетворительных результатов ОГЭ (русский язык, математика), п.п.',
  ),
  gap(
    'vpr_fail',
    'Разрыв по доле отметок «2» по ВПР (русский язык, математика, 5 и 8 классы), п.п.',
  ),
  gap('ege_high', 'Разрыв по доле высокобалльников ЕГЭ (русский язык, математика), п.п.'),
];

const INDICATOR_INDEX = new Map(INDICATORS.map((i) => [i.code, i]));

export function indicatorByCode(code: string): IndicatorDef | undefined {
  return INDICATOR_INDEX.get(code);
}
