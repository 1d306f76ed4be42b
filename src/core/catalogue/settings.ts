/**
 * Every setting of `Настройки` (domain spec, sections 3, 5 and 6) with its default.
 */
import { ISB_COMPONENTS, isbWeightSetting } from './components';
import { fieldByCode } from './fields';

export type SettingType = 'number' | 'text' | 'bool' | 'choice' | 'date' | 'email-list';

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
    label: 'Напоминание: за сколько дней до срока',
    type: 'number',
    default: 3,
    min: 0,
    max: 60,
    integer: true,
    help: 'Школам без принятого ответа. 0 — не напоминать до срока.',
  },
  {
    code: 'reminder_days_after',
    label: 'Напоминание: через сколько дней после срока',
    type: 'number',
    default: 1,
    min: 0,
    max: 60,
    integer: true,
    help: 'Повторное напоминание школам без принятого ответа. 0 — не напоминать.',
  },
  {
    code: 'inspector_emails',
    label: 'E-mail инспекторов',
    type: 'email-list',
    default: '',
    help: 'Адреса через запятую; им приходит сводка о ходе сбора данных.',
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
    label: 'Порог объективности ВПР',
    type: 'number',
    default: 0.3,
    ...SHARE,
    help: 'Доля участников ВПР, понизивших отметку по сравнению с журналом, выше которой результат помечается.',
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

/** Risk profile thresholds (section 6, defaults in brackets there). */
const RISK_THRESHOLDS: SettingDef[] = [
  {
    code: 'risk_teachers_diagnosed_min',
    label: 'Риск «педагоги»: доля прошедших диагностику меньше',
    type: 'number',
    default: 0.5,
    ...SHARE,
    help: '',
  },
  {
    code: 'risk_teachers_with_iom_min',
    label: 'Риск «педагоги»: доля педагогов с ИОМ меньше',
    type: 'number',
    default: 0.2,
    ...SHARE,
    help: '',
  },
  {
    code: 'risk_learning_failure_factor',
    label: 'Риск «неуспешность»: во сколько раз выше муниципальной доли',
    type: 'number',
    default: 1,
    min: 0,
    help: 'Неаттестованные или «2» по ВПР выше муниципальной доли, умноженной на это число.',
  },
  {
    code: 'risk_special_needs_factor',
    label: 'Риск «ЗПР, УО»: во сколько раз выше муниципальной доли',
    type: 'number',
    default: 2,
    min: 0,
    help: '',
  },
  {
    code: 'risk_language_share',
    label: 'Риск «язык»: доля обучающихся с неродным русским языком больше',
    type: 'number',
    default: 0.1,
    ...SHARE,
    help: '',
  },
  {
    code: 'risk_behaviour_factor',
    label: 'Риск «поведение»: во сколько раз выше муниципальной доли',
    type: 'number',
    default: 2,
    min: 0,
    help: 'Состоящие на учёте (ОДН, КДН, внутришкольный) выше муниципальной доли, умноженной на это число.',
  },
  {
    code: 'risk_internal_monitorings_min',
    label: 'Риск «ВСОКО»: внутренних мониторингов меньше',
    type: 'number',
    default: 3,
    min: 0,
    integer: true,
    help: '',
  },
];

function isbWeights(): SettingDef[] {
  return ISB_COMPONENTS.map((c) => ({
    code: isbWeightSetting(c.field),
    label: `Вес в ИСБ: ${fieldByCode(c.field)?.short ?? c.field}`,
    type: 'number' as const,
    default: 1,
    min: 0,
    help: '0 — не учитывать показатель в ИСБ.',
  }));
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
  ...isbWeights(),
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
