/**
 * The analytical report and the letters as models: every section of domain spec §8, schools
 * named, only what is true of the run (one period or two, form or files), Russian typography,
 * no code a reader would see, and respondent text kept as text.
 */
import { computeMonitoring } from '../../src/core/monitoring';
import { buildReport, type ReportContext } from '../../src/core/report/build';
import { buildLetter } from '../../src/core/report/letter';
import type { ReportBlock, ReportModel } from '../../src/core/report/model';
import { RISKS } from '../../src/core/catalogue';
import { countWithNoun } from '../../src/core/text';
import { NOUNS } from '../../src/core/messages';
import { parseMeasures } from '../../src/core/measures';
import { answers, listed, row, school } from './fixtures';

const P1 = '2020-2021';
const P2 = '2021-2022';

function monitoring(periods: 1 | 2, nameOf: (i: number) => string = (i) => `МБОУ «Школа № ${i}»`) {
  const registry = Array.from({ length: 8 }, (_, k) =>
    school(String(k + 1), { name: nameOf(k + 1) }),
  );
  const data = [];
  const lists = [listed(P2, '1', 'ШНОР'), listed(P2, '2', 'ШНСУ')];
  for (let k = 1; k <= 8; k++) {
    if (k === 8) continue; // school 8 does not respond
    data.push(
      row(
        String(k),
        P2,
        answers({
          teachers_diagnosed: k,
          staff_shortage: k <= 3,
          no_stable_internet: k <= 3,
          vpr_math8_participants: 20,
          vpr_math8_fail: k <= 2 ? 9 : 1,
          vpr_math8_lower: k === 1 ? 12 : 0,
          students_single_parent: k * 5,
        }),
      ),
    );
    if (periods === 2)
      data.push(row(String(k), P1, answers({ teachers_diagnosed: 2 }), '2021-05-01T10:00:00Z'));
  }
  if (periods === 2) lists.push(listed(P1, '3', 'ШНОР'), listed(P1, '8', 'ШНОР'));
  return computeMonitoring({ registry, lists, data, settings: {}, period: P2 });
}

const ctx = (extra: Partial<ReportContext> = {}): ReportContext => ({
  municipality: 'Сосновский округ',
  date: '20.06.2022',
  rejectedCount: 0,
  heldCount: 0,
  inputWarnings: [],
  ...extra,
});

function texts(model: ReportModel): string[] {
  const out: string[] = [model.title];
  const take = (b: ReportBlock) => {
    if ('text' in b) out.push(b.text);
    if ('lines' in b) out.push(...b.lines);
    if (b.kind === 'list') out.push(...b.items);
    if (b.kind === 'table') out.push(...b.header, ...b.rows.flat());
    if (b.kind === 'chart') out.push(b.caption, ...b.chart.header, ...(b.chart.labels ?? []));
  };
  model.blocks.forEach(take);
  return out;
}
const all = (m: ReportModel) => texts(m).join('\n');

