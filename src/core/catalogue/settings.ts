/**
 * Every setting of `Настройки` (domain spec, sections 3, 5 and 6) with its default.
 */
import { ISB_COMPONENTS, RESULT_COMPONENTS, isbCapSetting, isbWeightSetting } from './components';

export type SettingType =
  'number' | 'text' | 'bool' | 'choice' | 'date' | 'email-list' | 'day-list';

export interface SettingDef {
  code: string;
  label: string;
  type: SettingType;
  default: number | string | boolean;
  help: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Municipal yes/no facts of the summary (section 5), shown as имеется / отсутствует. */
export const MUNICIPAL_FACTS: readonly { code: string; label: string; section: number }[] = [
  {
    code: 'mun_identification_method',
    section: 1,
    label:
      'Наличие в муниципальной программе повышения качества образования раздела, содержащего ' +
      'информацию о региональной методике идентификации школ как ШНОР и ШНСУ',
  },
  {
    code: 'mun_monitoring_indicators',
    section: 1,
    label:
      'Наличие показателей муниципального мониторинга, определяющих ШНОР (школы, находящиеся ' +
      'в зоне риска; школы, демонстрирующие низкие результаты)',
  },
  {
    code: 'mun_risk_zone_section',
    section: 1,
    label:
      'Наличие в муниципальной программе повышения качества образования раздела, содержащего ' +
      'информацию об ОО, отнесённых к категории школ, функционирующих в зоне риска снижения ' +
      'образовательных результатов',
  },
  {
    code: 'mun_risk_zone_indicators',
    section: 1,
    label:
      'Наличие показателей муниципального мониторинга, определяющих школы, функционирующие в ' +
      'зоне риска снижения образовательных результатов',
  },
  {
    code: 'mun_results_analysis',
    section: 2,
    label:
      'Наличие в муниципалитете аналитической справки по мониторингу образовательных ' +
      'результатов обучающихся в ШНОР и в школах, функционирующих в зоне риска снижения ' +
      'образовательных результатов',
  },
  {
    code: 'mun_practice_dissemination',
    section: 5,
    label:
      'Наличие в муниципалитете системы распространения успешных педагогических практик по ' +
      'профилактике детской неуспешности',
  },
  {
    code: 'mun_resource_deficit_monitoring',
    section: 6,
    label:
      'Наличие в муниципалитете мониторинга ресурсных дефицитов в школах, функционирующих в ' +
      'зоне риска снижения образовательных результатов',
  },
];

const SHARE = { min: 0, max: 1 } as const;

const GENERAL: SettingDef[] = [
  {
    code: 'municipality',
    label: 'Муниципалитет',
    type: 'text',
    default: '',
    help: 'Название муниципалитета для заголовков отчётов.',
  },
  {
    code: 'period',
    label: 'Отчётный период',
    type: 'text',
    default: '',
    help: 'Например, 2021-2022. Пусто — последний период, за который есть ответы.',
  },
  {
    code: 'deadline',
    label: 'Срок представления данных',
    type: 'date',
    default: '',
    help: 'Дата, до которой школы заполняют анкету (ДД.ММ.ГГГГ).',
  },
  {
    code: 'status_source',
    label: 'Источник статуса ШНОР/ШНСУ',
    type: 'choice',
    default: 'official',
    choices: ['official', 'computed', 'both'],
    help:
      'official — официальный перечень периода; computed — расчётный статус; both — школа ' +
      'в любом из двух.',
  },
  {
    code: 'reminder_days_before',
    label: 'Напоминания: за сколько дней до срока',
    type: 'day-list',
    default: '7, 1',
    min: 0,
    max: 60,
    help: 'Дни через запятую, например «7, 1». Пусто — не напоминать до срока.',
  },
  {
    code: 'reminder_on_deadline',
    label: 'Напоминание в день срока',
    type: 'bool',
    default: true,
    help: 'Да — школам без принятого ответа напоминание в последний день.',
  },
  {
    code: 'reminder_days_after',
    label: 'Напоминания после срока: каждые N дней',
    type: 'number',
    default: 3,
    min: 0,
    max: 60,
    integer: true,
    help: 'Школам, не представившим данные после срока. 0 — после срока не напоминать.',
  },
  {
    code: 'reminder_max',
    label: 'Напоминаний одной школе не больше',
    type: 'number',
    default: 4,
    min: 1,
    max: 20,
    integer: true,
    help: 'Сколько всего напоминаний за период получит одна школа.',
  },
  {
    code: 'reminder_min_gap',
    label: 'Дней между двумя напоминаниями не меньше',
    type: 'number',
    default: 1,
    min: 0,
    max: 30,
    integer: true,
    help: 'Напоминание ждёт, пока с предыдущего пройдёт столько дней.',
  },
  {
    code: 'reminder_hour',
    label: 'Час отправки напоминаний',
    type: 'number',
    default: 9,
    min: 0,
    max: 23,
    integer: true,
    help: 'Напоминания и сводка инспекторам уходят ежедневно в этот час (время таблицы).',
  },
  {
    code: 'inspector_emails',
    label: 'E-mail инспекторов',
    type: 'email-list',
    default: '',
    help: 'Адреса через запятую; им приходит сводка о ходе сбора данных.',
  },
  {
    code: 'reply_to',
    label: 'Адрес для ответов школ (reply-to)',
    type: 'email-list',
    default: '',
    help: 'На этот адрес уйдёт ответ школы на напоминание. Пусто — на адрес отправителя.',
  },
  {
    code: 'access_code_check',
    label: 'Проверять код доступа школы',
    type: 'bool',
    default: true,
    help:
      'Да — ответ без кода из персональной ссылки школы или с чужим кодом не принимается ' +
      'молча, а ставится «на проверку» инспектору. Нет — для загрузки файлов без кодов.',
  },
];

const THRESHOLDS: SettingDef[] = [
  {
    code: 'min_participants',
    label: 'Минимальное число участников',
    type: 'number',
    default: 5,
    min: 1,
    integer: true,
    help: 'Результаты работы с меньшим числом участников не учитываются (как отсутствующие).',
  },
  {
    code: 'results_years',
    label: 'Число периодов для результатов',
    type: 'number',
    default: 2,
    min: 1,
    max: 10,
    integer: true,
    help: 'Доли результатов суммируются за текущий и предыдущие периоды.',
  },
  {
    code: 'low_results_share',
    label: 'Доля школ с самыми низкими результатами (расчётные ШНОР)',
    type: 'number',
    default: 0.15,
    ...SHARE,
    help: 'Например, 0,15 — 15 % школ с самым низким индексом результатов.',
  },
  {
    code: 'low_isb_share',
    label: 'Доля школ с самым низким ИСБ (расчётные ШНСУ)',
    type: 'number',
    default: 0.15,
    ...SHARE,
    help: 'Например, 0,15 — 15 % школ с самым низким индексом социального благополучия.',
  },
  {
    code: 'objectivity_threshold',
    label: 'Порог завышения текущих отметок (ВПР ниже журнала)',
    type: 'number',
    default: 0.3,
    ...SHARE,
    help:
      'Доля участников ВПР, получивших отметку ниже журнальной, выше которой текущие отметки ' +
      'считаются завышенными.',
  },
  {
    code: 'objectivity_higher_threshold',
    label: 'Порог необъективности ВПР (ВПР выше журнала)',
    type: 'number',
    default: 0.15,
    ...SHARE,
    help:
      'Доля участников ВПР, получивших отметку выше журнальной, выше которой результаты ВПР ' +
      'могут быть необъективными.',
  },
  {
    code: 'shrinkage_k',
    label: 'Сглаживание долей малых школ (k)',
    type: 'number',
    default: 10,
    min: 0,
    help:
      'Доли, по которым школы сравниваются, сдвигаются к муниципальной доле: (число + k·доля ' +
      'муниципалитета) / (участники + k). 0 — без сглаживания.',
  },
  {
    code: 'isb_rule',
    label: 'Правило расчётного статуса ШНСУ',
    type: 'choice',
    default: 'quantile',
    choices: ['quantile', 'threshold'],
    help:
      'quantile — доля школ с самым низким ИСБ (параметр выше); threshold — ИСБ ниже порога ' +
      '(параметр ниже).',
  },
  {
    code: 'isb_threshold',
    label: 'Порог ИСБ для расчётного статуса ШНСУ',
    type: 'number',
    default: 60,
    min: 0,
    max: 100,
    help: 'При правиле threshold школа с ИСБ ниже порога получает расчётный статус ШНСУ.',
  },
  {
    code: 'max_recommendations',
    label: 'Наибольшее число адресных рекомендаций школе',
    type: 'number',
    default: 5,
    min: 1,
    max: 20,
    integer: true,
    help: 'Остальные сработавшие правила попадают в письмо школе как «дополнительно».',
  },
  {
    code: 'peer_count',
    label: 'Число похожих школ',
    type: 'number',
    default: 5,
    min: 1,
    max: 50,
    integer: true,
    help: 'Сколько школ с самым похожим контекстом показывать рядом со школой.',
  },
];

/** Risk factor thresholds (section 6, rev 2; defaults in the spec's table). */
function riskShare(code: string, label: string, value: number): SettingDef {
  return { code, label, type: 'number', default: value, ...SHARE, help: '' };
}

const RISK_THRESHOLDS: SettingDef[] = [
  riskShare(
    'risk_teachers_diagnosed_min',
    'Фактор «компетентность педагогов»: высокий, если доля прошедших диагностику меньше',
    0.5,
  ),
  riskShare(
    'risk_teachers_with_iom_min',
    'Фактор «компетентность педагогов»: средний, если доля педагогов с ИОМ меньше',
    0.3,
  ),
  {
    code: 'risk_internal_monitorings_min',
    label: 'Фактор «внутришкольная система ПК»: внутренних мониторингов меньше',
    type: 'number',
    default: 3,
    min: 0,
    integer: true,
    help: '',
  },
  riskShare(
    'risk_language_high',
    'Фактор «языковые барьеры»: высокий, если доля с неродным русским языком больше',
    0.3,
  ),
  riskShare(
    'risk_language_medium',
    'Фактор «языковые барьеры»: средний, если доля с неродным русским языком больше',
    0.1,
  ),
  riskShare(
    'risk_motivation_high',
    'Фактор «учебная мотивация»: высокий, если доля с низкой мотивацией больше',
    0.3,
  ),
  riskShare(
    'risk_motivation_medium',
    'Фактор «учебная мотивация»: средний, если доля с низкой мотивацией больше',
    0.15,
  ),
];

/**
 * Settings of revision 1 that no longer exist: the z-score ИСБ's weights by field and the
 * old risk factors. A spreadsheet set up before keeps their rows; they are skipped without a
 * message (a choice: a weight tuned for z-scores means nothing on the absolute scale, so it is
 * not carried over to the new component of the same name).
 */
export const RETIRED_SETTINGS: ReadonlySet<string> = new Set([
  'isb_weight_students_single_parent',
  'isb_weight_students_parents_higher_ed',
  'isb_weight_students_registered_kdn',
  'isb_weight_students_registered_school',
  'isb_weight_students_non_native',
  'isb_weight_students_not_attested',
  'isb_weight_students_truancy',
  'isb_weight_students_special_needs',
  'isb_weight_remote_location',
  'isb_weight_small_school',
  'isb_weight_infrastructure_deficit',
  'isb_weight_staff_shortage',
  'risk_learning_failure_factor',
  'risk_special_needs_factor',
  'risk_language_share',
  'risk_behaviour_factor',
]);

/** Weights and caps of the ИСБ components (rev 2). */
function isbSettings(): SettingDef[] {
  const out: SettingDef[] = [];
  for (const c of ISB_COMPONENTS) {
    out.push({
      code: isbWeightSetting(c.code),
      label: `Вес в ИСБ: ${c.title}`,
      type: 'number',
      default: 1,
      min: 0,
      help: '0 — не учитывать показатель в ИСБ.',
    });
  }
  for (const c of ISB_COMPONENTS) {
    if (c.cap === undefined) continue;
    out.push({
      code: isbCapSetting(c.code),
      label: `Предел доли в ИСБ: ${c.title}`,
      type: 'number',
      default: c.cap,
      min: 0.01,
      max: 1,
      help: c.inverse
        ? 'Доля, начиная с которой неблагоприятность по показателю равна 0.'
        : 'Доля, начиная с которой неблагоприятность по показателю наибольшая (1).',
    });
  }
  return out;
}

/**
 * Optional regional reference values of the results index components (rev 2): with both the
 * mean and the standard deviation of a component, schools are standardised against the
 * region, and indices of several municipalities compare.
 */
function referenceSettings(): SettingDef[] {
  return RESULT_COMPONENTS.flatMap((c) => [
    {
      code: `ref_mean_${c.code}`,
      label: `Региональное среднее: ${c.title}`,
      type: 'number' as const,
      default: '',
      ...SHARE,
      help: 'Доля (0,12 или 12%). Пусто — сравнение со школами муниципалитета.',
    },
    {
      code: `ref_sd_${c.code}`,
      label: `Региональное стандартное отклонение: ${c.title}`,
      type: 'number' as const,
      default: '',
      min: 0.0001,
      max: 1,
      help: 'Используется вместе с региональным средним.',
    },
  ]);
}

function facts(): SettingDef[] {
  return MUNICIPAL_FACTS.map((f) => ({
    code: f.code,
    label: f.label,
    type: 'bool' as const,
    default: false,
    help: 'Да / нет (в сводке: имеется / отсутствует).',
  }));
}

export const SETTINGS: readonly SettingDef[] = [
  ...GENERAL,
  ...THRESHOLDS,
  ...isbSettings(),
  ...referenceSettings(),
  ...RISK_THRESHOLDS,
  ...facts(),
];

const SETTING_INDEX = new Map(SETTINGS.map((s) => [s.code, s]));

export function settingByCode(code: string): SettingDef | undefined {
  return SETTING_INDEX.get(code);
}

/** Every setting at its default. */
export function defaultSettings(): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const s of SETTINGS) out[s.code] = s.default;
  return out;
}
