/**
 * The Russian wording of the analytical report and of the letters to schools (re-exported by
 * core/messages.ts, the one place of user-facing text). Numbers come in already formatted.
 */
const NB = '\u00a0';

export const REPORT_DOC = {
  issuerDefault: 'Муниципальная методическая служба',
  title: (period: string) =>
    `Аналитическая записка по итогам мониторинга школ с низкими образовательными результатами ` +
    `и школ, функционирующих в неблагоприятных социальных условиях, за ${period} учебный год`,
  dateline: (date: string, place: string) =>
    place ? `${date}${NB}г., ${place}` : `${date}${NB}г.`,

  goalsHeading: '1. Цели, показатели и методы мониторинга',
  goal:
    'Цель мониторинга — своевременно выявить школы с низкими образовательными результатами ' +
    '(ШНОР) и школы, функционирующие в неблагоприятных социальных условиях (ШНСУ), оказать им ' +
    'адресную помощь и оценить эффективность принятых мер. Мониторинг выполняется по ' +
    'управленческому циклу: цели → показатели → методы сбора информации → мониторинг → анализ → ' +
    'адресные рекомендации → меры → управленческие решения → анализ эффективности принятых мер.',
  criteria: (lowResults: string, isbRule: string, source: string, minParticipants: string) =>
    `Критерии. Школа относится к ШНОР, если её индекс образовательных результатов (ЕГЭ, ОГЭ, ` +
    `ВПР, РДР в сравнении со школами муниципалитета) входит в ${lowResults} худших или у неё ` +
    `приостановлена аккредитация; к ШНСУ — ${isbRule}. ${source} Доли по результатам ` +
    `оценочных процедур рассчитываются при числе участников не менее ${minParticipants}.`,
  isbQuantile: (share: string) =>
    `если её индекс социального благополучия (ИСБ: неполные семьи, образование родителей, ` +
    `учёт в КДН, язык, ОВЗ, отдалённость, малокомплектность, кадры и оснащение) входит в ` +
    `${share} самых низких`,
  isbThreshold: (threshold: string) =>
    `если её индекс социального благополучия (ИСБ, шкала 0–100) ниже ${threshold}`,
  statusSource: {
    official:
      'Статусом школы считается её статус по официальному перечню периода; расчётный статус приводится рядом.',
    computed: 'Статусом школы считается расчётный статус; статус по перечню приводится рядом.',
    both: 'Школа считается ШНОР/ШНСУ, если она входит в перечень или получила расчётный статус.',
  } as Record<string, string>,
  sourceForm: (issuer: string) =>
    `Источник данных — анкета школы (Google Форма), которую заполняет руководитель или ` +
    `заместитель руководителя школы один раз за период; ответы проверяются автоматически при ` +
    `поступлении, школе с ошибками в анкете направляется пояснение. Сбор и анализ данных ` +
    `выполнила ${issuer.toLowerCase()}.`,
  sourceFiles: (issuer: string) =>
    `Источник данных — анкеты школ, переданные в виде файлов (выгрузка таблиц) и обработанные ` +
    `программой мониторинга; строки с ошибками не учтены и перечислены в сводке обработки. ` +
    `Сбор и анализ данных выполнила ${issuer.toLowerCase()}.`,

  participationHeading: '2. Участие школ',
  participation: (responded: string, total: string, percent: string) =>
    `Данные за период представили ${responded} из ${total} (${percent}).`,
  notResponded: (names: string) => `Не представили данные: ${names}.`,
  allResponded: 'Данные представили все школы.',
  rejected: (count: string) => `Отклонено при проверке: ${count}.`,
  held: (count: string) =>
    `Ожидают решения инспектора (нет кода доступа школы или он не совпал): ${count}.`,

  summaryHeading: '3. Показатели мониторинга',
  summaryIntro: (period: string, previous: string | null) =>
    previous
      ? `Таблица 1 — Показатели мониторинга за ${period} учебный год в сравнении с ${previous} учебным годом`
      : `Таблица 1 — Показатели мониторинга за ${period} учебный год (данных за предыдущий период нет)`,
  summaryHeader: (period: string, previous: string | null) =>
    previous
      ? ['Показатель', 'Кол-во', 'Из', `${period}, %`, `${previous}, %`, 'Изменение, п.п.']
      : ['Показатель', 'Кол-во', 'Из', `${period}, %`],
  gapNote: (flagged: string, others: string) => ` (ШНОР/ШНСУ — ${flagged}, остальные — ${others})`,
  coveredNote: (note: string) => ` (${note})`,

  statusHeading: '4. Школы по статусам',
  statusIntro: (count: string, total: string) =>
    `Статус ШНОР и (или) ШНСУ имеют ${count} из ${total}.`,
  statusTableTitle: 'Таблица 2 — Школы со статусом ШНОР и (или) ШНСУ',
  statusHeader: (hasPrevious: boolean) =>
    hasPrevious
      ? ['№', 'Школа', 'Статус', 'Индекс результатов', 'ИСБ', 'Динамика']
      : ['№', 'Школа', 'Статус', 'Индекс результатов', 'ИСБ'],
  noFlagged: 'В текущем периоде нет школ со статусом ШНОР или ШНСУ.',
  riskZone: (names: string) =>
    `Зона риска снижения результатов (два из трёх факторов: нет устойчивого интернета, ` +
    `недостаточно компьютеров, дефицит кадров): ${names}.`,
  noRiskZone: 'Школ в зоне риска снижения результатов (два из трёх факторов) нет.',
  resilient: (names: string) =>
    `Школы, успешно преодолевающие сложности (низкий ИСБ, результаты не ниже медианы), — ` +
    `кандидаты в школы-лидеры: ${names}.`,
  objectivity: 'Признаки необъективности результатов ВПР:',
  noObjectivity: 'Признаков необъективности результатов ВПР не выявлено.',
  effective: (names: string) =>
    `Перешли в эффективный режим работы (были в списках два периода назад, с тех пор вне ` +
    `списков, результаты не снизились): ${names}.`,
  noIndex: (names: string) => `Индекс результатов не рассчитан (нет данных): ${names}.`,
  chartIsbTitle: 'Школы по индексу социального благополучия и индексу образовательных результатов',
  chartIsbX: 'ИСБ (0–100, выше — благополучнее)',
  chartIsbY: 'Индекс результатов (выше — лучше)',
  chartOthers: 'Прочие школы',
  chartFlagged: 'ШНОР и (или) ШНСУ',
  chartMedianIsb: 'Медиана ИСБ',
  chartMedianResults: 'Медиана индекса результатов',
  chartStatusTitle: 'Число школ по статусам и периодам',
  chartStatusX: 'Учебный год',
  chartStatusY: 'Число школ',
  statusShnor: 'ШНОР',
  statusShnsu: 'ШНСУ',
  statusBoth: 'ШНОР и ШНСУ',
  statusNone: 'Вне списков',
  computedWord: 'расчётный —',
  figure: (n: number, title: string) => `Рисунок ${n} — ${title}`,
  chartReading: (lowLeft: string) =>
    `Линии медиан делят школы на четыре группы; в левой нижней четверти — школы с низким ИСБ ` +
    `и низкими результатами: ${lowLeft}.`,

  conclusionsHeading: '5. Выводы',
  largestChanges: 'Наибольшие изменения показателей по сравнению с предыдущим периодом:',
  change: (title: string, from: string, to: string, pp: string) =>
    `${title}: ${from} → ${to} (${pp})`,
  becauseEntered: (names: string) => `вошли в списки: ${names}`,
  becauseLeft: (names: string) => `вышли из списков: ${names}`,
  noPrevious:
    'Данных за предыдущий период нет: динамика показателей и школ будет оценена по итогам ' +
    'следующего мониторинга.',
  entered: (names: string) => `Вошли в списки ШНОР/ШНСУ: ${names}.`,
  left: (names: string) => `Вышли из списков: ${names}.`,
  noneEntered: 'Новых школ в списках нет.',
  noneLeft: 'Ни одна школа не вышла из списков.',
  noData: (names: string) =>
    `Не представили данные за текущий период, поэтому не считаются вышедшими из списков: ${names}.`,
  mismatch: (items: string) => `Расчётный статус расходится со статусом по перечню: ${items}.`,
  noMismatch: 'Расчётные статусы совпадают со статусами по перечню.',
  mismatchItem: (name: string, official: string, computed: string) =>
    `${name} (по перечню — ${official}, расчётный — ${computed})`,
  none: 'нет',

  recommendationsHeading: '6. Адресные рекомендации',
  addressees: {
    founder: 'Учредителю',
    service: 'Муниципальной методической службе',
    school: 'Управленческим командам школ',
  } as Record<string, string>,
  ruleLine: (text: string, names: string) => `${text} — ${names}.`,
  allSchools: 'всем школам, представившим данные',
  allSchoolsBut: (names: string) => `всем школам, представившим данные, кроме: ${names}`,
  noRecommendations: 'Правила не выявили необходимости в рекомендациях.',
  leadersInAnnex: 'школы-лидеры для каждой школы — в приложении',

  measuresHeading: '7. Эффективность мер, принятых в предыдущем периоде',
  noMeasures:
    'На листе «Меры» нет мер, запланированных в предыдущем периоде: эффективность мер будет ' +
    'оценена, когда меры будут внесены.',
  measuresShare: (done: string, flagged: string, percent: string) =>
    `Выполненные меры есть у ${done} из ${flagged} со статусом ШНОР/ШНСУ (${percent}).`,
  measuresTableTitle: 'Таблица 3 — Меры и изменения показателей школ',
  measuresHeader: ['Школа', 'Мера (состояние, срок)', 'Индекс результатов', 'ИСБ', 'Статус'],
  measureItem: (measure: string, state: string, deadline: string) =>
    deadline ? `${measure} (${state}, срок ${deadline})` : `${measure} (${state})`,

  decisionsHeading: '8. Управленческие решения',
  decisionsIntro:
    'Предлагаемые управленческие решения (ответственных и сроки определяет руководитель):',
  decisionsHeader: ['№', 'Решение', 'Ответственный', 'Срок'],
  decisionPlan: (names: string) =>
    `Утвердить планы адресной помощи школам со статусом ШНОР/ШНСУ: ${names}`,
  decisionLeaders: (names: string) => `Закрепить школы-лидеры (наставники) за школами: ${names}`,
  decisionObjectivity: (names: string) =>
    `Провести перепроверку работ ВПР муниципальной комиссией в школах: ${names}`,
  decisionRisk: (names: string) =>
    `Включить в план закупки оборудования и мер кадровой поддержки школы зоны риска: ${names}`,
  decisionPractice: (names: string) =>
    `Организовать распространение опыта школ, успешно преодолевающих сложности: ${names}`,
  decisionNext: (deadline: string) =>
    `Провести следующий мониторинг${deadline ? `, срок представления данных — ${deadline}` : ''}`,

  warningsHeading: 'Замечания к данным',
  signature: (issuer: string) => [
    `Руководитель: ${issuer}`,
    '____________________ / ____________________',
  ],
  executor: (date: string) => [
    'Исполнитель: ____________________ (должность, фамилия, инициалы)',
    `Дата: ${date}`,
  ],

  annexHeading: 'Приложение. Адресные рекомендации школам со статусом ШНОР и (или) ШНСУ',
  annexHeader: ['Школа', 'Профиль рисков «500+»', 'Адресные рекомендации'],
  annexSchool: (name: string, status: string, results: string, isb: string, dynamics: string) =>
    `${name}\nСтатус: ${status}\nИндекс результатов: ${results}\nИСБ: ${isb}${dynamics ? `\nДинамика: ${dynamics}` : ''}`,
  annexNoRisks: 'рисков не выявлено',
  riskLevelLine: (level: string, factors: string) =>
    `${level.charAt(0).toUpperCase()}${level.slice(1)} уровень: ${factors}`,
  annexNone: 'Правила не выявили рекомендаций для школы.',
  annexMore: (count: string) => `Дополнительно — ${count} (в письме школе).`,
  dash: '—',
  /** Section words in the «Раздел» column of «Сводка». */
  sectionShort: {
    1: '1. Выявление',
    2: '2. Динамика',
    3: '3. Педагоги',
    4: '4. Методическая помощь',
    5: '5. Профилактика неуспешности',
    6: '6. Мониторинг рисков',
    7: '7. Результаты и разрыв',
  } as Record<number, string>,
} as const;

