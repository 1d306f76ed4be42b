/**
 * Every Russian text the user sees lives here, so wording can be polished in one place.
 * Code, comments and identifiers stay English.
 *
 * The file is shared: add new groups as new exported constants; do not reorder existing ones.
 */
import { plural } from './text';

/** The figures of the inspectors' daily digest (the reminders use case fills them). */
export interface DigestFacts {
  period: string;
  deadline: string;
  daysLeft: number;
  schools: number;
  responded: number;
  notResponded: string[];
  held: number;
  rejected: number;
  exempt: number;
  withoutEmail: number;
  madeToday: number;
  sent: number;
  queued: number;
  refused: number;
  cancelled: number;
  quotaLeft: number;
  triggers: { lines: string[] };
}

/** Menu, dialogs and the run journal of the add-on. */
export const UI = {
  menuTitle: 'Мониторинг ШНОР/ШНСУ',
  menuSetup: 'Настроить мониторинг…',
  menuSyncSchools: 'Обновить список школ в форме',
  menuRecompute: 'Пересчитать показатели',
  menuReport: 'Сформировать аналитическую записку',
  menuLetters: 'Сформировать письма школам',
  menuSendLinks: 'Разослать ссылки школам',
  menuReconcile: 'Сверить ответы',
  menuAbout: 'О программе',
  menuSidebar: 'Панель мониторинга',
  menuCheckInstallation: 'Проверить установку',
  formTitle: 'Мониторинг ШНОР и ШНСУ: анкета школы',
  formDescription:
    'Анкета заполняется одной школой один раз за отчётный период. Ответ можно изменить по ' +
    'ссылке из письма-подтверждения до окончания срока. Числа вводите целыми, без единиц ' +
    'измерения; если таких обучающихся или педагогов нет, укажите 0.',
  formConfirmation:
    'Спасибо! Ответ получен. Если в нём найдутся ошибки, на указанный адрес придёт письмо ' +
    'с тем, что нужно исправить.',
  formHintWholeNumber: 'Введите целое число (0, если таких нет)',
  formHintUrl: 'Введите ссылку, начинающуюся с http:// или https://',
  formHintEmail: 'Введите адрес электронной почты',
  setupDoneTitle: 'Мониторинг настроен',
  createdForm: 'анкета',
  createdTrigger: 'триггер отправки формы',
  setupDone: (formUrl: string, created: string) =>
    `Анкета школы: ${formUrl}\nСоздано: ${created || 'ничего, всё уже было на месте'}.`,
  recomputeDoneTitle: 'Показатели пересчитаны',
  reportDoneTitle: 'Аналитическая записка готова',
  reportDone: (url: string) =>
    `Документ: ${url}\nОн создан в корне вашего Google Диска, ссылка записана в «Журнал»; ` +
    'перенесите его в нужную папку сами.',
  aboutTitle: 'О программе',
  schoolsSynced: (count: number) => `Список школ в анкете обновлён: ${count}`,
} as const;

/** Events written to the journal sheet. */
export const JOURNAL = {
  setup: 'Настройка',
  check: 'Проверка установки',
  blank: 'Пустое событие отправки формы пропущено',
  lockTimeout: 'Не удалось дождаться блокировки; ответ будет обработан при сверке',
  recompute: 'Пересчёт показателей',
  rulesUpgraded: 'Правила обновлены до редакции 2 методики',
  rulesUpgradeDetails: (replaced: string[], added: string[], kept: string[]) =>
    [
      replaced.length ? `заменены правилами по умолчанию: ${replaced.join(', ')}` : '',
      added.length ? `добавлены: ${added.join(', ')}` : '',
      kept.length
        ? `оставлены как есть, потому что изменены вручную (сравните с новой редакцией): ${kept.join(', ')}`
        : '',
    ]
      .filter((x) => x !== '')
      .join('; '),
  recomputeDetails: (period: string, responded: number, total: number) =>
    `${period}: данные представили ${responded} из ${total}`,
  report: 'Аналитическая записка',
  rowLabel: (row: number) => `строка ${row} листа «Ответы формы»`,
  otherForm: 'Пропущен ответ другой формы (лист с другим id)',
  superseded: 'Ответ старше принятого ранее: не заменяет его',
  reconcile: 'Сверка ответов',
  mail: 'Письма',
  mailFailed: (to: string, error: string) => `Не удалось отправить письмо ${to}: ${error}`,
} as const;

/**
 * Texts of the output sheets and the analytical report's participation figure (the report's
 * own words are in report/wording.ts).
 */
export const REPORT = {
  dash: '—',
  statusMismatch: 'расчётный статус расходится с перечнем',
  participation: (responded: number, total: number, percent: string) =>
    `${responded} из ${total}${total > 0 ? ` (${percent})` : ''}`,
  additional: 'дополнительно',
} as const;

