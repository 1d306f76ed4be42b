/**
 * The school questionnaire (domain spec, section 4): one list that builds the form, the
 * `Данные` columns, validation and every share. A new field is added here and only here.
 */
import type { FieldType } from '../types';

export type FormSectionId =
  'identification' | 'contingent' | 'conditions' | 'results' | 'teachers' | 'measures';

export interface FormSection {
  id: FormSectionId;
  title: string;
  help: string;
}

/** What a result count measures (the last part of its code). */
export type ResultMeasure = 'participants' | 'high' | 'below_min' | 'fail' | 'lower' | 'higher';

export interface FieldDef {
  code: string;
  /** Full Russian label: the form question and the column title. */
  label: string;
  /** Short Russian name, used inside validation messages. */
  short: string;
  help: string;
  type: FieldType;
  /** The field that bounds this count and divides it in a share. */
  base?: string;
  /** On a `*_participants` field: the test whose participants it counts, e.g. 'ege_rus'. */
  participantsOf?: string;
  /** On result counts: the test ('ege_rus', 'vpr_math8', 'rdr') and what is counted. */
  test?: string;
  measure?: ResultMeasure;
  section: FormSectionId;
  required?: boolean;
  /** How a text answer is asked in the form, when not as a short line of text. */
  input?: 'email' | 'paragraph';
}

export const FORM_SECTIONS: readonly FormSection[] = [
  {
    id: 'identification',
    title: 'Школа и отчётный период',
    help: 'Выберите свою школу из списка и укажите, кто заполняет анкету.',
  },
  {
    id: 'contingent',
    title: 'Контингент обучающихся',
    help: 'Численность обучающихся на конец отчётного периода. Если таких обучающихся нет, укажите 0.',
  },
  {
    id: 'conditions',
    title: 'Условия работы школы',
    help: 'Отметьте «Да», если условие относится к вашей школе.',
  },
  {
    id: 'results',
    title: 'Образовательные результаты',
    help:
      'Число участников и результаты ЕГЭ, ОГЭ, ВПР и региональных диагностических работ за ' +
      'отчётный период. Если работа в школе не проводилась, оставьте поля пустыми.',
  },
  {
    id: 'teachers',
    title: 'Педагогические кадры',
    help: 'Численность педагогических работников; каждое число не больше общей численности.',
  },
  {
    id: 'measures',
    title: 'Меры по повышению качества образования',
    help: 'Меры, которые школа реализует в отчётном периоде.',
  },
];

/**
 * The exam session a period's results are about: ГИА and ВПР of its second calendar year
 * (2022 for `2021-2022`), or null when the period is not a valid academic year.
 */
export function examYear(period: string): number | null {
  const m = /^(\d{4})-(\d{4})$/.exec(period.trim());
  return m && Number(m[2]) === Number(m[1]) + 1 ? Number(m[2]) : null;
}

/**
 * A section's help as the form shows it. The results section names its exam year (rev 2), so
 * every school reports the same session; without a fixed period it says how the year follows
 * from the period.
 */
export function sectionHelp(section: FormSection, period: string): string {
  if (section.id !== 'results') return section.help;
  const year = examYear(period);
  const session =
    year === null
      ? 'Указываются результаты ГИА и ВПР второго календарного года отчётного периода ' +
        '(например, 2022 года для 2021-2022 учебного года).'
      : `Указываются результаты ГИА и ВПР ${year} года (${period} учебный год).`;
  return `${session} ${section.help}`;
}

function intField(
  code: string,
  label: string,
  short: string,
  section: FormSectionId,
  base?: string,
  help = '',
): FieldDef {
  return { code, label, short, help, type: 'int', section, ...(base ? { base } : {}) };
}

function boolField(code: string, label: string, short: string, section: FormSectionId): FieldDef {
  return { code, label, short, help: '', type: 'bool', section };
}

const IDENTIFICATION: FieldDef[] = [
  {
    code: 'school_id',
    label: 'Образовательная организация (код ОО)',
    short: 'Код ОО',
    help: 'Выберите свою школу из списка.',
    type: 'text',
    section: 'identification',
    required: true,
  },
  {
    code: 'period',
    label: 'Отчётный период (учебный год)',
    short: 'Отчётный период',
    help: 'Например, 2021-2022.',
    type: 'text',
    section: 'identification',
  },
  {
    code: 'respondent_name',
    label: 'ФИО заполняющего анкету',
    short: 'ФИО заполняющего',
    help: '',
    type: 'text',
    section: 'identification',
  },
  {
    code: 'respondent_position',
    label: 'Должность заполняющего анкету',
    short: 'Должность заполняющего',
    help: '',
    type: 'text',
    section: 'identification',
  },
  {
    code: 'respondent_email',
    label: 'E-mail для связи',
    short: 'E-mail заполняющего',
    help: 'На этот адрес придёт сообщение, если в ответе найдутся ошибки.',
    type: 'text',
    input: 'email',
    section: 'identification',
  },
];

