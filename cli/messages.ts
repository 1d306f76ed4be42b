/**
 * Every Russian text of the offline tools (`npx shnor-monitor`, `npm start`): progress,
 * results, usage errors, `--help` and the template guide. The add-on's texts are in
 * src/core/messages.ts.
 */
import type { RowsAccount } from '../src/core/rowAccount';
import { countWithNoun, formatNumber } from '../src/core/text';

const CELLS = ['ячейка', 'ячейки', 'ячеек'] as const;
/** The offline tools (npm start, the run command): progress and results in the terminal. */
export const CLI = {
  stages: {
    setup: 'настройка: листы, анкета, триггер (меню «Настроить мониторинг…»)',
    ingest: 'приём ответов: сверка «Ответы формы» → «Данные» (меню «Сверить ответы»)',
    recompute: 'пересчёт показателей',
    report: 'аналитическая записка',
    export: 'выгрузка в файлы',
  } as Record<string, string>,
  submitted: (done: number, total: number) => `ответы школ через форму: ${done} из ${total}`,
  result: (period: string, responded: number, total: number, rejected: number) =>
    `Период ${period}: данные представили ${responded} из ${total}; отклонено ответов: ${rejected}.`,
  files: 'Файлы:',
  done: (seconds: string) => `Готово за ${seconds} с.`,
} as const;

/** `shnor-monitor run` and `template`: where a file cannot be read, and why. */
export const CLI_INPUT = {
  where: (file: string, row?: number, column?: string) =>
    `Файл «${file}»${row ? `, строка ${row}` : ''}${column ? `, столбец ${column}` : ''}`,
  columnName: (name: string) => `«${name}»`,
  columnNumber: (n: number) => `№ ${n}`,
  notFound: 'файл не найден',
  unreadable: (reason: string) => `файл не читается: ${reason}`,
  empty: 'файл пуст: нет ни заголовка, ни строк',
  noRows: 'в файле только заголовок, нет ни одной строки данных',
  missingColumn: (code: string, label: string, found: string) =>
    `нет обязательного столбца «${code}»${label ? ` (${label})` : ''}; в заголовке: ${found}`,
  duplicateColumn: (code: string, first: string) =>
    `столбец означает то же, что столбец «${first}» (${code}); оставьте один из них`,
  notCsvWorkbook: 'это не CSV, а книга Excel (.xlsx): укажите её в параметре --xlsx',
  notCsvBinary: 'это не CSV: в файле двоичные данные, а не текст',
  unknownEncoding:
    'не удалось определить кодировку: файл не в UTF-8 и не в Windows-1251. ' +
    'Сохраните его в Excel как «CSV UTF-8 (разделитель — запятая)»',
  quoteNotClosed: 'кавычка открыта, но не закрыта до конца файла',
  quoteSwallowsRows: (from: number, to: number) =>
    `здесь открыта кавычка, которая закрывается только в строке ${to}: строки ${from}–${to} ` +
    'слились бы в одну. Закройте кавычку в этой строке или уберите её',
  rowWidth: (cells: number, header: number) =>
    `в строке ${countWithNoun(cells, CELLS)}, а в заголовке ${header}: ` +
    'строка не принята (недостающие ячейки не додумываются)',
  badCsv: (reason: string) => `ошибка разбора CSV: ${reason}`,
  badTimestamp: (value: string) =>
    `«${value}» — не дата и время (ожидается ДД.ММ.ГГГГ Ч:ММ:СС или ГГГГ-ММ-ДДTЧЧ:ММ:СС)`,
  badTimeZone: (zone: string) =>
    `«${zone}» — неизвестный часовой пояс (пример: Europe/Moscow, Asia/Krasnoyarsk)`,
  notWorkbook: 'это не книга Excel (.xlsx)',
  sheetFile: (file: string, sheet: string) => `${file} [${sheet}]`,
  missingSheet: (sheet: string) => `в книге нет листа «${sheet}»`,
  missingResponsesSheet: (a: string, b: string) => `в книге нет ни листа «${a}», ни листа «${b}»`,
  tooManyRows: (rows: number, perRow: number, limit: number, max: number) =>
    `строк ответов ${formatNumber(rows)}: в таблице это около ${formatNumber(rows * perRow)} ` +
    `ячеек, а таблица Google вмещает не больше ${formatNumber(limit)}. Разделите ответы по ` +
    `периодам: за один запуск — не больше ${formatNumber(max)} строк`,
  duplicateSchool: (id: string, first: number, second: number) =>
    `код ОО «${id}» повторяется в строках ${first} и ${second}: у каждой школы свой код. ` +
    'Исправьте код или удалите лишнюю строку',
  settingsPeriodWithoutResponses: (period: string, available: string) =>
    `отчётный период ${period}: в ответах нет ни одной строки за этот период` +
    (available ? ` (есть: ${available})` : ''),
  inFile: (file: string, text: string) => `Файл «${file}»: ${text}`,
  unknownColumn: (file: string, column: string) =>
    `Файл «${file}», столбец «${column}»: не распознан и пропущен`,
} as const;

