import { parseBool, parseWholeNumber, validateResponse } from '../../src/core/validation';
import { school } from './fixtures';

const registry = [
  school('101', { name: 'СОШ № 1' }),
  school('102', { name: 'СОШ № 2', active: false }),
];

function valid(extra: Record<string, unknown> = {}) {
  return {
    school_id: '101',
    period: '2021-2022',
    students_total: '300',
    teachers_total: '28',
    ...extra,
  };
}

describe('parseWholeNumber', () => {
  it.each([
    ['12', 12],
    [' 1 234 ', 1234],
    ['1\u00a0234', 1234], // non-breaking space, as Excel writes thousands
    ['1\u202f234', 1234],
    ['12.0', 12],
    ['12,0', 12],
    [12, 12],
    [0, 0],
    ['0', 0],
  ])('accepts %j as %i', (raw, value) => {
    expect(parseWholeNumber(raw)).toEqual({ value });
  });

  it('treats blank as unanswered', () => {
    expect(parseWholeNumber('')).toEqual({ value: null });
    expect(parseWholeNumber('  ')).toEqual({ value: null });
    expect(parseWholeNumber(null)).toEqual({ value: null });
    expect(parseWholeNumber(undefined)).toEqual({ value: null });
  });

  it.each([
    ['12 чел.', 'не число'],
    ['-3', 'отрицательное число'],
    [-3, 'отрицательное число'],
    ['2,5', 'дробное число'],
    [2.5, 'дробное число'],
    ['12,000', 'не число'], // ambiguous: twelve or twelve thousand
    ['abc', 'не число'],
    ['+5', 'не число'],
    [true, 'не число'],
  ])('rejects %j (%s)', (raw, reason) => {
    const r = parseWholeNumber(raw);
    expect(r.value).toBeNull();
    expect(r.error).toBe(reason);
  });
});

describe('parseBool', () => {
  it.each([
    ['да', true],
    ['Да', true],
    ['нет', false],
    ['yes', true],
    ['No', false],
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['FALSE', false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('reads %j as %s', (raw, value) => {
    expect(parseBool(raw)).toEqual({ value });
  });

  it('reads blank as unanswered and other words as an error', () => {
    expect(parseBool('')).toEqual({ value: null });
    expect(parseBool('может быть').error).toBeDefined();
    expect(parseBool(2).error).toBeDefined();
  });
});

describe('validateResponse', () => {
  it('accepts a valid response and types its values', () => {
    const r = validateResponse(
      valid({
        staff_shortage: 'Да',
        teachers_diagnosed: '25',
        improvement_program_url: 'https://school.ru/p',
      }),
      registry,
    );
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.school_id).toBe('101');
    expect(r.period).toBe('2021-2022');
    expect(r.values.students_total).toBe(300);
    expect(r.values.staff_shortage).toBe(true);
    expect(r.values.teachers_diagnosed).toBe(25);
    expect(r.values.small_school).toBeNull();
  });

  it('names the field, the value and the bound', () => {
    const r = validateResponse(valid({ teachers_diagnosed: '40' }), registry);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(['Прошли диагностику (40) больше, чем педагогов всего (28)']);
  });

  it('returns all errors of a response at once', () => {
    const r = validateResponse(
      {
        school_id: '999',
        period: '',
        students_total: '12 чел.',
        teachers_total: '',
        teachers_diagnosed: '-1',
        staff_shortage: 'может быть',
        ege_rus_participants: '10',
        ege_rus_high: '11',
        improvement_program_url: 'не знаю',
      },
      registry,
    );
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'Школа с кодом «999» не найдена в реестре школ',
        'Не указан отчётный период',
        'Обучающихся всего: «12 чел.» — не число; нужно целое число не меньше 0, без единиц измерения',
        'Неукомплектованность штата: «может быть» — ожидается «да» или «нет» (принимаются также ' +
          'есть, имеется, отсутствует, yes, no, 1, 0)',
        'ЕГЭ, русский язык: высокобалльники (81–100 баллов) (11) больше, чем ЕГЭ, русский язык: участники (10)',
        'Прошли диагностику: «-1» — отрицательное число; нужно целое число не меньше 0, без единиц измерения',
        'Ссылка на программу: «не знаю» — это не адрес страницы (https://…)',
        'Не заполнено обязательное поле «Педагогов всего»',
      ]),
    );
    expect(r.errors).toHaveLength(8);
  });

  it('checks each students_* against students_total', () => {
    const r = validateResponse(
      valid({ students_total: '20', students_single_parent: '30' }),
      registry,
    );
    expect(r.errors).toEqual(['Из неполных семей (30) больше, чем обучающихся всего (20)']);
  });

  it('checks results against their participants, and lowered + raised grades together', () => {
    const ok = validateResponse(
      valid({
        vpr_math8_participants: '20',
        vpr_math8_fail: '20',
        vpr_math8_lower: '12',
        vpr_math8_higher: '8',
      }),
      registry,
    );
    expect(ok.errors).toEqual([]);
    const r = validateResponse(
      valid({ vpr_math8_participants: '20', vpr_math8_lower: '12', vpr_math8_higher: '9' }),
      registry,
    );
    expect(r.errors).toEqual([
      'ВПР, математика, 8 класс: понизили (12) и повысили (9) отметку в сумме 21 — больше, чем участников (20)',
    ]);
  });

  it('does not accept a positive result count without its participants', () => {
    const r = validateResponse(valid({ oge_math_fail: '3' }), registry);
    expect(r.errors).toEqual([
      'ОГЭ, математика: неудовлетворительный результат (отметка «2») (3) указано, но не заполнено поле «ОГЭ, математика: участники»',
    ]);
    expect(validateResponse(valid({ oge_math_fail: '0' }), registry).ok).toBe(true);
  });

  it('requires an active registry school', () => {
    expect(validateResponse(valid({ school_id: '102' }), registry).errors).toEqual([
      'Школа «СОШ № 2» (102) не участвует в мониторинге по реестру школ',
    ]);
    expect(validateResponse(valid({ school_id: '' }), registry).errors).toEqual([
      'Не указана школа (код ОО)',
    ]);
  });

  it('accepts the form list style "code — name"', () => {
    const r = validateResponse(valid({ school_id: '101 — СОШ № 1' }), registry);
    expect(r.ok).toBe(true);
    expect(r.school_id).toBe('101');
  });

  it('takes the period from the options when the response has none, and normalises dashes', () => {
    expect(
      validateResponse(valid({ period: undefined }), registry, { period: '2022-2023' }).period,
    ).toBe('2022-2023');
    expect(validateResponse(valid({ period: '2021 – 2022' }), registry).period).toBe('2021-2022');
  });

  it('keeps formula-looking respondent text as plain text values', () => {
    const r = validateResponse(
      valid({ comment: '=IMPORTXML("http://x")', respondent_name: '  Иванова И.И. ' }),
      registry,
    );
    expect(r.ok).toBe(true);
    expect(r.values.comment).toBe('=IMPORTXML("http://x")');
    expect(r.values.respondent_name).toBe('Иванова И.И.');
  });
});