export const LETTER = {
  title: (name: string) => `Адресные рекомендации: ${name}`,
  to: (name: string) => `Руководителю ${name}`,
  heading: (period: string) =>
    `О результатах мониторинга за ${period} учебный год и адресных рекомендациях`,
  opening: (name: string, period: string) =>
    `Направляем результаты мониторинга школ с низкими образовательными результатами и школ, ` +
    `функционирующих в неблагоприятных социальных условиях, за ${period} учебный год по ${name}.`,
  statusFlagged: (status: string, why: string) => `Статус школы: ${status}. Основание: ${why}.`,
  statusNone: 'Школа не входит в списки ШНОР и ШНСУ.',
  whyOfficial: 'школа включена в официальный перечень периода',
  whyResults: 'индекс образовательных результатов в группе самых низких в муниципалитете',
  whyIsb: 'индекс социального благополучия в группе самых низких в муниципалитете',
  whyAccreditation: 'приостановлена аккредитация',
  indicatorsTitle: 'Показатели школы',
  indicatorsHeader: (period: string, previous: string | null) =>
    previous
      ? ['Показатель', `Школа, ${period}`, `Школа, ${previous}`, 'По муниципалитету*']
      : ['Показатель', `Школа, ${period}`, 'По муниципалитету*'],
  municipalNote:
    '* Для индексов — медиана по школам муниципалитета, для долей — среднее по школам.',
  risksTitle: 'Профиль рисков (факторы «500+»)',
  noRisks: 'Выраженных факторов риска по данным анкеты не выявлено.',
  recommendationsTitle: 'Рекомендации',
  noRecommendations: 'Рекомендаций по итогам мониторинга нет.',
  additional: 'Дополнительно',
  leader: (names: string) => `Предлагаемые школы-лидеры (наставники): ${names}.`,
  leaderSet: (name: string) => `Школа-лидер (наставник): ${name}.`,
  deadline: (date: string) => `Срок представления данных за следующий период — ${date}.`,
  deadlineUnknown: 'Срок представления данных за следующий период будет сообщён дополнительно.',
  rows: {
    results: 'Индекс образовательных результатов',
    isb: 'Индекс социального благополучия (ИСБ)',
    rank: 'Место в муниципалитете по индексу результатов',
    status: 'Статус',
  },
} as const;
