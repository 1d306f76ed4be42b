/**
 * The spreadsheet's schema: every sheet's name and columns — each column's code (what the
 * program looks it up by), the words its header shows (and older ones that still read back),
 * and its layout. Sheets are read by column code, never by position, so the inspector may
 * reorder columns or add their own. (The add-on's other Russian texts are in
 * src/core/messages.ts; a sheet's name is its identity in Google Sheets, so it lives here.)
 */
import {
  FIELDS,
  LIST_COLUMNS,
  REGISTRY_COLUMNS,
  RULE_COLUMNS,
  type ColumnDef,
  type FieldDef,
} from '../core/catalogue';
import { DECISION, YES_NO } from '../core/words';
import type { Cell } from '../core/types';
import type { ColumnLayout, SheetLayout, Table } from '../ports';
import { periodText } from '../core/text';

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
  dynamics: 'Динамика',
  notResponded: 'Не представили',
  recommendations: 'Рекомендации',
  rules: 'Правила',
  journal: 'Журнал',
  links: 'Ссылки школам',
  outbox: 'Исходящие письма',
  formulaValues: 'Значения для формул',
  /** «Проверить установку» writes its test cells here and deletes the sheet. */
  checkScratch: 'Проверка установки (временный лист)',
  registryHistory: 'История реестра',
  measures: 'Меры',
  /** The add-on build's own key-value store (hidden): see adapters/gas/sheet-properties.ts. */
  addonState: 'Служебные данные надстройки',
} as const;

/** Document properties the product keeps. */
export const FORM_ID_KEY = 'form.id';
export const TITLE_MAP_KEY = 'form.titles';
/** The id of the school question: a rejected response's edit link is found without a scan. */
export const SCHOOL_ITEM_KEY = 'form.schoolItem';
export const RESPONSES_SHEET_KEY = 'form.responsesSheetId';
/** The «Данные» header the sheet was last laid out with (see ensureDataLayout). */
export const DATA_LAYOUT_KEY = 'data.layout';
/**
 * Set by the offline command when it is given the codes a deployment issued (`--links`, or the
 * «Ссылки школам» of an .xlsx): access codes are then checked against that sheet, because the
 * offline run does not have the deployment's secret (domain spec 9).
 */
export const CODES_FROM_LINKS_KEY = 'access.codesFromLinks';
/** Set by the offline command: the report says how data came in without a Google Form. */
export const OFFLINE_RUN_KEY = 'run.offline';

export interface SheetColumn<C extends string = string> extends ColumnLayout {
  code: C;
  /** The header cell's words. */
  header: string;
  /** Earlier header words that still read back to this column. */
  formerHeaders?: readonly string[];
  /** The note on the header cell. */
  note?: string;
}

export interface SheetSchema<C extends string = string> {
  name: string;
  columns: readonly SheetColumn<C>[];
}

const DATE_TIME = 'dd.MM.yyyy HH:mm:ss';

const col = <C extends string>(
  code: C,
  header: string,
  layout: Omit<SheetColumn, 'code' | 'header'> = {},
): SheetColumn<C> => ({ code, header, ...layout });

/** «Label (code)»: columns the inspector fills, named both ways. */
const coded = (c: Pick<ColumnDef, 'code' | 'label'>): string => `${c.label} (${c.code})`;

export const SETTINGS_SHEET = {
  name: SHEETS.settings,
  columns: [
    col('key', 'Код', { width: 220 }),
    col('label', 'Параметр', { width: 380 }),
    col('value', 'Значение', { width: 160 }),
    col('help', 'Пояснение', { width: 480 }),
  ],
} as const satisfies SheetSchema;

export const REGISTRY_SHEET: SheetSchema = {
  name: SHEETS.registry,
  columns: REGISTRY_COLUMNS.map((c) =>
    col(c.code, coded(c), {
      formerHeaders: [c.label],
      note: c.help,
      width: c.code === 'name' ? 280 : 150,
      numberFormat: c.code === 'school_id' || c.type === 'school_ref' ? '@' : undefined,
      allowed:
        c.type === 'bool' ? YES_NO.shown() : c.type === 'locality' ? ['город', 'село'] : undefined,
    }),
  ),
};

const LIST_WIDTHS: Record<string, ColumnLayout> = {
  period: { width: 120 },
  school_id: { width: 140, numberFormat: '@' },
  status: { width: 140, allowed: ['ШНОР', 'ШНСУ', 'ШНОР+ШНСУ'] },
};

export const LISTS_SHEET: SheetSchema = {
  name: SHEETS.lists,
  columns: LIST_COLUMNS.map((c) =>
    col(c.code, coded(c), { formerHeaders: [c.label], ...LIST_WIDTHS[c.code] }),
  ),
};