describe('the period and the timestamp (rev 2)', () => {
  const now = new Date('2026-11-30T12:00:00Z'); // academic year 2026-2027
  const check = (period: string, timestamp = new Date('2026-11-29T10:00:00Z')) =>
    validateResponse(valid({ period }), registry, { now, timestamp });

  it('accepts a past or the current academic year, as typed with a dash or a slash', () => {
    expect(check('2021-2022').ok).toBe(true);
    expect(check('2026-2027').ok).toBe(true);
    expect(check('2025 / 2026')).toMatchObject({ ok: true, period: '2025-2026' });
  });

  it.each([
    ['абв', 'Отчётный период «абв» — ожидается учебный год вида 2021-2022'],
    ['2021', 'Отчётный период «2021» — ожидается учебный год вида 2021-2022'],
    ['2021-2023', 'Отчётный период «2021-2023»: годы должны идти подряд (например, 2021-2022)'],
    ['2022-2021', 'Отчётный период «2022-2021»: годы должны идти подряд (например, 2021-2022)'],
    ['2027-2028', 'Отчётный период «2027-2028» ещё не начался (текущий учебный год — 2026-2027)'],
  ])('rejects the period %j', (period, message) => {
    const r = check(period);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([message]);
  });

  it('starts the academic year on 1 September', () => {
    const august = new Date('2026-08-31T12:00:00Z');
    const september = new Date('2026-09-01T12:00:00Z');
    const r = (at: Date) => validateResponse(valid({ period: '2026-2027' }), registry, { now: at });
    expect(r(august).ok).toBe(false);
    expect(r(september).ok).toBe(true);
  });

  it('rejects a timestamp more than a day ahead of the clock, not one a few hours ahead', () => {
    expect(check('2025-2026', new Date('2026-12-01T11:00:00Z')).ok).toBe(true);
    const r = check('2025-2026', new Date('2026-12-01T13:00:00Z'));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toContain('позже текущего');
  });

  it('bounds certificates by graduates and the new counts by students', () => {
    const r = validateResponse(
      valid({ grads_total: '20', grads_no_certificate: '21', students_low_motivation: '301' }),
      registry,
    );
    expect(r.errors).toEqual([
      'С низкой учебной мотивацией (301) больше, чем обучающихся всего (300)',
      'Не получили аттестат (21) больше, чем выпускников 9 и 11 классов (20)',
    ]);
  });
});