const S = 'students_total';
const CONTINGENT: FieldDef[] = [
  {
    ...intField(S, 'Общая численность обучающихся', 'Обучающихся всего', 'contingent'),
    required: true,
  },
  intField(
    'students_single_parent',
    'Обучающиеся из неполных семей',
    'Из неполных семей',
    'contingent',
    S,
  ),
  intField(
    'students_parents_higher_ed',
    'Обучающиеся из семей, где оба родителя имеют высшее образование',
    'Из семей, где оба родителя с высшим образованием',
    'contingent',
    S,
  ),
  intField(
    'students_registered_kdn',
    'Обучающиеся, состоящие на учёте в ОДН, КДН',
    'На учёте в ОДН, КДН',
    'contingent',
    S,
  ),
  intField(
    'students_registered_school',
    'Обучающиеся, состоящие на внутришкольном учёте',
    'На внутришкольном учёте',
    'contingent',
    S,
  ),
  intField(
    'students_non_native',
    'Обучающиеся из семей мигрантов и/или для которых русский язык не родной / владеющие им на низком уровне',
    'Из семей мигрантов или с неродным русским языком',
    'contingent',
    S,
  ),
  intField(
    'students_not_attested',
    'Обучающиеся, не прошедшие промежуточную аттестацию по итогам года',
    'Не прошли промежуточную аттестацию',
    'contingent',
    S,
  ),
  intField(
    'students_truancy',
    'Обучающиеся с систематическими пропусками занятий без уважительной причины',
    'С систематическими пропусками',
    'contingent',
    S,
  ),
  intField(
    'students_special_needs',
    'Обучающиеся с ЗПР, умственной отсталостью (заключение ПМПК)',
    'С ЗПР, умственной отсталостью',
    'contingent',
    S,
    'Учитываются дети с подтверждённым заключением ПМПК.',
  ),
  intField(
    'students_in_projects',
    'Обучающиеся, вовлечённые в проектную деятельность',
    'Вовлечены в проектную деятельность',
    'contingent',
    S,
  ),
  // rev 2: the «500+» risk «низкая учебная мотивация».
  intField(
    'students_low_motivation',
    'Обучающиеся с низкой учебной мотивацией (по итогам школьной диагностики)',
    'С низкой учебной мотивацией',
    'contingent',
    S,
  ),
];

const CONDITIONS: FieldDef[] = [
  boolField(
    'remote_location',
    'Школа отдалена от других образовательных центров, транспортная недоступность',
    'Отдалённость, транспортная недоступность',
    'conditions',
  ),
  boolField('small_school', 'Малокомплектная школа', 'Малокомплектная школа', 'conditions'),
  boolField(
    'infrastructure_deficit',
    'Дефицит базовой инфраструктуры',
    'Дефицит базовой инфраструктуры',
    'conditions',
  ),
  boolField(
    'no_stable_internet',
    'Нет устойчивого доступа в интернет',
    'Нет устойчивого интернета',
    'conditions',
  ),
  boolField(
    'insufficient_computers',
    'Недостаточно компьютерной техники',
    'Недостаточно компьютеров',
    'conditions',
  ),
  boolField(
    'staff_shortage',
    'Неукомплектованность штата педагогическими кадрами, в том числе специалистами ' +
      '(психолог, логопед, дефектолог, социальный педагог, педагоги дополнительного образования)',
    'Неукомплектованность штата',
    'conditions',
  ),
  boolField(
    'accreditation_suspended',
    'Приостановление или лишение государственной аккредитации',
    'Приостановление аккредитации',
    'conditions',
  ),
];