const RULE_WIDTHS: Record<string, number> = { code: 220, text: 520, applies_to: 110 };

export const RULES_SHEET: SheetSchema = {
  name: SHEETS.rules,
  columns: RULE_COLUMNS.map((c) =>
    col(c.code, coded(c), { formerHeaders: [c.label], width: RULE_WIDTHS[c.code] ?? 90 }),
  ),
};

/**
 * «Данные»: whose, for which period, which response and when, then one column per field code.
 * (The lead codes differ from the field codes `school_id` and `period`, whose columns stay
 * blank: the lead columns hold the school and period of record.)
 */
export const DATA_LEAD = [
  col('school', 'Код ОО', { note: 'Код ОО' }),
  col('reporting_period', 'Период', { note: 'Период' }),
  col('response_row', 'Строка ответа', { note: 'Строка ответа' }),
  col('received', 'Получен', { note: 'Получен', numberFormat: DATE_TIME }),
] as const;

export function dataSheet(fields: readonly FieldDef[] = FIELDS): SheetSchema {
  return {
    name: SHEETS.data,
    columns: [...DATA_LEAD, ...fields.map((f) => col(f.code, f.code, { note: f.label }))],
  };
}

export const REJECTED_SHEET = {
  name: SHEETS.rejected,
  columns: [
    col('row', 'Строка ответа'),
    col('received', 'Получен', { numberFormat: DATE_TIME }),
    col('school_id', 'Код ОО'),
    col('period', 'Период'),
    col('reasons', 'Причины', { width: 420 }),
    col('state', 'Состояние', { width: 130 }),
    col('decision', 'Решение инспектора', { width: 150, allowed: DECISION.shown() }),
  ],
} as const satisfies SheetSchema;

export const JOURNAL_SHEET = {
  name: SHEETS.journal,
  columns: [
    col('time', 'Время', { width: 150, numberFormat: DATE_TIME }),
    col('event', 'Событие', { width: 260 }),
    col('details', 'Подробности', { width: 600 }),
  ],
} as const satisfies SheetSchema;

export const OUTBOX_SHEET = {
  name: SHEETS.outbox,
  columns: [
    col('key', 'Ключ'),
    col('created', 'Создано'),
    col('to', 'Кому'),
    col('subject', 'Тема'),
    col('body', 'Текст'),
    col('sent', 'Отправлено'),
  ],
} as const satisfies SheetSchema;

export const LINKS_SHEET = {
  name: SHEETS.links,
  columns: [
    col('school_id', 'Код ОО', { width: 90 }),
    col('name', 'Школа', { width: 260 }),
    col('email', 'E-mail', { width: 200 }),
    col('period', 'Период', { width: 90 }),
    col('access_code', 'Код доступа', { width: 100 }),
    col('url', 'Ссылка на анкету', { width: 520 }),
  ],
} as const satisfies SheetSchema;

/** «Показатели»: one row per school. */
const INDEX = { width: 110, numberFormat: '0.00' };
export const INDICATORS_SHEET = {
  name: SHEETS.indicators,
  columns: [
    col('school_id', 'Код ОО', { width: 110 }),
    col('name', 'Школа', { width: 260 }),
    col('responded', 'Представила данные', { width: 110 }),
    col('official_status', 'Статус по перечню', { width: 110 }),
    col('computed_status', 'Расчётный статус', { width: 110 }),
    col('status', 'Статус', { width: 110 }),
    col('status_mismatch', 'Расхождение', { width: 110 }),
    col('results_index', 'Индекс результатов', INDEX),
    col('results_index_no_vpr', 'Индекс результатов без ВПР', INDEX),
    col('results_index_prev', 'Индекс результатов (пред.)', INDEX),
    col('isb', 'ИСБ (0–100)', { width: 110, numberFormat: '0.0' }),
    col('isb_prev', 'ИСБ (пред.)', { width: 110, numberFormat: '0.0' }),
    col('risk_zone', 'Зона риска', { width: 110 }),
    col('resilient', 'Успешно преодолевает сложности', { width: 110 }),
    col('residual', 'Остаток (результаты − ИСБ)', { width: 110 }),
    col('dynamics', 'Динамика', { width: 110 }),
    col('effective_mode', 'Эффективный режим', { width: 110 }),
    col('objectivity_flags', 'Объективность ВПР', { width: 110 }),
    col('risk_profile', 'Факторы риска «500+» (уровень)', { width: 110 }),
    col('peers', 'Похожие школы', { width: 110 }),
    col('peer_rank', 'Место среди похожих', { width: 110 }),
    col('municipal_rank', 'Место в муниципалитете', { width: 110 }),
    col('leader_suggestions', 'Предлагаемые школы-лидеры', { width: 110 }),
    col('recommendations', 'Рекомендации', { width: 110 }),
  ],
} as const satisfies SheetSchema;

