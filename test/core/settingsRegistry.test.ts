import { SETTINGS } from '../../src/core/catalogue/settings';
import { parseLists, parseRegistry, parseStatus } from '../../src/core/registry';
import { readSettings, settingNumber } from '../../src/core/settings';

describe('readSettings', () => {
  it('gives every setting its default when the sheet is empty', () => {
    const { settings, errors } = readSettings([]);
    expect(errors).toEqual([]);
    expect(settings.status_source).toBe('official');
    expect(settings.min_participants).toBe(5);
    expect(settings.results_years).toBe(2);
    expect(settings.low_results_share).toBe(0.15);
    expect(settings.objectivity_threshold).toBe(0.3);
    expect(settings.peer_count).toBe(5);
    expect(settings.isb_weight_single_parent).toBe(1);
    expect(settings.isb_cap_registered).toBe(0.1);
    expect(settings.shrinkage_k).toBe(10);
    expect(settings.ref_mean_vpr_fail).toBe(''); // optional: no regional reference
    expect(settings.mun_identification_method).toBe(false);
    expect(Object.keys(settings).sort()).toEqual(SETTINGS.map((s) => s.code).sort());
  });

  it('reads typed values by code or by Russian label, with decimal commas and percents', () => {
    const { settings, errors } = readSettings([
      ['Код', 'Значение'],
      ['status_source', 'Both'],
      ['low_results_share', '0,2'],
      ['Доля школ с самым низким ИСБ (расчётные ШНСУ)', '10%'],
      ['mun_identification_method', 'да'],
      ['mun_results_analysis', 'имеется'],
      ['deadline', '31.05.2022'],
      ['inspector_emails', 'a@mo.ru; b@mo.ru'],
      ['period', '2021–2022'],
    ]);
    expect(errors).toEqual([]);
    expect(settings.status_source).toBe('both');
    expect(settings.low_results_share).toBe(0.2);
    expect(settings.low_isb_share).toBe(0.1);
    expect(settings.mun_identification_method).toBe(true);
    expect(settings.mun_results_analysis).toBe(true);
    expect(settings.deadline).toBe('2022-05-31');
    expect(settings.inspector_emails).toBe('a@mo.ru, b@mo.ru');
    expect(settings.period).toBe('2021-2022');
  });

  it('keeps the default and says why for a wrong value', () => {
    const { settings, errors } = readSettings([
      ['min_participants', '2,5'],
      ['low_results_share', '1,5'],
      ['status_source', 'region'],
      ['deadline', '31.02.2022'],
      ['inspector_emails', 'inspector-at-mo.ru'],
      ['unknown_thing', '1'],
    ]);
    expect(settings.min_participants).toBe(5);
    expect(settings.low_results_share).toBe(0.15);
    expect(settings.status_source).toBe('official');
    expect(settings.deadline).toBe('');
    expect(errors).toEqual([
      'Настройки: «Минимальное число участников» = «2,5» — ожидается число (целое, не меньше 1); использовано значение по умолчанию (5)',
      'Настройки: «Доля школ с самыми низкими результатами (расчётные ШНОР)» = «1,5» — ожидается число (от 0 до 1); использовано значение по умолчанию (0,15)',
      'Настройки: «Источник статуса ШНОР/ШНСУ» = «region» — ожидается одно из значений: official, computed, both; использовано значение по умолчанию (official)',
      'Настройки: «Срок представления данных» = «31.02.2022» — ожидается дата ДД.ММ.ГГГГ; использовано значение по умолчанию (пусто)',
      'Настройки: «E-mail инспекторов» = «inspector-at-mo.ru» — неверные адреса: inspector-at-mo.ru; использовано значение по умолчанию (пусто)',
      'Настройки: неизвестный параметр «unknown_thing» пропущен',
    ]);
  });

  it('reads a date cell', () => {
    const { settings } = readSettings([['deadline', new Date(2022, 4, 31)]]);
    expect(settings.deadline).toBe('2022-05-31');
  });

  it('falls back to the catalogue default for a missing or mistyped number', () => {
    expect(settingNumber({}, 'peer_count')).toBe(5);
    expect(settingNumber({ peer_count: 'x' }, 'peer_count')).toBe(5);
    expect(settingNumber({ peer_count: 3 }, 'peer_count')).toBe(3);
  });
});

