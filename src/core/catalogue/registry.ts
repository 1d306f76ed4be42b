/**
 * Columns of `Реестр школ` and `Перечни` (domain spec, section 3).
 */

export type RegistryColumnType = 'text' | 'locality' | 'email' | 'bool' | 'school_ref';

export interface ColumnDef {
  code: string;
  label: string;
  type: RegistryColumnType | 'period' | 'status';
  required: boolean;
  help: string;
}

export const REGISTRY_COLUMNS: readonly ColumnDef[] = [
  {
    code: 'school_id',
    label: 'Код ОО',
    type: 'text',
    required: true,
    help: 'Уникальный код школы.',
  },
  { code: 'name', label: 'Краткое наименование', type: 'text', required: true, help: '' },
  { code: 'municipality', label: 'Муниципалитет', type: 'text', required: false, help: '' },
  {
    code: 'locality',
    label: 'Тип поселения (город / село)',
    type: 'locality',
    required: false,
    help: 'город (urban) или село (rural).',
  },
  { code: 'email', label: 'E-mail ответственного', type: 'email', required: false, help: '' },
  {
    code: 'is_internship_site',
    label: 'Стажировочная площадка',
    type: 'bool',
    required: false,
    help: 'да / нет',
  },
  {
    code: 'leader_school_id',
    label: 'Школа-лидер (наставник)',
    type: 'school_ref',
    required: false,
    help: 'Код ОО другой школы или пусто.',
  },
  {
    code: 'active',
    label: 'Участвует в мониторинге',
    type: 'bool',
    required: false,
    help: 'да / нет; пусто — да.',
  },
  {
    code: 'no_reminders',
    label: 'Не напоминать',
    type: 'bool',
    required: false,
    help: 'да — школе не отправляются напоминания в текущем периоде (освобождена); пусто — нет.',
  },
];

export const LIST_COLUMNS: readonly ColumnDef[] = [
  { code: 'period', label: 'Период', type: 'period', required: true, help: 'Например, 2021-2022.' },
  { code: 'school_id', label: 'Код ОО', type: 'text', required: true, help: '' },
  {
    code: 'status',
    label: 'Статус',
    type: 'status',
    required: true,
    help: 'ШНОР, ШНСУ или ШНОР+ШНСУ.',
  },
];