/** Noun forms for plural(): one, few, many. */
export const NOUNS = {
  school: ['школа', 'школы', 'школ'],
  schoolGen: ['школы', 'школ', 'школ'],
  response: ['ответ', 'ответа', 'ответов'],
  recommendation: ['рекомендация', 'рекомендации', 'рекомендаций'],
} as const;

export { REPORT_DOC, LETTER } from './report/wording';

/** «Сформировать письма школам»: what the user is told. */
export const LETTER_UI = {
  done: (count: number) => `Письма школам сформированы: ${count}.`,
} as const;

/** Why a typed number or yes/no was not accepted (core/parse.ts). */
export const PARSE = {
  notNumber: 'не число',
  negative: 'отрицательное число',
  fraction: 'дробное число',
  tooLarge: 'слишком большое число',
  notBool: 'ожидается «да» или «нет»',
} as const;

/** Validation of a school's response (core/validation.ts). */
export const VALIDATION = {
  badNumber: (label: string, raw: string, reason: string) =>
    `${label}: «${raw}» — ${reason}; нужно целое число не меньше 0, без единиц измерения`,
  badBool: (label: string, raw: string) =>
    `${label}: «${raw}» — ожидается «да» или «нет» (принимаются также есть, имеется, ` +
    'отсутствует, yes, no, 1, 0)',
  badUrl: (label: string, raw: string) => `${label}: «${raw}» — это не адрес страницы (https://…)`,
  required: (label: string) => `Не заполнено обязательное поле «${label}»`,
  noSchool: 'Не указана школа (код ОО)',
  unknownSchool: (id: string, meant?: string) =>
    `Школа с кодом «${id}» не найдена в реестре школ` +
    (meant
      ? `; возможно, это «${meant}»: ведущие нули теряются, если столбцу кодов не задан ` +
        'текстовый формат'
      : ''),
  inactiveSchool: (id: string, name: string) =>
    `Школа «${name}» (${id}) не участвует в мониторинге по реестру школ`,
  noPeriod: 'Не указан отчётный период',
  badPeriod: (period: string) =>
    `Отчётный период «${period}» — ожидается учебный год вида 2021-2022`,
  periodNotConsecutive: (period: string) =>
    `Отчётный период «${period}»: годы должны идти подряд (например, 2021-2022)`,
  futurePeriod: (period: string, current: string) =>
    `Отчётный период «${period}» ещё не начался (текущий учебный год — ${current})`,
  futureTimestamp: (iso: string) =>
    `Время отправки ответа (${iso.slice(0, 16).replace('T', ' ')} UTC) позже текущего: часы устройства или файл ответа неверны`,
  /** "Прошли диагностику (40) больше, чем педагогов всего (28)". */
  exceeds: (label: string, value: number, baseLabel: string, base: number) =>
    `${label} (${value}) больше, чем ${baseLabel} (${base})`,
  sumExceeds: (test: string, lower: number, higher: number, participants: number) =>
    `${test}: понизили (${lower}) и повысили (${higher}) отметку в сумме ${lower + higher} — ` +
    `больше, чем участников (${participants})`,
  missingBase: (label: string, value: number, baseLabel: string) =>
    `${label} (${value}) указано, но не заполнено поле «${baseLabel}»`,
} as const;

/** Reading the `Настройки` sheet (core/settings.ts). */
export const SETTINGS_MESSAGES = {
  integer: 'целое',
  between: (min: string, max: string) => `от ${min} до ${max}`,
  atLeast: (min: string) => `не меньше ${min}`,
  expectedNumber: (bounds: string) => `ожидается число${bounds ? ` (${bounds})` : ''}`,
  expectedBool: 'ожидается «да» или «нет»',
  expectedDays: (bounds: string) =>
    `ожидаются дни через запятую, например «7, 1»${bounds ? ` (${bounds})` : ''}`,
  expectedChoice: (choices: readonly string[]) =>
    `ожидается одно из значений: ${choices.join(', ')}`,
  expectedDate: 'ожидается дата ДД.ММ.ГГГГ',
  expectedEmails: (bad: readonly string[]) => `неверные адреса: ${bad.join(', ')}`,
  emptyDefault: 'пусто',
  unknownKey: (key: string) => `Настройки: неизвестный параметр «${key}» пропущен`,
  duplicateKey: (code: string) =>
    `Настройки: параметр «${code}» указан несколько раз, действует последнее значение`,
  badValue: (label: string, raw: string, expected: string, fallback: string) =>
    `Настройки: «${label}» = «${raw}» — ${expected}; использовано значение по умолчанию (${fallback})`,
} as const;