describe('the analytical report (§8)', () => {
  const result = monitoring(2);
  const report = buildReport(result, ctx({ source: 'files' }));
  const headings = report.blocks
    .filter((b) => b.kind === 'heading')
    .map((b) => (b as { text: string }).text);

  it('has every section of §8, in the order of the management cycle', () => {
    const expected = [
      /^1\. Цели, показатели и методы/,
      /^2\. Участие школ/,
      /^3\. Показатели мониторинга/,
      /^4\. Школы по статусам/,
      /^5\. Выводы/,
      /^6\. Адресные рекомендации/,
      /^7\. Эффективность мер/,
      /^8\. Управленческие решения/,
      /^Приложение/,
    ];
    let at = -1;
    for (const re of expected) {
      const i = headings.findIndex((h) => re.test(h));
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    const kinds = report.blocks.map((b) => b.kind);
    expect(kinds[0]).toBe('issuer');
    expect(kinds).toContain('signature');
    expect(report.blocks.filter((b) => b.kind === 'chart')).toHaveLength(2);
    expect(all(report)).toMatch(/Рисунок 1 — /);
    expect(all(report)).toMatch(/Рисунок 2 — /);
    expect(all(report)).toMatch(/Исполнитель/);
    expect(report.title).toContain('2021–2022 учебный год');
  });

  it('names the schools it speaks of: silent, flagged, risk zone, objectivity', () => {
    const text = all(report);
    expect(text).toMatch(/Не представили данные: МБОУ «Школа №\u00a08»/);
    for (const s of result.schools.filter((x) => x.flagged))
      expect(text).toContain(s.name.replace('№ ', '№\u00a0'));
    const risk = result.schools.filter((s) => s.risk_zone);
    expect(risk.length).toBeGreaterThan(0);
    for (const s of risk) expect(text).toContain(s.name.replace('№ ', '№\u00a0'));
    expect(text).not.toMatch(/\(\d+ школ[аы]?\)/); // never a bare count for a recommendation
  });

  it('says the data came from files offline and from the form online', () => {
    expect(all(report)).toMatch(/файлов/);
    expect(all(report)).not.toMatch(/Google Форма/);
    expect(all(buildReport(result, ctx({ source: 'form' })))).toMatch(/Google Форма/);
  });

  it('with one period, claims no dynamics at all', () => {
    const one = buildReport(monitoring(1), ctx());
    const text = all(one);
    expect(text).not.toMatch(/Ни одна школа не вышла/);
    expect(text).toMatch(/Данных за предыдущий период нет/);
    const summary = one.blocks.find((b) => b.kind === 'table');
    expect(summary && summary.kind === 'table' && summary.header).toHaveLength(4);
  });

  it('a school that did not respond never «left» the lists', () => {
    const text = all(report);
    expect(text).not.toMatch(/Вышли из списков:[^\n]*Школа №\u00a08/);
  });

  it('shows gaps in п.п. with both groups, never as «%»', () => {
    const table = report.blocks.find((b) => b.kind === 'table');
    if (!table || table.kind !== 'table') throw new Error('no table');
    const titles = result.indicators.filter((i) => i.code.startsWith('gap_')).map((i) => i.title);
    const gaps = table.rows.filter((r) => titles.some((t) => r[0].startsWith(t.slice(0, 20))));
    expect(gaps.length).toBe(titles.length);
    for (const r of gaps) expect(r[3]).toMatch(/п\.п\.$|^—$/);
    expect(gaps.some((r) => /п\.п\.$/.test(r[3]))).toBe(true);
  });

  it('uses Russian typography: NBSP in «№ 8», «38,9 %», «+6,8 п.п.», a true minus, the en dash', () => {
    const text = all(report);
    expect(text).not.toMatch(/№ /);
    expect(text).not.toMatch(/\d %/);
    expect(text).not.toMatch(/\d п\.п\./);
    expect(text).not.toMatch(/(^|[\s(])-\d/m);
    expect(text).not.toMatch(/\b20\d\d-20\d\d\b/);
  });

  it('shows no code to the reader: no field, indicator or risk code', () => {
    const codeLike = /\b[a-z]+_[a-z_]+\b/;
    const risk = new RegExp(`\\b(${RISKS.map((r) => r.code).join('|')})\\b`);
    for (const t of texts(report)) {
      expect(t).not.toMatch(codeLike);
      expect(t).not.toMatch(risk);
    }
  });

  it('puts at most five recommendations per school into the annex, one row per school', () => {
    const annex = report.blocks[report.blocks.length - 1];
    if (annex.kind !== 'table') throw new Error('annex is not a table');
    expect(annex.rows).toHaveLength(result.schools.filter((s) => s.flagged).length);
    for (const r of annex.rows) expect((r[2].match(/^\d\./gm) ?? []).length).toBeLessThanOrEqual(5);
  });

  it("reports the effect of last period's measures from «Меры»", () => {
    const rec = (
      date: Date | string,
      school_id: string,
      measure: string,
      status: string,
      deadline: Date | string = '',
    ) => ({ date, school_id, measure, responsible: 'ММС', deadline, status });
    // Date cells are days of the spreadsheet's zone: here the adapter's answer is UTC's day.
    const utcDay = (d: Date) => d.toISOString().slice(0, 10);
    const measures = parseMeasures(
      [
        rec(new Date('2021-09-01'), '3 — МБОУ «Школа № 3»', 'Методический десант', 'выполнена'),
        rec('01.09.2021', '8', 'Курсы ПК', 'запланирована', new Date('2022-05-31')),
        rec('', '', 'пустая строка', ''),
      ],
      utcDay,
    );
    expect(measures).toHaveLength(2);
    expect(measures.map((m) => [m.date, m.deadline])).toEqual([
      ['2021-09-01', ''],
      ['2021-09-01', '2022-05-31'],
    ]);
    const text = all(buildReport(result, ctx({ measures })));
    // Flagged in 2020–2021: schools 3 and 8; school 3 completed a measure.
    expect(text).toMatch(/Выполненные меры есть у 1 из 2 школ/);
    expect(text).toMatch(/Методический десант \(выполнена\)/);
    expect(text).toMatch(/Курсы ПК \(запланирована, срок 31\.05\.2022\)/);
    expect(all(report)).toMatch(/На листе «Меры» нет мер/);
  });

  it('keeps respondent and registry text as text', () => {
    const hostile = buildReport(
      monitoring(2, (i) => (i === 1 ? '=HYPERLINK("http://x") <b>Школа</b>' : `Школа ${i}`)),
      ctx(),
    );
    expect(all(hostile)).toContain('=HYPERLINK("http://x") <b>Школа</b>');
  });
});

describe('the letter to a school (§8)', () => {
  const result = monitoring(2);
  const flagged = result.schools.find((s) => s.flagged && s.recommendations.length > 0)!;
  const letter = buildLetter(result, flagged, {
    municipality: 'Сосновский округ',
    date: '20.06.2022',
    nextDeadline: '31.05.2023',
  });
  const text = all(letter);

  it('addresses the school and states its status and why', () => {
    expect(text).toContain(`Руководителю ${flagged.name.replace('№ ', '№\u00a0')}`);
    expect(text).toMatch(/Статус школы: .*Основание: /);
    expect(text).toMatch(/31\.05\.2023/);
  });

  it('lists at most the allowed number of recommendations, then «Дополнительно»', () => {
    const numbered = letter.blocks.filter((b) => b.kind === 'paragraph' && /^\d\. /.test(b.text));
    expect(numbered.length).toBe(flagged.recommendations.length);
    expect(numbered.length).toBeLessThanOrEqual(5);
    if (flagged.additional_recommendations.length > 0) expect(text).toMatch(/Дополнительно/);
  });

  it('shows its indicators beside last period and the municipality, in words only', () => {
    const table = letter.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.header).toEqual([
      'Показатель',
      'Школа, 2021–2022',
      'Школа, 2020–2021',
      'По муниципалитету*',
    ]);
    for (const t of texts(letter)) expect(t).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  it('gives each index with the same decimals in every column: ИСБ one, results two', () => {
    const table = letter.blocks.find((b) => b.kind === 'table');
    if (!table || table.kind !== 'table') throw new Error('no table');
    const rowOf = (label: RegExp) => table.rows.find((r) => label.test(r[0]))!.slice(1);
    for (const cell of rowOf(/ИСБ/)) expect(cell).toMatch(/^(—|−?\d+,\d)$/);
    for (const cell of rowOf(/образовательных результатов/))
      expect(cell).toMatch(/^(—|−?\d+,\d\d)$/);
  });
});

describe('plural forms used by the documents', () => {
  it.each([
    [1, '1 школа'],
    [2, '2 школы'],
    [5, '5 школ'],
    [11, '11 школ'],
    [21, '21 школа'],
    [22, '22 школы'],
    [25, '25 школ'],
    [111, '111 школ'],
  ])('%i → %s', (n, expected) => {
    expect(countWithNoun(n, NOUNS.school)).toBe(expected);
  });

  it.each([
    [1, '1 рекомендация'],
    [2, '2 рекомендации'],
    [5, '5 рекомендаций'],
    [11, '11 рекомендаций'],
    [21, '21 рекомендация'],
    [22, '22 рекомендации'],
    [25, '25 рекомендаций'],
    [111, '111 рекомендаций'],
  ])('%i → %s', (n, expected) => {
    expect(countWithNoun(n, NOUNS.recommendation)).toBe(expected);
  });
});
