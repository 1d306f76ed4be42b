/**
 * Validation was made fast (plain digits without regular expressions, remembered yes/no
 * answers, checks by position instead of by name, a plan made once per questionnaire). These
 * properties hold it to the validation it replaced (test/core/reference/validation.ts), on
 * random and hostile answers: every value, every message, every decision the same.
 */
import fc from 'fast-check';
import { FIELDS, type FieldDef } from '../../src/core/catalogue/fields';
import { normalizePeriod, parseBool, parseText, parseWholeNumber } from '../../src/core/parse';
import { validateResponse } from '../../src/core/validation';
import type { RegistrySchool } from '../../src/core/types';
import * as reference from './reference/validation';
import { school } from './fixtures';

/** Every character String.prototype.trim and \s treat as space, and some that are not. */
const SPACE_CHARS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2009',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u180e',
];
const CHARS = [
  ...'0123456789',
  ...'0123456789',
  ...SPACE_CHARS,
  ...',.-+eEx%',
  ...'даНЕТyesfalseистиналожь',
  '٣', // Arabic-Indic three
  '９', // fullwidth nine
  '\ud800', // a lone surrogate
];

const fuzzText = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 20 })
  .map((chars) => chars.join(''));

const SPELLINGS = [
  'да',
  'Да',
  'ДА.',
  ' нет ',
  'Нет.',
  'есть',
  'имеется',
  'отсутствует',
  'yes',
  'YES',
  'no',
  'true',
  'False',
  'истина',
  'ложь',
  '1',
  '0',
  '1.',
  'д',
  '+',
  '-',
  'частично',
  'да..',
  '\u00a0да\u00a0',
];

const NUMBER_TEXTS = [
  '0',
  '007',
  '12',
  '12 345',
  '12\u00a0345',
  '12,0',
  '12.00',
  '12,000',
  '12,5',
  '-3',
  '-3,0',
  '+3',
  '1e3',
  '0x10',
  '12 чел.',
  '999999999999999',
  '9999999999999999',
  '9007199254740993',
  '1000000000000000',
  '0000000000000000',
  '١٢',
  '',
  '   ',
  '\u3000',
];

const OTHER_TEXTS = [
  'https://school.ru/results',
  'HTTP://SCHOOL.RU/x',
  'school.рф/отчёт',
  'http://bad',
  'school',
  '=HYPERLINK("http://x")',
  '<b>жирный</b>',
  'Текст\nв две строки',
];

/** Any cell a sheet, a CSV file or a hostile respondent might give. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fuzzText,
  fc.constantFrom(...SPELLINGS, ...NUMBER_TEXTS, ...OTHER_TEXTS),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer({ min: -5, max: 5000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, 0.5, -1, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, 1e21),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom({}, [], [1], { toString: () => 'объект' }),
);

/** A count as respondents mostly give it: small, so that bounds and sums are reached. */
const count: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', null, undefined) },
  { weight: 2, arbitrary: anyCell },
);

const yesNo: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SPELLINGS) },
  { weight: 1, arbitrary: anyCell },
);

function cellFor(def: FieldDef): fc.Arbitrary<unknown> {
  if (def.type === 'int') return count;
  if (def.type === 'bool') return yesNo;
  return fc.oneof(fc.constantFrom(...OTHER_TEXTS, ''), anyCell);
}

const REGISTRY: RegistrySchool[] = [
  school('001'),
  school('002', { active: false }),
  school('0100'),
  school('Лицей 7'),
  school('1000'),
];

const schoolCell = fc.oneof(
  fc.constantFrom(
    '001',
    '002',
    '1',
    '100',
    '0100',
    '1000',
    ' 001 ',
    '001 — Школа 001',
    '0100 - Школа',
    'Лицей 7 – Лицей',
    '999',
    '',
  ),
  anyCell,
);

const periodCell = fc.oneof(
  fc.constantFrom(
    '2025-2026',
    ' 2025 – 2026 ',
    '2025/2026',
    '2025\\2026',
    '2025 —  2026',
    '2025-2027',
    '2030-2031',
    '25-26',
    '',
    undefined,
  ),
  anyCell,
);