/** The output folder of `run` and `template` (checked before anything is computed). */
export const CLI_OUTPUT = {
  where: (dir: string, detail: string) => `Папка для результатов «${dir}»: ${detail}`,
  empty: '--out: не указана папка для результатов (пустое имя)',
  isFile: 'это файл, а не папка; укажите папку (её можно не создавать заранее)',
  cannotWrite: (code: string) =>
    'папку нельзя создать или в неё нельзя записать' +
    (code === 'ENOTDIR'
      ? ': часть пути — файл, а не папка'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? ': нет прав на запись'
        : code === 'ENOSPC' || code === 'EDQUOT'
          ? ': нет места на диске'
          : code
            ? ` (${code})`
            : ''),
} as const;

/** Usage errors of the command line (exit code 2). */
export const CLI_USAGE = {
  error: (text: string) => `Ошибка: ${text}`,
  missingOption: (flag: string) => `не указан обязательный параметр ${flag}`,
  missingValue: (flag: string) => `у параметра ${flag} нет значения`,
  unknownOption: (flag: string) => `неизвестный параметр ${flag}`,
  unknownCommand: (name: string) => `неизвестная команда «${name}»`,
  excessArguments: (args: string) => `лишние аргументы: ${args}`,
  needRegistry: 'укажите реестр школ (--registry registry.csv) или книгу (--xlsx monitoring.xlsx)',
  needResponses:
    'укажите ответы школ (--responses responses.csv) или книгу (--xlsx monitoring.xlsx)',
  badPeriodOption: (value: string, problem: string) => `--period «${value}»: ${problem}`,
  periodWithoutResponses: (period: string, available: string) =>
    `--period ${period}: в ответах нет ни одной строки за этот период` +
    (available ? `; есть: ${available}` : ''),
  seeHelp: 'Справка: npx shnor-monitor --help (или npx shnor-monitor run --help)',
} as const;