/** Reading `Реестр школ` and `Перечни` (core/registry.ts). */
export const REGISTRY_MESSAGES = {
  required: (row: number, column: string) =>
    `Строка ${row}, столбец «${column}»: не заполнено, строка пропущена`,
  duplicateId: (row: number, column: string, id: string, firstRow: number) =>
    `Строка ${row}, столбец «${column}»: код «${id}» уже есть в строке ${firstRow}, строка пропущена`,
  badLocality: (row: number, column: string, value: string) =>
    `Строка ${row}, столбец «${column}»: «${value}» — ожидается «город» или «село»; оставлено пустым`,
  badEmail: (row: number, column: string, value: string) =>
    `Строка ${row}, столбец «${column}»: «${value}» — это не адрес электронной почты; оставлено пустым`,
  badBool: (row: number, column: string, value: string) =>
    `Строка ${row}, столбец «${column}»: «${value}» — ожидается «да» или «нет»; взято значение по умолчанию`,
  selfLeader: (row: number, column: string) =>
    `Строка ${row}, столбец «${column}»: школа не может быть лидером для самой себя; оставлено пустым`,
  unknownLeader: (row: number, column: string, id: string) =>
    `Строка ${row}, столбец «${column}»: школы с кодом «${id}» нет в реестре; оставлено пустым`,
  badStatus: (row: number, column: string, value: string) =>
    `Строка ${row}, столбец «${column}»: «${value}» — ожидается ШНОР, ШНСУ или ШНОР+ШНСУ; строка пропущена`,
  unknownSchool: (row: number, column: string, id: string) =>
    `Строка ${row}, столбец «${column}»: школы с кодом «${id}» нет в реестре`,
} as const;

/** The recommendation rules table `Правила` (core/rules). */
export const RULE_MESSAGES = {
  skipped: (row: number, id: string, problem: string) =>
    `Правила, строка ${row}${id ? ` (${id})` : ''}: ${problem}; правило пропущено`,
  noId: 'не указан код правила',
  duplicateId: (firstRow: number) => `такой код правила уже есть в строке ${firstRow}`,
  noCode: 'не указан показатель или поле',
  unknownCode: (codes: string) => `неизвестный показатель «${codes}»`,
  mixedKinds: 'в одном правиле нельзя сочетать числовые показатели и ответы да/нет',
  badOperator: (op: string) => `неизвестное условие «${op}» (допустимо: <, <=, >, >=, =, да, нет)`,
  needsYesNo: (threshold: string) =>
    `для ответа да/нет порог должен быть «да» или «нет», а не «${threshold}»`,
  numericOperatorOnBool: (op: string, codes: string) =>
    `условие «${op}» неприменимо к ответу да/нет «${codes}» (используйте «да» или «нет»)`,
  yesNoOnNumber: (op: string, codes: string) =>
    `условие «${op}» неприменимо к числовому показателю «${codes}» (используйте <, >, = и порог)`,
  worstVpr: (vpr: string, percent: string) => `${vpr} — ${percent} «2»`,
  noWorstVpr: 'по результатам ВПР',
  noValue: 'нет данных',
  valueBeside: (school: string, municipal: string, isShare: boolean) =>
    `${school} при ${municipal} ${isShare ? 'по муниципалитету' : 'в среднем по муниципалитету'}`,
  badLevel: (threshold: string) =>
    `порог «${threshold}» — для фактора риска ожидается уровень: высокий, средний или низкий`,
  badThreshold: (threshold: string) =>
    `порог «${threshold}» — ожидается число (0,8 или 80%), «худшая четверть» или «2×мун» (дважды муниципальное значение)`,
  quartileOperator: (op: string) =>
    `порог «худшая четверть» применим только с условиями <, <=, >, >= (а не «${op}»)`,
  noText: 'не указан текст рекомендации',
  badAppliesTo: (value: string) =>
    `«${value}» — ожидается «all» (все школы) или «flagged» (ШНОР/ШНСУ)`,
  defaultAddressee: 'школа',
  noLeaderSuggestions: 'подходящих школ не найдено',
} as const;

/** Notes in the summary table (core/compute/summary.ts). */
export const SUMMARY_NOTES = {
  present: 'имеется',
  absent: 'отсутствует',
  covered: (covered: number, total: number) => `данные по ${covered} из ${total} школ`,
  noPreviousPeriod: 'нет данных за предыдущий период',
  currentRegistry: 'пред. период — по текущему реестру (снимка реестра за тот период нет)',
  silentSchools: (count: number) =>
    `без ${count} шк., не представивших данные (динамика «нет данных»)`,
  gapTooFew: 'недостаточно участников для сравнения',
  gap: (flagged: string, others: string) => `ШНОР/ШНСУ: ${flagged}; остальные школы: ${others}`,
} as const;