describe('parseRegistry', () => {
  it('reads rows keyed by code, label or "label (code)"', () => {
    const { schools, errors } = parseRegistry([
      { school_id: '1', name: 'СОШ 1', locality: 'город', is_internship_site: 'да', active: '' },
      { 'Код ОО': '2', 'Краткое наименование': 'ООШ 2', 'Тип поселения (город / село)': 'село' },
      {
        'Код ОО (school_id)': '3',
        'Наименование (name)': 'СОШ 3',
        'Школа-лидер (наставник)': '1',
        active: 'нет',
      },
    ]);
    expect(errors).toEqual([]);
    expect(
      schools.map((s) => [
        s.school_id,
        s.name,
        s.locality,
        s.is_internship_site,
        s.leader_school_id,
        s.active,
      ]),
    ).toEqual([
      ['1', 'СОШ 1', 'urban', true, '', true],
      ['2', 'ООШ 2', 'rural', false, '', true],
      ['3', 'СОШ 3', '', false, '1', false],
    ]);
  });

  it('names the row and the column of every problem and keeps what it can', () => {
    const { schools, errors } = parseRegistry([
      { school_id: '1', name: 'СОШ 1', locality: 'посёлок', email: 'нет почты' },
      { school_id: '1', name: 'Дубль' },
      { school_id: '', name: 'Без кода' },
      { school_id: '4', name: 'СОШ 4', leader_school_id: '99', active: 'может' },
      { school_id: '5', name: 'СОШ 5', leader_school_id: '5' },
      {},
    ]);
    expect(schools.map((s) => s.school_id)).toEqual(['1', '4', '5']);
    expect(schools[0].locality).toBe('');
    expect(schools[1].active).toBe(true);
    expect(schools[1].leader_school_id).toBe('');
    expect(errors).toEqual([
      'Строка 2, столбец «Тип поселения (город / село)»: «посёлок» — ожидается «город» или «село»; оставлено пустым',
      'Строка 2, столбец «E-mail ответственного»: «нет почты» — это не адрес электронной почты; оставлено пустым',
      'Строка 3, столбец «Код ОО»: код «1» уже есть в строке 2, строка пропущена',
      'Строка 4, столбец «Код ОО»: не заполнено, строка пропущена',
      'Строка 5, столбец «Участвует в мониторинге»: «может» — ожидается «да» или «нет»; взято значение по умолчанию',
      'Строка 5, столбец «Школа-лидер (наставник)»: школы с кодом «99» нет в реестре; оставлено пустым',
      'Строка 6, столбец «Школа-лидер (наставник)»: школа не может быть лидером для самой себя; оставлено пустым',
    ]);
  });
});

describe('official lists', () => {
  it.each([
    ['ШНОР', 'ШНОР'],
    ['шнро', 'ШНОР'],
    ['ШНСУ', 'ШНСУ'],
    ['ШНОР+ШНСУ', 'ШНОР+ШНСУ'],
    ['ШНСУ, ШНОР', 'ШНОР+ШНСУ'],
    ['ШНОР и ШНСУ', 'ШНОР+ШНСУ'],
    ['лидер', null],
  ])('reads status %s', (raw, status) => {
    expect(parseStatus(raw)).toBe(status);
  });

  it('merges a school listed twice in a period and reports bad rows', () => {
    const { entries, errors } = parseLists(
      [
        { period: '2021-2022', school_id: '1', status: 'ШНОР' },
        { period: '2021-2022', school_id: '1', status: 'ШНСУ' },
        { 'Период (period)': '2020–2021', 'Код ОО (school_id)': '2', 'Статус (status)': 'ШНСУ' },
        { period: '2021-2022', school_id: '7', status: 'ШНОР' },
        { period: '2021-2022', school_id: '3', status: 'плохая' },
      ],
      { knownSchoolIds: ['1', '2', '3'] },
    );
    expect(entries).toEqual([
      { period: '2021-2022', school_id: '1', status: 'ШНОР+ШНСУ' },
      { period: '2020-2021', school_id: '2', status: 'ШНСУ' },
      { period: '2021-2022', school_id: '7', status: 'ШНОР' },
    ]);
    expect(errors).toEqual([
      'Строка 5, столбец «Код ОО»: школы с кодом «7» нет в реестре',
      'Строка 6, столбец «Статус»: «плохая» — ожидается ШНОР, ШНСУ или ШНОР+ШНСУ; строка пропущена',
    ]);
  });
});