/** `--help` (the English half of the help lives in cli/help.ts). */
export const CLI_HELP = {
  usage: 'Использование:',
  options: 'Параметры:',
  commands: 'Команды:',
  arguments: 'Аргументы:',
  globalOptions: 'Общие параметры:',
  usageRoot: '[параметры] [команда]',
  usageCommand: '[параметры]',
  program:
    'Мониторинг ШНОР и ШНСУ без Google: тот же расчёт, что в надстройке, по файлам CSV или ' +
    'выгрузке таблицы .xlsx.',
  help: 'показать справку',
  helpCommand: 'справка по команде',
  version: 'показать версию',
  run: 'рассчитать мониторинг по файлам и записать monitoring.xlsx, report.docx, summary.json',
  registry: 'реестр школ (CSV): school_id, name, municipality, locality, …',
  responses: 'ответы школ (CSV), по строке на отправку; параметр можно повторять',
  lists: 'официальные перечни (CSV): period, school_id, status',
  links:
    'коды доступа выданных ссылок (CSV): school_id, period, access_code — по ним проверяется столбец access_code ответов',
  settings: 'настройки (CSV): key, value',
  xlsx: 'вместо CSV: выгрузка таблицы надстройки (.xlsx) с листами «Реестр школ», «Перечни», «Настройки», «Ответы формы» или «Данные»',
  period:
    'отчётный период, например 2021-2022 (по умолчанию — period из настроек, иначе последний в ответах)',
  out: 'папка для результатов',
  quiet: 'не показывать ход работы',
  template:
    'записать пустые шаблоны registry.csv, lists.csv, responses.csv, settings.csv и README.txt',
  templateOut: 'папка для шаблонов',
  exitCodes:
    'Коды завершения: 0 — готово (в том числе с отклонёнными строками), 1 — файл не читается ' +
    'или в папку для результатов нельзя записать, 2 — ошибка в командной строке.',
  example: 'Пример:',
} as const;

/** Progress and results of `shnor-monitor run` in the terminal. */
export const CLI_RUN = {
  reading: 'чтение файлов',
  period: (period: string, source?: 'option' | 'settings' | 'responses', file?: string) =>
    `Отчётный период: ${period}` +
    (source === 'settings'
      ? ` (из настроек${file ? `, ${file}` : ''})`
      : source === 'responses'
        ? ' (последний в ответах)'
        : ''),
  noPeriod: 'Отчётный период: не указан; взят из настроек или последний в данных',
  noResponses: 'В ответах нет ни одной строки: показатели будут без данных школ',
  accessCodeIgnored:
    'Столбец access_code есть, но в анкете нет вопроса с кодом доступа: коды не проверяются',
  progressBar: 'ответы школ |{bar}| {value} из {total}',
  unlistedSchool: 'нет в списке анкеты',
  held: (count: number) => `На проверке у инспектора: ${count}.`,
  rejectedHeading: 'Отклонённые строки (подробно — в summary.json и на листе «Отклонено»):',
  heldHeading: 'Строки на проверке:',
  rowLine: (where: string, school: string, reasons: string) =>
    `  ${where}${school ? `, школа ${school}` : ''}: ${reasons}`,
  sourceRow: (file: string, line: number) => `${file}, строка ${line}`,
  sheetRow: (row: number) => `строка ${row} листа «Ответы формы»`,
  more: (count: number) => `  … и ещё ${count}`,
  internalError: 'Внутренняя ошибка программы (сообщите разработчикам):',
  excelCut: (length: number) =>
    ` […в Excel ячейка вмещает не больше 32 767 символов, а в тексте ${formatNumber(length)}: ` +
    'середина пропущена, полный текст — в таблице Google или в файле ответов…] ',
  codesUnchecked:
    'В ответах есть столбец access_code, но коды выданных ссылок не даны (--links links.csv ' +
    'или лист «Ссылки школам» в --xlsx): коды доступа не проверены, ответы приняты без этой проверки',
  accounting: (r: RowsAccount) =>
    `Строки ответов: прочитано ${r.read} = принято ${r.accepted} + заменено ${r.superseded} + ` +
    `отклонено ${r.rejected} + на проверке ${r.held} + пустых ${r.blank}.`,
  buildMissing: 'Сборка dist/ не найдена, собираю (npm run build)…',
  buildFailed: 'Не удалось собрать dist/: выполните npm ci и npm run build',
} as const;