/** Warnings of a monitoring run (core/monitoring.ts). */
export const MONITORING_WARNINGS = {
  andMore: (shown: string, more: number) => `${shown} и ещё ${more}`,
  duplicateRegistryIds: (count: number, ids: string) =>
    `В реестре повторяются коды ОО (${count}): ${ids}; учтена первая строка каждого`,
  unknownSchoolsInData: (count: number, ids: string) =>
    `Ответы школ, которых нет в реестре (${count}): ${ids}; не учтены`,
  inactiveSchoolsInData: (count: number) =>
    `Ответы школ, не участвующих в мониторинге по реестру (${count}), не учтены`,
  unknownSchoolsInLists: (count: number, ids: string) =>
    `В перечнях есть школы, которых нет в реестре (${count}): ${ids}`,
  noOfficialList: (period: string) =>
    `Официального перечня ШНОР/ШНСУ за ${period} нет: использован расчётный статус`,
  noResponses: (period: string) => `За период ${period || '(не указан)'} нет принятых ответов школ`,
  noResultsIndex: (count: number, names: string) =>
    `Индекс образовательных результатов не рассчитан (нет результатов с достаточным числом участников) для ${count} шк.: ${names}`,
} as const;

/** Custom spreadsheet functions: short errors returned into the cell (core/customFunctions.ts). */
export const CUSTOM_FUNCTIONS = {
  error: (fn: string, problem: string) => `#ОШИБКА: ${fn}: ${problem}`,
  share: 'доля',
  isb: 'ИСБ',
  resultsIndex: 'индекс',
  status: 'статус',
  indicator: 'показатель',
  risk: 'риск',
  unknownFactor: (factor: string) =>
    `неизвестный фактор риска «${factor}» (например, environment или «низкая вовлечённость родителей»)`,
  zeroDenominator: 'знаменатель 0',
  partExceedsWhole: (part: string, whole: string) => `часть (${part}) больше целого (${whole})`,
  notNumber: (value: string) => `не число «${value}»`,
  negative: (value: string) => `отрицательное число «${value}»`,
  shapeMismatch: 'размеры диапазонов не совпадают',
  columns: (expected: number, got: number) => `нужно ${expected} столбцов, а в диапазоне ${got}`,
  badCell: (row: number, value: string) => `строка ${row}: «${value}» — не число и не да/нет`,
  noSchool: 'не указан код ОО',
  unknownSchool: (id: string) => `школа «${id}» не найдена`,
  unknownCode: (code: string) => `неизвестный показатель «${code}»`,
  noResult: (period: string) =>
    `нет расчёта за период ${period || '(текущий)'}; выполните пересчёт`,
  noTable:
    'вторым аргументом укажите диапазон листа «Значения для формул» (или «Сводка» для ' +
    "показателей муниципалитета), например 'Значения для формул'!A:AZ",
  noRiskTable:
    "третьим аргументом укажите диапазон листа «Значения для формул», например 'Значения для формул'!A:BZ",
  isbTitle: 'ИСБ',
  resultsIndexTitle: 'Индекс результатов',
} as const;