/** The tests of section 4 with what each reports, in form order. */
export const RESULT_TESTS: readonly { test: string; title: string; measures: ResultMeasure[] }[] = [
  { test: 'ege_rus', title: 'ЕГЭ, русский язык', measures: ['participants', 'high', 'below_min'] },
  {
    test: 'ege_math',
    title: 'ЕГЭ, математика (профильный уровень)',
    measures: ['participants', 'high', 'below_min'],
  },
  // rev 2: ЕГЭ base mathematics has no high scorers and no threshold, only «2».
  {
    test: 'ege_mathbase',
    title: 'ЕГЭ, математика (базовый уровень)',
    measures: ['participants', 'fail'],
  },
  { test: 'oge_rus', title: 'ОГЭ, русский язык', measures: ['participants', 'fail'] },
  { test: 'oge_math', title: 'ОГЭ, математика', measures: ['participants', 'fail'] },
  {
    test: 'vpr_rus5',
    title: 'ВПР, русский язык, 5 класс',
    measures: ['participants', 'fail', 'lower', 'higher'],
  },
  {
    test: 'vpr_math5',
    title: 'ВПР, математика, 5 класс',
    measures: ['participants', 'fail', 'lower', 'higher'],
  },
  {
    test: 'vpr_rus8',
    title: 'ВПР, русский язык, 8 класс',
    measures: ['participants', 'fail', 'lower', 'higher'],
  },
  {
    test: 'vpr_math8',
    title: 'ВПР, математика, 8 класс',
    measures: ['participants', 'fail', 'lower', 'higher'],
  },
  { test: 'rdr', title: 'Региональные диагностические работы', measures: ['participants', 'fail'] },
];

const MEASURE_WORDS: Record<ResultMeasure, string> = {
  participants: 'участники',
  high: 'высокобалльники (81–100 баллов)',
  below_min: 'не преодолели минимальный порог',
  fail: 'неудовлетворительный результат (отметка «2»)',
  lower: 'понизили отметку по сравнению с журналом',
  higher: 'повысили отметку по сравнению с журналом',
};

function resultFields(): FieldDef[] {
  const out: FieldDef[] = [];
  for (const t of RESULT_TESTS) {
    const participants = `${t.test}_participants`;
    for (const m of t.measures) {
      const label = `${t.title}: ${MEASURE_WORDS[m]}`;
      // Participants are bounded by the school's students (a choice: the spec bounds
      // "every *_participants count by its base" without naming it).
      const base = m === 'participants' ? S : participants;
      out.push({
        code: `${t.test}_${m}`,
        label,
        short: label,
        help: m === 'participants' ? 'Число обучающихся, писавших работу.' : '',
        type: 'int',
        base,
        test: t.test,
        measure: m,
        section: 'results',
        ...(m === 'participants' ? { participantsOf: t.test } : {}),
      });
    }
  }
  // rev 2: certificates. Graduates are bounded by the school's students (a choice: the spec
  // names only `grads_no_certificate` <= `grads_total`).
  out.push(
    intField(
      'grads_total',
      'Выпускники 9 и 11 классов',
      'Выпускников 9 и 11 классов',
      'results',
      S,
    ),
    intField(
      'grads_no_certificate',
      'Выпускники 9 и 11 классов, не получившие аттестат',
      'Не получили аттестат',
      'results',
      'grads_total',
    ),
  );
  return out;
}

const T = 'teachers_total';
const TEACHERS: FieldDef[] = [
  {
    ...intField(T, 'Общая численность педагогических работников', 'Педагогов всего', 'teachers'),
    required: true,
  },
  intField(
    'teachers_diagnosed',
    'Педагоги, прошедшие диагностику профессиональных дефицитов (предметных, методических, психолого-педагогических)',
    'Прошли диагностику',
    'teachers',
    T,
  ),
  intField(
    'teachers_supported',
    'Педагоги, получившие консультативную, методическую и другую поддержку',
    'Получили поддержку',
    'teachers',
    T,
  ),
  intField(
    'teachers_in_networks',
    'Педагоги, включённые в региональные сетевые методические объединения',
    'В сетевых методических объединениях',
    'teachers',
    T,
  ),
  intField(
    'teachers_in_asset',
    'Педагоги, включённые в региональный методический актив',
    'В региональном методическом активе',
    'teachers',
    T,
  ),
  intField('teachers_with_iom', 'Педагоги, имеющие ИОМ', 'Имеют ИОМ', 'teachers', T),
  intField(
    'teachers_trained_by_request',
    'Педагоги, прошедшие КПК по итогам диагностики / индивидуальных запросов',
    'Прошли КПК по запросам',
    'teachers',
    T,
  ),
  intField(
    'teachers_trained_at_risk',
    'Педагоги, прошедшие КПК по работе с детьми с риском образовательной неуспешности',
    'Прошли КПК по работе с детьми с риском неуспешности',
    'teachers',
    T,
  ),
];