/** A questionnaire: the catalogue, or a shuffled part of it with repeated fields. */
const fieldsArb: fc.Arbitrary<readonly FieldDef[]> = fc.oneof(
  fc.constant(FIELDS),
  fc
    .tuple(
      fc.shuffledSubarray([...FIELDS], { minLength: 1 }),
      fc.array(fc.constantFrom(...FIELDS), { maxLength: 4 }),
    )
    .map(([part, repeated]) => [...part, ...repeated]),
);

const dateArb = fc.date({
  min: new Date(Date.UTC(2020, 0, 1)),
  max: new Date(Date.UTC(2032, 0, 1)),
  noInvalidDate: true,
});

const caseArb = fc
  .tuple(
    fc.record(Object.fromEntries(FIELDS.map((def) => [def.code, cellFor(def)]))),
    schoolCell,
    periodCell,
    fc.record(
      {
        period: periodCell,
        now: dateArb,
        timestamp: fc.oneof(dateArb, fc.date({ noInvalidDate: false })),
        fields: fieldsArb,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([answers, id, period, options]) => {
    const raw: Record<string, unknown> = { ...answers, school_id: id, period };
    return { raw, options: options as Parameters<typeof validateResponse>[2] };
  });

/** A result, or the error thrown (an invalid Date's text throws, before and now). */
function outcome(run: () => ReturnType<typeof validateResponse>) {
  try {
    const result = run();
    return { result, keys: Object.keys(result.values) };
  } catch (e) {
    return { thrown: String(e) };
  }
}

function sameResult(raw: Record<string, unknown>, options: Parameters<typeof validateResponse>[2]) {
  const fast = outcome(() => validateResponse(raw, REGISTRY, options));
  const slow = outcome(() => reference.referenceValidateResponse(raw, REGISTRY, options));
  // The same keys in the same order too: «Данные» columns and the JSON follow it.
  expect(fast).toStrictEqual(slow);
}

describe('validation is the validation it replaced', () => {
  it('gives the same values, messages and decision for random and hostile responses', () => {
    fc.assert(
      fc.property(caseArb, ({ raw, options }) => sameResult(raw, options)),
      { numRuns: 600 },
    );
  });

  it('gives the same for responses that are mostly valid (bounds and sums reached)', () => {
    const valid = fc
      .record(
        Object.fromEntries(
          FIELDS.map((def) => [
            def.code,
            def.type === 'int'
              ? fc.integer({ min: 0, max: 40 }).map(String)
              : def.type === 'bool'
                ? fc.constantFrom('да', 'нет', 'Да', 'Нет')
                : fc.constantFrom('Текст', 'https://s.ru/a', ''),
          ]),
        ),
      )
      .map((r) => ({ ...r, school_id: '001', period: '2024-2025' }));
    fc.assert(
      fc.property(valid, (raw) => {
        sameResult(raw, {});
        sameResult(raw, { now: new Date(Date.UTC(2026, 0, 1)) });
      }),
      { numRuns: 300 },
    );
  });

  it('parses every cell as before', () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        expect(parseWholeNumber(cell)).toStrictEqual(reference.parseWholeNumber(cell));
        expect({ ...parseBool(cell) }).toStrictEqual(reference.parseBool(cell));
        // Twice: a remembered answer is the answer.
        expect({ ...parseBool(cell) }).toStrictEqual(reference.parseBool(cell));
        expect(parseText(cell)).toStrictEqual(reference.parseText(cell));
        expect(normalizePeriod(cell)).toStrictEqual(reference.normalizePeriod(cell));
      }),
      { numRuns: 3000 },
    );
  });

  it('treats exactly the same characters as blank (every UTF-16 code unit)', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = String.fromCharCode(c);
      for (const cell of [text, `${text}${text}`, `1${text}`, `${text}да`]) {
        const a = parseWholeNumber(cell);
        const b = reference.parseWholeNumber(cell);
        if (
          parseText(cell) !== reference.parseText(cell) ||
          a.value !== b.value ||
          a.error !== b.error
        )
          differ.push(c);
      }
    }
    expect(differ).toEqual([]);
  });
});