/**
 * «Сводка»: the municipal summary; two headers name the periods compared. The reader sees
 * Russian only: the indicator codes (read by `SHNOR_INDICATOR`) sit in the hidden column A.
 */
export function summarySchema(period: string, previous: string | null) {
  return {
    name: SHEETS.summary,
    columns: [
      col('code', 'Код', { width: 60, hidden: true }),
      col('section', 'Раздел', { width: 150, wrap: true }),
      col('title', 'Показатель', { width: 460, wrap: true }),
      col('count', 'Кол-во', { width: 70 }),
      col('denominator', 'Из', { width: 60 }),
      col('percent', `${periodText(period)}, %`, {
        width: 100,
        numberFormat: PERCENT,
        formerHeaders: [`%, ${period}`],
      }),
      col('previous_percent', `${previous ? periodText(previous) : 'Пред. период'}, %`, {
        width: 100,
        numberFormat: PERCENT,
        formerHeaders: [`%, ${previous ?? 'пред. период'}`],
      }),
      col('change_pp', 'Изменение, п.п.', { width: 110, numberFormat: CHANGE_PP }),
      col('note', 'Примечание', { width: 260, wrap: true }),
    ],
  } as const satisfies SheetSchema;
}

/** Percents stored as 38.9, shown `38,9 %` (the decimal sign is the reader's locale's). */
const PERCENT = '0.0" %"';
/** A change in percentage points with its sign and a true minus. */
export const CHANGE_PP = '+0.0" п.п.";"\u2212"0.0" п.п.";0.0" п.п."';

/** «Динамика»: one row per school, the status of record last period and now. */
const CHANGE_INDEX = '+0.00;"\u2212"0.00;0.00';
const CHANGE_ISB = '+0.0;"\u2212"0.0;0.0';
export const DYNAMICS_SHEET = {
  name: SHEETS.dynamics,
  columns: [
    col('name', 'Школа', { width: 300, wrap: true }),
    col('status_prev', 'Статус в прошлом периоде', { width: 140, wrap: true }),
    col('status', 'Статус сейчас', { width: 140, wrap: true }),
    col('dynamics', 'Динамика', { width: 110 }),
    col('results_index_change', 'Изменение индекса результатов', {
      width: 130,
      numberFormat: CHANGE_INDEX,
    }),
    col('isb_change', 'Изменение ИСБ', { width: 110, numberFormat: CHANGE_ISB }),
    col('effective_mode', 'Эффективный режим', { width: 110 }),
  ],
} as const satisfies SheetSchema;

/** «Не представили»: active schools without an accepted response for the period. */
export const NOT_RESPONDED_SHEET = {
  name: SHEETS.notResponded,
  columns: [
    col('name', 'Школа', { width: 300, wrap: true }),
    col('school_id', 'Код ОО', { width: 90, numberFormat: '@' }),
    col('email', 'E-mail', { width: 220 }),
    col('url', 'Ссылка на анкету', { width: 420 }),
    col('rejected', 'Отклонено ответов', { width: 110 }),
    col('held', 'Ответов на проверке', { width: 110 }),
  ],
} as const satisfies SheetSchema;

export const RECOMMENDATIONS_SHEET = {
  name: SHEETS.recommendations,
  columns: [
    col('school_id', 'Код ОО', { width: 100 }),
    col('name', 'Школа', { width: 240 }),
    col('status', 'Статус', { width: 100 }),
    col('rule_id', 'Правило', { width: 70 }),
    // rev 2: 1…5 in the school's order, or «дополнительно» beyond `max_recommendations`.
    col('priority', 'Очерёдность', { width: 110 }),
    col('addressee', 'Адресат', { width: 90 }),
    col('text', 'Рекомендация', { width: 600 }),
  ],
} as const satisfies SheetSchema;

/** The codes of a schema's columns. */
export type CodeOf<S extends SheetSchema> = S['columns'][number]['code'];

export function headerOf(schema: SheetSchema): string[] {
  return schema.columns.map((c) => c.header);
}

/** Frozen bold header, widths, formats, dropdowns and header notes. */
export function layoutOf(schema: SheetSchema): SheetLayout {
  const columns = schema.columns.map(({ width, numberFormat, allowed, wrap, hidden }) => ({
    ...(width ? { width } : {}),
    ...(hidden ? { hidden } : {}),
    ...(numberFormat ? { numberFormat } : {}),
    ...(allowed ? { allowed } : {}),
    ...(wrap ? { wrap } : {}),
  }));
  const notes = schema.columns.some((c) => c.note !== undefined)
    ? { headerNotes: schema.columns.map((c) => c.note ?? '') }
    : {};
  return { frozenRows: 1, columns, ...notes };
}