/** `shnor-monitor template`: the files it writes and the short guide (README.txt). */
export const CLI_TEMPLATE = {
  written: (dir: string) => `Шаблоны записаны в ${dir}:`,
  kept: 'Уже были в папке и оставлены как есть (шаблон никогда не перезаписывает файлы):',
  readme: (fieldsList: string, settingsList: string, yes: string, no: string) =>
    [
      'Мониторинг ШНОР и ШНСУ: файлы для расчёта без Google',
      '====================================================',
      '',
      'Заполните файлы и выполните в папке проекта:',
      '',
      '  npx shnor-monitor run --registry registry.csv --responses responses.csv \\',
      '      --lists lists.csv --settings settings.csv --out результат',
      '',
      'В папке «результат» появятся monitoring.xlsx (все листы таблицы), report.docx',
      '(аналитическая записка) и summary.json (сводка для других программ).',
      '',
      'Формат файлов',
      '-------------',
      '- Разделитель — точка с запятой или запятая; кодировка UTF-8 (с BOM или без) или',
      '  Windows-1251 (так сохраняет русский Excel: «CSV (разделители — точка с запятой)»).',
      '- Первая строка — заголовок. Столбцы можно называть кодами (school_id) или так, как',
      '  называются вопросы анкеты («Образовательная организация (код ОО)»).',
      '- Коды школ — текст: 0012 остаётся 0012. В Excel задайте столбцу формат «Текстовый».',
      `- Да/нет. «Да»: ${yes}. «Нет»: ${no}.`,
      '  Регистр и точка в конце не важны. Другие ответы («+», «-», «д», «частично») строка',
      '  не принимается: она попадает в отклонённые с объяснением.',
      '- Время ответа: 15.05.2022 9:05:00 (московское время, если в settings.csv не указан',
      '  time_zone) или 2022-05-15T09:05:00+03:00.',
      '',
      'registry.csv — реестр школ (обязательно)',
      '  school_id — код ОО (обязательно); name — краткое наименование (обязательно);',
      '  municipality; locality — urban/rural (город/село); email; is_internship_site — да/нет;',
      '  leader_school_id — код школы-лидера; active — участвует в мониторинге (да/нет, пусто — да).',
      '',
      'lists.csv — официальные перечни (необязательно): period; school_id;',
      '  status — ШНОР, ШНСУ или ШНОР+ШНСУ.',
      '',
      'responses.csv — ответы школ (обязательно), одна строка на одну отправку анкеты:',
      '  timestamp — время отправки; period — учебный год (2021-2022); далее поля анкеты.',
      '  Более поздний ответ школы за тот же период заменяет прежний. Ошибочные строки не',
      '  прерывают расчёт: они перечислены в summary.json (rejected) и на листе «Отклонено».',
      '  Столбец access_code (код доступа школы) необязателен. Коды сверяются с кодами',
      '  выданных ссылок: --links links.csv (school_id;period;access_code) или лист «Ссылки',
      '  школам» в --xlsx; ответ с неверным кодом ставится на проверку (held). Без них коды',
      '  не проверяются (об этом будет сказано).',
      '  Поля анкеты:',
      fieldsList,
      '',
      'settings.csv — настройки (необязательно): столбцы key и value, например',
      '  status_source;official  или  mun_identification_method;да',
      '  Параметры:',
      settingsList,
      '  time_zone — часовой пояс времени ответов (по умолчанию Europe/Moscow).',
      '',
      'Вместо CSV можно указать выгрузку таблицы надстройки: Файл → Скачать → Microsoft Excel',
      '(.xlsx), затем  npx shnor-monitor run --xlsx таблица.xlsx --out результат',
      '',
      'Коды завершения: 0 — готово (отклонённые строки — тоже данные), 1 — файл не читается',
      '(сообщение называет файл, строку и столбец) или в папку для результатов нельзя',
      'записать, 2 — ошибка в командной строке (в том числе --period без ответов за него).',
      '',
    ].join('\r\n'),
} as const;

/** Other names the offline files may give the timestamp, period and access-code columns. */
export const CLI_ALIASES = {
  timestamp: ['отметка времени', 'время', 'время отправки', 'дата и время', 'получен'],
  period: ['период', 'учебный год', 'отчётный период'],
  accessCode: ['код доступа', 'код доступа школы'],
  collectedEmail: ['адрес электронной почты', 'электронная почта'],
  settingsKey: ['ключ', 'code'],
} as const;