const MEASURES: FieldDef[] = [
  boolField(
    'has_improvement_program',
    'Разработана школьная программа повышения качества образования (ШППКО) или концепция и среднесрочные программы (проект 500+)',
    'Есть ШППКО',
    'measures',
  ),
  {
    code: 'improvement_program_url',
    label: 'Ссылка на программу повышения качества образования на сайте школы',
    short: 'Ссылка на программу',
    help: 'Адрес страницы, начиная с https://',
    type: 'url',
    section: 'measures',
  },
  boolField(
    'has_failure_prevention_program',
    'Сформирована программа (система) профилактики и ликвидации школьной неуспешности',
    'Есть программа профилактики неуспешности',
    'measures',
  ),
  boolField(
    'has_iup',
    'Разработаны ИУП (адресные образовательные программы) для слабоуспевающих и неуспевающих обучающихся',
    'Есть ИУП',
    'measures',
  ),
  boolField(
    'has_tutoring',
    'Организована тьюторская поддержка обучающихся для ликвидации учебных дефицитов',
    'Есть тьюторская поддержка',
    'measures',
  ),
  boolField(
    'has_struggling_diagnostics',
    'Проведена диагностика обучающихся с трудностями в учебной деятельности, выданы адресные рекомендации',
    'Проведена диагностика обучающихся с трудностями',
    'measures',
  ),
  boolField(
    'in_municipal_events',
    'Школа участвовала в муниципальных (межмуниципальных) мероприятиях по развитию профессионального мастерства',
    'Участие в муниципальных мероприятиях',
    'measures',
  ),
  boolField(
    'in_regional_events',
    'Школа участвовала в региональных мероприятиях по развитию профессионального мастерства',
    'Участие в региональных мероприятиях',
    'measures',
  ),
  boolField(
    'in_federal_events',
    'Школа участвовала в федеральных мероприятиях по развитию профессионального мастерства',
    'Участие в федеральных мероприятиях',
    'measures',
  ),
  boolField(
    'had_methodical_landing',
    'В школе проведён методический / управленческий десант',
    'Проведён методический десант',
    'measures',
  ),
  boolField(
    'team_internship',
    'Школьная команда прошла стажировку в других МСО региона / других субъектах РФ',
    'Команда прошла стажировку',
    'measures',
  ),
  boolField(
    'network_practices',
    'Школа внедряет практики сетевого взаимодействия, в том числе уроки педагогов сильных школ',
    'Практики сетевого взаимодействия',
    'measures',
  ),
  boolField(
    'parents_involved',
    'Родители вовлечены в работу по повышению качества образования, в том числе как общественные наблюдатели',
    'Родители вовлечены',
    'measures',
  ),
  intField(
    'staff_support_measures',
    'Число мер поддержки при дефиците педагогических кадров (в том числе условия проживания и работы для привлекаемых специалистов)',
    'Мер поддержки при дефиците кадров',
    'measures',
  ),
  intField(
    'internal_monitorings',
    'Число внутренних мониторингов (ВСОКО), проведённых за год',
    'Внутренних мониторингов за год',
    'measures',
  ),
  // rev 2: the «500+» risks «низкая адаптивность учебного процесса» and «несформированность
  // внутришкольной системы профессионального развития».
  boolField(
    'has_differentiated_instruction',
    'На уроках реализуется дифференцированное обучение, индивидуализация (адаптивность учебного процесса)',
    'Дифференцированное обучение на уроках',
    'measures',
  ),
  boolField(
    'has_inschool_pd',
    'Сформирована внутришкольная система профессионального развития педагогов (ШМО, взаимопосещение уроков, наставничество)',
    'Внутришкольная система профессионального развития',
    'measures',
  ),
  {
    code: 'comment',
    label: 'Комментарий',
    short: 'Комментарий',
    help: 'Всё, что важно знать о результатах школы за период.',
    type: 'text',
    input: 'paragraph',
    section: 'measures',
  },
];

export const FIELDS: readonly FieldDef[] = [
  ...IDENTIFICATION,
  ...CONTINGENT,
  ...CONDITIONS,
  ...resultFields(),
  ...TEACHERS,
  ...MEASURES,
];

const FIELD_INDEX = new Map(FIELDS.map((f) => [f.code, f]));

export function fieldByCode(code: string): FieldDef | undefined {
  return FIELD_INDEX.get(code);
}