/** Receiving responses: held and rejected states, messages to respondents, mailing. */
export const INTAKE = {
  noAccessCode:
    'Нет кода доступа: ответ отправлен не по персональной ссылке школы. Инспектор проверит, ' +
    'кто его отправил.',
  wrongAccessCode: (given: string) =>
    `Код доступа «${given}» не совпадает с кодом этой школы: возможно, выбрана чужая школа ` +
    'или использована ссылка другой школы.',
  foreignEmail: (email: string, registry: string) =>
    `Адрес отправителя ${email} не совпадает с адресом школы в реестре (${registry}) и не из того же домена.`,
  mailFailedMark: (error: string) => `не отправлено: ${error}`,
  mailBusy: 'Рассылка уже идёт в другом окне или по расписанию; повторите через минуту.',
  responsesSheetMissing:
    'Лист с ответами формы не найден (удалён?). Сверка остановлена, лист «Данные» не изменён.',
  truncated: (length: number, row: number) =>
    ` […текст сокращён, в ответе ${length} символов; полный текст — в ответах Google Формы и в листе «Ответы формы», строка ${row}]`,
  cellCut: (length: number) =>
    ` […обрезано: в тексте ${length} символов, а ячейка таблицы вмещает не больше 50 000]`,
  accessCodeTitle: 'Код доступа школы',
  accessCodeHelp:
    'Заполняется автоматически, если анкета открыта по персональной ссылке школы. Не меняйте его.',
  rejectedSubject: (school: string, period: string) =>
    `Мониторинг ШНОР/ШНСУ: ответ школы ${school}${period ? ` за ${period}` : ''} не принят — ` +
    'нужно исправить',
  rejectedBody: (
    school: string,
    period: string,
    reasons: readonly string[],
    editUrl: string | null,
  ) =>
    [
      'Здравствуйте!',
      '',
      `Ответ школы ${school} на анкету мониторинга ШНОР/ШНСУ${period ? ` за ${period}` : ''} ` +
        'не принят, потому что:',
      ...reasons.map((r) => `• ${r}`),
      '',
      editUrl
        ? `Исправьте ответ по ссылке: ${editUrl}`
        : 'Заполните анкету заново по персональной ссылке школы.',
      '',
      'Это письмо отправлено автоматически.',
    ].join('\n'),
  linkSubject: (period: string) => `Мониторинг ШНОР/ШНСУ за ${period}: анкета вашей школы`,
  linkBody: (school: string, period: string, url: string, deadline: string) =>
    [
      'Здравствуйте!',
      '',
      `Просим заполнить анкету мониторинга ШНОР/ШНСУ за ${period} для школы ${school}.`,
      `Персональная ссылка школы (код доступа уже подставлен): ${url}`,
      deadline ? `Срок: до ${deadline}.` : '',
      '',
      'Ответ можно изменить до окончания срока по ссылке из письма-подтверждения Google Форм.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  mailingDone: (sent: number, queued: number) =>
    `Отправлено писем: ${sent}; в очереди: ${queued}` +
    (queued > 0 ? ' — они уйдут автоматически, когда восстановится дневная квота.' : '.'),
  noEmail: (school: string) =>
    `У школы ${school} нет e-mail в реестре: ссылку нужно передать вручную.`,
  reconcileDone: (accepted: number, held: number, rejected: number) =>
    `Данные пересобраны из листа «Ответы формы»: принято ${accepted}, на проверке ${held}, отклонено ${rejected}.`,
} as const;

/** Objectivity signs (rev 2), as a reader sees them before the ВПР's subject and grade. */
export const OBJECTIVITY_WORDS = {
  vpr_inflation: 'отметки ВПР выше журнальных (возможна необъективность ВПР)',
  journal_inflation: 'отметки ВПР ниже журнальных (завышение текущих отметок)',
} as const;

/**
 * Words of the codes the program branches on (core/words.ts): the first word of each is
 * shown; every word listed reads back to its code, so add a new wording in front and keep
 * the old ones.
 */
export const WORDS = {
  intakeState: {
    rejected: ['отклонён'],
    held: ['на проверке'],
    accepted_by_inspector: ['принят инспектором'],
    rejected_by_inspector: ['отклонён инспектором'],
    accepted_on_reconcile: ['принят при сверке'],
  },
  decision: { accept: ['принять'], reject: ['отклонить'] },
  dynamics: {
    left: ['вышла'],
    entered: ['вошла'],
    stayed: ['осталась'],
    outside: ['вне списков'],
    // rev 2: the current status rests on a response the school did not give.
    no_data: ['нет данных'],
  },
  // rev 2: levels of the «500+» risk factors (spec §6 gives the words).
  riskLevel: { high: ['высокий'], medium: ['средний'], low: ['низкий'] },
  yesNo: { yes: ['да'], no: ['нет'] },
} as const;

/** Long jobs (src/usecases/jobs): their names, states and what the journal says of them. */
export const JOBS_TEXT = {
  journalEvent: 'Задание',
  journalLine: (title: string, status: string, message: string) =>
    `${title}: ${status}${message ? ` — ${message}` : ''}`,
  status: {
    running: 'выполняется',
    done: 'завершено',
    stopped: 'остановлено',
    failed: 'ошибка',
  } as Record<string, string>,
  mailing: 'Рассылка писем',
  mailingStep: 'Отправка писем из очереди',
  mailingSettle: 'Проверка очереди',
  mailingSummary: (sent: number, waiting: number) =>
    `отправлено писем: ${sent}; ждут отправки: ${waiting}`,
  quotaStop: (waiting: number) =>
    `дневная квота писем исчерпана; в очереди ${waiting} — они уйдут автоматически завтра`,
  mailSending: 'отправляется…',
  mailInterrupted: 'прервано при отправке: письмо могло уйти, повторно не отправляется',
  mailInterruptedLine: (to: string, key: string) =>
    `Отправка письма ${to} (${key}) была прервана: письмо могло уйти; повторно не отправляется, проверьте вручную`,
  recompute: 'Пересчёт показателей',
  report: 'Аналитическая записка',
  stepIndicators: 'Лист «Показатели»',
  stepSummary: 'Лист «Сводка»',
  stepRecommendations: 'Лист «Рекомендации»',
  stepFormulas: 'Лист «Значения для формул»',
  stepRegistryHistory: 'Лист «История реестра»',
  stepDynamics: 'Лист «Динамика»',
  stepNotResponded: 'Лист «Не представили»',
  stepJournal: 'Запись в журнал',
  stepDocument: 'Документ',
  letters: 'Письма школам',
  stepLetters: 'Письма школам',
  stepCharts: 'Диаграммы на листе «Сводка»',
  continues:
    'Задание продолжается в фоне (ограничение Google — 6 минут на запуск); ход виден в «Панели мониторинга».',
  already: 'Это задание уже выполняется или ждёт очереди.',
  reportReady: (url: string) => `документ: ${url}`,
} as const;

/** Reminders to schools and the inspectors' digest (src/usecases/reminders). */
export const REMINDERS = {
  journalEvent: 'Напоминания',
  notConfigured:
    'не заданы отчётный период или срок представления данных: напоминания не отправляются',
  cancelledMark: 'не отправлено: школа уже ответила',
  daysLeft: (days: number) =>
    days > 0
      ? `до срока ${days} ${plural(days, ['день', 'дня', 'дней'])}`
      : days === 0
        ? 'сегодня последний день'
        : `срок прошёл ${-days} ${plural(-days, ['день', 'дня', 'дней'])} назад`,
  subject: (period: string, days: number) =>
    `Мониторинг ШНОР/ШНСУ за ${period}: напоминание — ${REMINDERS.daysLeft(days)}`,
  body: (school: string, period: string, url: string, deadline: string, days: number) =>
    [
      'Здравствуйте!',
      '',
      `Школа ${school} ещё не представила анкету мониторинга ШНОР/ШНСУ за ${period}.`,
      `Срок: ${formatIsoDate(deadline)}; ${REMINDERS.daysLeft(days)}.`,
      url ? `Персональная ссылка школы (код доступа уже подставлен): ${url}` : '',
      '',
      'Если анкета уже отправлена, это письмо можно не учитывать. Письмо отправлено автоматически.',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  journalLine: (d: {
    responded: number;
    schools: number;
    madeToday: number;
    sent: number;
    queued: number;
    refused: number;
  }) =>
    `ответили ${d.responded} из ${d.schools}; сегодня напоминаний: ${d.madeToday}; всего ` +
    `отправлено ${d.sent}, в очереди ${d.queued}` +
    (d.queued > 0 ? ' (дневная квота исчерпана — уйдут автоматически)' : '') +
    `, адрес отклонён ${d.refused}`,
  digestSubject: (period: string, responded: number, total: number) =>
    `Мониторинг ШНОР/ШНСУ за ${period}: ответили ${responded} из ${total}`,
  digestBody: (d: DigestFacts) =>
    [
      `Сбор данных за ${d.period}: срок ${formatIsoDate(d.deadline)}, ${REMINDERS.daysLeft(d.daysLeft)}.`,
      `Ответили: ${d.responded} из ${d.schools}.`,
      d.notResponded.length > 0
        ? `Не ответили (${d.notResponded.length}): ${d.notResponded.slice(0, 60).join('; ')}` +
          (d.notResponded.length > 60 ? ` и ещё ${d.notResponded.length - 60}` : '') +
          '.'
        : 'Ответили все школы.',
      `На проверке у инспектора: ${d.held}; отклонено: ${d.rejected}.`,
      `Освобождены от напоминаний: ${d.exempt}; без e-mail в реестре: ${d.withoutEmail}.`,
      `Напоминания: сегодня ${d.madeToday}; всего за период отправлено ${d.sent}, в очереди ` +
        `${d.queued}, адрес отклонён ${d.refused}, отменено (школа ответила) ${d.cancelled}.`,
      `Осталось писем на сегодня (квота): ${d.quotaLeft}.`,
      d.triggers.lines.length > 0
        ? `Триггеры: ${d.triggers.lines.join('; ')}`
        : 'Триггеры: в порядке.',
    ].join('\n'),
} as const;

/** Trigger health (src/usecases/triggers.ts). */
export const TRIGGERS_TEXT = {
  handlers: {
    onFormSubmit: 'приём ответов формы',
    onSpreadsheetChange: 'учёт удалённых и вставленных строк и листов',
    runReminders: 'ежедневные напоминания',
    continueMailing: 'досылка писем из очереди',
    continueJob: 'продолжение длительного задания',
  } as Record<string, string>,
  line: (handler: string, status: string, count: number, repaired: boolean) => {
    const name = TRIGGERS_TEXT.handlers[handler] ?? handler;
    const what =
      status === 'missing'
        ? 'триггера не было'
        : status === 'duplicate'
          ? `было ${count} одинаковых триггера`
          : status === 'wrongHour'
            ? 'триггер стоял не на тот час'
            : status === 'foreign'
              ? 'триггер установлен другим пользователем; у вас не создаётся второй'
              : status === 'full'
                ? 'у пользователя уже 20 триггеров — новый не создать, удалите лишние'
                : 'в порядке';
    return `«${name}»: ${what}${repaired ? ' — исправлено' : ''}`;
  },
} as const;

/** `YYYY-MM-DD` -> `ДД.ММ.ГГГГ`. */
function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The methodology section of the report (core/report/methodology.ts, rev 2). */
export const METHODOLOGY = {
  heading: 'Методика: критерии, пороги, источники данных',
  statusSource: {
    official:
      'Статус ШНОР/ШНСУ школы — по официальному перечню периода; расчётный статус показан рядом ' +
      'для сравнения (без перечня используется расчётный).',
    computed: 'Статус ШНОР/ШНСУ школы — расчётный, по критериям ниже.',
    both: 'Школа считается ШНОР/ШНСУ, если она есть в официальном перечне периода или получает расчётный статус по критериям ниже.',
  },
  shnor: (share: string) =>
    `Расчётный статус ШНОР: приостановление или лишение аккредитации; или индекс образовательных результатов среди ${share} самых низких в муниципалитете; для школы с признаком необъективности ВПР — также индекс результатов без ВПР среди ${share} самых низких.`,
  resultsIndex: (components: string, years: string, minParticipants: string, k: string) =>
    `Индекс образовательных результатов — среднее стандартизованных показателей: ${components}. Доли суммируются за последние периоды (${years}); работа с числом участников меньше ${minParticipants} не учитывается; доли малых школ сглаживаются к муниципальной доле (k = ${k}), чтобы случайные колебания малого числа обучающихся не определяли место школы.`,
  municipalStandard:
    'Показатели стандартизуются относительно школ муниципалитета (региональные ориентиры не заданы).',
  regional: (list: string) =>
    `Показатели стандартизуются относительно региональных средних и стандартных отклонений (${list}); по остальным — относительно школ муниципалитета.`,
  isbComponent: (title: string, cap: string | null, weight: string | null) =>
    `${title}${cap ? ` (предел ${cap})` : ''}${weight ? `, вес ${weight}` : ''}`,
  isb: (parts: string) =>
    `Индекс социального благополучия (ИСБ) — абсолютная шкала от 0 до 100 (100 — самый благополучный контекст): 100 × (1 − средневзвешенная неблагоприятность) по показателям: ${parts}. Доля, достигшая предела, даёт наибольшую неблагоприятность; условия да/нет дают 0 или 1. Результаты работы школы (неаттестованные, пропуски) в ИСБ не входят.`,
  shnsuQuantile: (share: string) =>
    `Расчётный статус ШНСУ: ИСБ среди ${share} самых низких в муниципалитете.`,
  shnsuThreshold: (threshold: string) => `Расчётный статус ШНСУ: ИСБ ниже ${threshold}.`,
  objectivity: (higher: string, lower: string) =>
    `Объективность ВПР проверяется в обе стороны: отметку выше журнальной получили более ${higher} участников — возможна необъективность ВПР; ниже журнальной — более ${lower} участников — признак завышения текущих отметок.`,
  risks: (list: string) =>
    `Факторы риска проекта «500+» с уровнями «высокий», «средний», «низкий»: ${list}.`,
  riskThresholds: (
    diagnosed: string,
    iom: string,
    languageHigh: string,
    languageMedium: string,
    motivationHigh: string,
    motivationMedium: string,
    monitorings: string,
  ) =>
    `Пороги факторов: диагностику прошли менее ${diagnosed} педагогов — высокий, ИОМ имеют менее ${iom} — средний; доля с неродным русским языком более ${languageHigh} — высокий, более ${languageMedium} — средний; доля с низкой мотивацией более ${motivationHigh} — высокий, более ${motivationMedium} — средний; внутренних мониторингов меньше ${monitorings}. Доли обучающихся на учёте и с пропусками, «2» по ВПР, неаттестованных и без аттестата сравниваются с худшей четвертью и с долей муниципалитета.`,
  recommendations: (max: string) =>
    `Адресные рекомендации формируются по таблице правил: не более ${max} рекомендаций школе, сначала по факторам высокого уровня, затем среднего; остальные — «дополнительно» в письме школе.`,
  sources: (year: string | null) =>
    `Источники данных: анкета школы за отчётный период (контингент, условия, ${year ? `результаты ГИА и ВПР ${year} года` : 'результаты ГИА и ВПР'}, кадры, меры), реестр школ, официальные перечни ШНОР/ШНСУ, показатели муниципалитета из настроек мониторинга.`,
  collectors:
    'Данные представляет администрация школы (директор или заместитель); проверку ответов, расчёт показателей и подготовку записки выполняет муниципальная методическая служба.',
} as const;

/** «Проверить установку»: each check's line, ✓ or ✗ with what to do. */
export const CHECK = {
  title: 'Проверка установки',
  ok: '✓',
  bad: '✗',
  summary: (failed: number) =>
    failed === 0 ? 'Всё в порядке.' : `Требуют внимания: ${failed}. Подробности — в «Журнале».`,
  noForm: 'Анкета не создана: выполните «Настроить мониторинг…».',
  formGone:
    'Анкета удалена или недоступна: выполните «Настроить мониторинг…», будет создана новая.',
  formExists: 'Анкета существует.',
  published: 'Анкета опубликована.',
  unpublished:
    'Анкета не опубликована: школы не смогут её заполнить. Выполните «Настроить мониторинг…» или опубликуйте её в редакторе формы.',
  accepting: 'Анкета принимает ответы.',
  notAccepting: 'Анкета не принимает ответы: включите «Принимать ответы» в редакторе формы.',
  destinationHere: 'Ответы анкеты приходят в эту таблицу.',
  destinationElsewhere:
    'Ответы анкеты приходят не в эту таблицу: в редакторе формы выберите эту таблицу местом для ответов.',
  responsesFound: (name: string) => `Лист ответов найден: «${name}».`,
  responsesMissing: 'Лист ответов анкеты не найден: выполните «Настроить мониторинг…».',
  submitTrigger: (n: number) =>
    n === 1
      ? 'Триггер приёма ответов есть (один, ваш).'
      : n === 0
        ? 'У вас нет триггера приёма ответов: выполните «Настроить мониторинг…» (если его ставил коллега, ответы принимает его триггер).'
        : `Триггеров приёма ответов у вас ${n}: каждый ответ обработается несколько раз; удалите лишние (Расширения → Apps Script → Триггеры).`,
  dailyTriggers: (handlers: string[]) =>
    handlers.length === 0
      ? 'Ежедневных триггеров нет (они появляются, когда есть отложенные письма или задания).'
      : `Ежедневные триггеры: ${handlers.join(', ')}.`,
  mailQuota: (n: number) =>
    n > 0
      ? `Осталось писем на сегодня: ${n}.`
      : 'Дневная квота писем исчерпана: письма ждут в «Исходящих письмах» и уйдут завтра.',
  reports:
    'Записки создаются в корне вашего Google Диска, ссылка на каждую — в «Журнале» (надстройка не просит доступа ко всему Диску, чтобы раскладывать файлы по папкам).',
  timeZones: (script: string, sheet: string) =>
    script === sheet
      ? `Часовой пояс скрипта и таблицы совпадает: ${sheet}.`
      : `Часовой пояс скрипта (${script}) и таблицы (${sheet}) различаются: даты и сроки читаются по поясу таблицы, а час ежедневных напоминаний и дата в записках и письмах — по поясу скрипта. Чтобы всё шло по одному поясу, выберите ${script} в «Файл → Настройки».`,
  roundTrip:
    'Проверочные значения сохраняются без искажений (нули в начале кода, текст со знаком «=», дата).',
  roundTripBroken: (what: string) => `Таблица исказила проверочное значение: ${what}.`,
  core: 'Расчёт показателей работает (встроенный пример).',
  coreBroken: (problem: string) => `Расчёт на встроенном примере не удался: ${problem}.`,
} as const;

/** The sidebar «Панель мониторинга» (src/ui/sidebar.*, usecases/sidebar.ts). */
export const SIDEBAR = {
  title: 'Панель мониторинга',
  period: 'Период',
  deadline: 'Срок',
  noDeadline: 'не задан',
  responses: 'Ответы школ',
  notResponded: 'Не ответили',
  held: 'Задержано на проверке',
  rejected: 'Отклонено',
  quota: 'Писем можно отправить сегодня',
  runsTitle: 'Последние запуски',
  noRuns: 'Запусков ещё не было.',
  jobTitle: 'Длительное задание',
  noJob: 'Сейчас ничего не выполняется.',
  settingsTitle: 'Напоминания и срок',
  save: 'Сохранить',
  saved: 'Настройки сохранены.',
  actionsTitle: 'Действия',
  refresh: 'Обновить',
  loading: 'Загрузка…',
  working: 'Выполняется…',
  failed: (error: string) => `Не удалось: ${error}`,
  settingErrors: 'В «Настройках» есть ошибки:',
  date: (iso: string) => formatIsoDate(iso),
  daysLeft: (n: number) =>
    n > 0
      ? `осталось ${n} ${plural(n, ['день', 'дня', 'дней'])}`
      : n === 0
        ? 'срок сегодня'
        : `срок прошёл ${-n} ${plural(-n, ['день', 'дня', 'дней'])} назад`,
  responded: (n: number, m: number) => `ответили ${n} из ${m}`,
  run: (what: string) => `«${what}»`,
  jobStatus: {
    running: 'выполняется',
    done: 'готово',
    stopped: 'остановлено',
    failed: 'ошибка',
  } as Record<string, string>,
  jobProgress: (
    title: string,
    step: number,
    steps: number,
    stepTitle: string,
    done: number,
    total: number,
  ) =>
    `${title}: шаг ${step} из ${steps} (${stepTitle})${total > 0 ? `, ${done} из ${total}` : ''}`,
  noSettingRow: (code: string) =>
    `На листе «Настройки» нет строки «${code}»: восстановите её через «Настроить мониторинг…».`,
  // A getter: the captions are packed texts, read when the sidebar needs them (build).
  get actions(): ReadonlyArray<readonly [handler: string, caption: string]> {
    return [
      ['menuSendLinks', UI.menuSendLinks],
      ['menuReconcile', UI.menuReconcile],
      ['menuRecompute', UI.menuRecompute],
      ['menuReport', UI.menuReport],
      ['menuLetters', UI.menuLetters],
      ['menuCheckInstallation', UI.menuCheckInstallation],
    ];
  },
} as const;
