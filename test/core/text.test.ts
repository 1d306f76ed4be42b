import fc from 'fast-check';
import {
  typeset,
  asPlainCellText,
  countWithNoun,
  diffOneDecimal,
  escapeHtml,
  formatNumber,
  formatPercent,
  formatPp,
  lowerFirst,
  plural,
  roundHalfUp,
  roundPercent,
} from '../../src/core/text';

const SCHOOL = ['школа', 'школы', 'школ'] as const;

describe('roundPercent: one decimal, half-up, exact', () => {
  it.each([
    [7, 18, 38.9],
    [5, 7, 71.4], // Kansk printed 71,5% — the exact value is 71.428…
    [1, 18, 5.6], // 5.555… rounds up
    [2, 18, 11.1], // Kansk printed 11,2% — the exact value is 11.111…
    [169, 202, 83.7],
    [0, 7, 0],
    [7, 7, 100],
  ])('%i of %i is %f', (count, den, expected) => {
    expect(roundPercent(count, den)).toBe(expected);
  });

  it('rounds exact halves up where floating point would round them down', () => {
    // 23/80 = 28.75 % exactly; (23/80)*100 is 28.749999… in floating point.
    expect((23 / 80) * 100).toBeLessThan(28.75);
    expect(Math.round((23 / 80) * 100 * 10) / 10).toBe(28.7); // the naive rounding is wrong
    expect(roundPercent(23, 80)).toBe(28.8);
    expect(roundPercent(29, 400)).toBe(7.3); // 7.25 %
    expect(roundPercent(777, 2000)).toBe(38.9); // 38.85 %
    // 0.0005 steps: 1/2000 = 0.05 %, 3/2000 = 0.15 %, 2001/4000 = 50.025 %.
    expect(roundPercent(1, 2000)).toBe(0.1);
    expect(roundPercent(3, 2000)).toBe(0.2);
    expect(roundPercent(29, 2000)).toBe(1.5); // 1.45 %
    expect(roundPercent(2001, 4000)).toBe(50);
    expect(roundPercent(2003, 4000)).toBe(50.1); // 50.075 %
  });

  it('gives no percent for a zero or missing denominator, never NaN or Infinity', () => {
    expect(roundPercent(0, 0)).toBeNull();
    expect(roundPercent(3, 0)).toBeNull();
    expect(roundPercent(null, 5)).toBeNull();
    expect(roundPercent(5, null)).toBeNull();
  });

  it('matches exact rational rounding for every count of every denominator up to 400', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), (den, c) => {
        const count = c % (den + 1);
        const p = roundPercent(count, den) as number;
        // p·10 is the integer nearest to count·1000/den, halves up: |p·10·den − count·1000| ≤ den/2
        const tenths = Math.round(p * 10);
        const diff = tenths * den - count * 1000;
        return diff * 2 <= den && diff * 2 > -den;
      }),
    );
  });
});

describe('roundHalfUp', () => {
  it('rounds decimals as written, not as stored', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(0.15, 1)).toBe(0.2);
    expect(roundHalfUp(-0.15, 1)).toBe(-0.2);
    expect(roundHalfUp(-0.04, 1)).toBe(0);
  });
});

describe('formatting in Russian', () => {
  it('writes percents with a decimal comma, a non-breaking space and a dash for nothing', () => {
    expect(formatPercent(38.9)).toBe('38,9\u00a0%');
    expect(formatPercent(100)).toBe('100,0\u00a0%');
    expect(formatPercent(0)).toBe('0,0\u00a0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('writes numbers with a decimal comma and groups large ones', () => {
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(40000)).toBe('40\u00a0000');
    expect(formatNumber(-0.834, 2)).toBe('\u22120,83'); // a true minus: a hyphen breaks lines
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(null)).toBe('—');
  });

  it('writes changes in percentage points with their sign', () => {
    expect(formatPp(2.3)).toBe('+2,3\u00a0п.п.');
    expect(formatPp(-1.5)).toBe('\u22121,5\u00a0п.п.');
    expect(formatPp(0)).toBe('0,0\u00a0п.п.');
  });

  it('sets Russian typography in any text: «№ 16», «38,9 %», «2021–2022»', () => {
    expect(typeset('МБОУ СОШ № 16, 38,9%, 5 п.п., 2021-2022 учебный год')).toBe(
      'МБОУ СОШ №\u00a016, 38,9\u00a0%, 5\u00a0п.п., 2021–2022 учебный год',
    );
    expect(typeset('№16')).toBe('№\u00a016');
    expect(formatPp(null)).toBe('—');
  });

  it('subtracts one-decimal percents without floating-point noise', () => {
    expect(38.9 - 33.3).not.toBe(5.6);
    expect(diffOneDecimal(38.9, 33.3)).toBe(5.6);
    expect(diffOneDecimal(null, 33.3)).toBeNull();
  });
});

describe('plural forms', () => {
  it.each([
    [1, 'школа'],
    [2, 'школы'],
    [4, 'школы'],
    [5, 'школ'],
    [11, 'школ'],
    [12, 'школ'],
    [14, 'школ'],
    [21, 'школа'],
    [22, 'школы'],
    [25, 'школ'],
    [101, 'школа'],
    [111, 'школ'],
    [0, 'школ'],
  ])('%i %s', (n, form) => {
    expect(plural(n, SCHOOL)).toBe(form);
  });

  it('counts with the noun', () => {
    expect(countWithNoun(21, SCHOOL)).toBe('21 школа');
    expect(countWithNoun(40000, SCHOOL)).toBe('40\u00a0000 школ');
    expect(plural(1.5, SCHOOL)).toBe('школы');
  });
});

describe('respondent text is data', () => {
  it('escapes HTML', () => {
    expect(escapeHtml('<b>"Школа" & Co</b>')).toBe('&lt;b&gt;&quot;Школа&quot; &amp; Co&lt;/b&gt;');
  });

  it('keeps formula-looking text as text', () => {
    expect(asPlainCellText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(asPlainCellText('-5 учеников')).toBe("'-5 учеников");
    expect(asPlainCellText('@home')).toBe("'@home");
    expect(asPlainCellText('Школа №1')).toBe('Школа №1');
  });

  it('lower-cases a first letter but not an abbreviation', () => {
    expect(lowerFirst('Педагогов всего')).toBe('педагогов всего');
    expect(lowerFirst('ЕГЭ, русский язык')).toBe('ЕГЭ, русский язык');
  });
});
