/**
 * The spreadsheet's schema: the names of its sheets and the columns of each, the one place
 * code looks sheets and columns up by. (Russian words shown to people live in
 * src/core/messages.ts; a sheet's name is its identity in Google Sheets, so it is kept here.)
 */
/** Sheet names of the spreadsheet (domain spec, section 2). */
export const SHEETS = {
  settings: 'Настройки',
  registry: 'Реестр школ',
  lists: 'Перечни',
  responses: 'Ответы формы',
  data: 'Данные',
  rejected: 'Отклонено',
  indicators: 'Показатели',
  summary: 'Сводка',
  recommendations: 'Рекомендации',
  rules: 'Правила',
  journal: 'Журнал',
  links: 'Ссылки школам',
  outbox: 'Исходящие письма',
  measures: 'Меры',
} as const;

/** Column titles of the product's own sheets. */
export const COLUMNS = {
  settings: ['Код', 'Параметр', 'Значение', 'Пояснение'],
  lists: ['Период (period)', 'Код ОО (school_id)', 'Статус (status)'],
  rules: [
    'Правило (rule_id)',
    'Показатель или поле (code)',
    'Условие (operator)',
    'Порог (threshold)',
    'Адресат (addressee)',
    'Рекомендация (text)',
    'Для кого (applies_to)',
  ],
  dataLead: ['Код ОО', 'Период', 'Строка ответа', 'Получен'],
  rejected: [
    'Строка ответа',
    'Получен',
    'Код ОО',
    'Период',
    'Причины',
    'Состояние',
    'Решение инспектора',
  ],
  links: ['Код ОО', 'Школа', 'E-mail', 'Период', 'Код доступа', 'Ссылка на анкету'],
  outbox: ['Ключ', 'Создано', 'Кому', 'Тема', 'Текст', 'Отправлено'],
  journal: ['Время', 'Событие', 'Подробности'],
} as const;

/** Document properties the product keeps. */
export const FORM_ID_KEY = 'form.id';
export const TITLE_MAP_KEY = 'form.titles';
export const RESPONSES_SHEET_KEY = 'form.responsesSheetId';
/** The «Данные» header the sheet was last laid out with (see ensureDataLayout). */
export const DATA_LAYOUT_KEY = 'data.layout';

/**
 * The hidden sheet with the data tables of the charts in «Сводка», and the first column of
 * each chart's table there (the report finds a chart again by it).
 */
export const CHART_DATA_SHEET = {
  name: 'Данные диаграмм',
  columns: { isb_results: 1, statuses: 10 } as Record<'isb_results' | 'statuses', number>,
} as const;

/** The order a reader meets the sheets in: results, then the inspector's inputs, then technical ones. */
export const READER_ORDER: readonly string[] = [
  SHEETS.summary,
  SHEETS.indicators,
  SHEETS.recommendations,
  SHEETS.measures,
  SHEETS.settings,
  SHEETS.registry,
  SHEETS.lists,
  SHEETS.rules,
  SHEETS.responses,
  SHEETS.data,
  SHEETS.rejected,
  SHEETS.journal,
];