const fold = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е');

/**
 * The column code a header cell names: its header words (current or former), «words (code)»,
 * or the bare code. Null for a column the schema does not know.
 */
export function columnOf<C extends string>(schema: SheetSchema<C>, header: Cell): C | null {
  const text = String(header ?? '').trim();
  const byCode = new Map(schema.columns.map((c) => [c.code as string, c.code]));
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(text);
  if (inParens && byCode.has(inParens[1])) return byCode.get(inParens[1]) as C;
  if (byCode.has(text)) return byCode.get(text) as C;
  const words = fold(text);
  for (const c of schema.columns) {
    if ([c.header, ...(c.formerHeaders ?? [])].some((w) => fold(w) === words)) return c.code;
  }
  return null;
}

/** Each code's column index in a header row (the first column that names it). */
export function columnIndex<C extends string>(
  schema: SheetSchema<C>,
  header: readonly Cell[],
): Map<C, number> {
  const index = new Map<C, number>();
  header.forEach((h, i) => {
    const code = columnOf(schema, h);
    if (code !== null && !index.has(code)) index.set(code, i);
  });
  return index;
}

export type SheetRecord<C extends string> = Record<C, Cell>;

/**
 * The rows of a table as records keyed by column code ('' where the sheet lacks a column),
 * with their sheet row numbers; blank rows are left out.
 */
export function readRecords<C extends string>(
  schema: SheetSchema<C>,
  table: Table,
): Array<{ row: number; record: SheetRecord<C> }> {
  if (table.length === 0) return [];
  const index = columnIndex(schema, table[0]);
  const out: Array<{ row: number; record: SheetRecord<C> }> = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => c === '' || c === null)) continue;
    const record = {} as SheetRecord<C>;
    for (const c of schema.columns) {
      const i = index.get(c.code);
      record[c.code] = i === undefined ? '' : (cells[i] ?? '');
    }
    out.push({ row: r + 1, record });
  }
  return out;
}

/** A record as a row of cells in the schema's column order. */
export function rowOf<C extends string>(
  schema: SheetSchema<C>,
  record: Partial<Record<C, Cell>>,
): Cell[] {
  return schema.columns.map((c) => record[c.code] ?? '');
}

/** A whole sheet: the header, then the records. */
export function tableOf<C extends string>(
  schema: SheetSchema<C>,
  records: ReadonlyArray<Partial<Record<C, Cell>>>,
): Table {
  return [headerOf(schema), ...records.map((r) => rowOf(schema, r))];
}

/** «История реестра» (rev 2): the registry facts of each period, frozen at its recompute. */
export const REGISTRY_HISTORY_SHEET = {
  name: SHEETS.registryHistory,
  columns: [
    col('period', 'Период (period)', { width: 110 }),
    col('school_id', 'Код ОО (school_id)', { width: 110, numberFormat: '@' }),
    col('is_internship_site', 'Стажировочная площадка (is_internship_site)', { width: 150 }),
    col('leader_school_id', 'Школа-лидер (leader_school_id)', { width: 150, numberFormat: '@' }),
    col('active', 'Участвует в мониторинге (active)', { width: 150 }),
  ],
} as const satisfies SheetSchema;
/** «Меры» (domain spec §8): the inspector's measures; `schools` are the dropdown's choices. */
export function measuresSchema(schools: readonly string[], states: readonly string[]) {
  return {
    name: SHEETS.measures,
    columns: [
      col('date', 'Дата', { width: 100, numberFormat: 'dd.MM.yyyy', note: 'date' }),
      col('school_id', 'Школа', { width: 300, allowed: schools, note: 'school_id' }),
      col('measure', 'Мера (управленческое решение)', { width: 420, note: 'measure', wrap: true }),
      col('responsible', 'Ответственный', { width: 200, note: 'responsible' }),
      col('deadline', 'Срок', { width: 100, numberFormat: 'dd.MM.yyyy', note: 'deadline' }),
      col('status', 'Состояние', { width: 140, allowed: states, note: 'status' }),
    ],
  } as const satisfies SheetSchema;
}

/**
 * The hidden sheet with the data tables of the charts in «Сводка», and the first column of
 * each chart's table there (the report finds a chart again by it).
 */
export const CHART_DATA_SHEET = {
  name: 'Данные диаграмм',
  columns: { isb_results: 1, statuses: 10 } as Record<'isb_results' | 'statuses', number>,
} as const;

/** The order a reader meets the sheets in: results, the inspector's inputs, technical ones. */
export const READER_ORDER: readonly string[] = [
  SHEETS.summary,
  SHEETS.indicators,
  SHEETS.dynamics,
  SHEETS.notResponded,
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
  SHEETS.outbox,
];
