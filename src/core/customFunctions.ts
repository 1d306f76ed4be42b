/**
 * Logic of the custom spreadsheet functions (the shell declares the `@customfunction` entry
 * points and calls these). Each accepts a single value or a range (2D array) and answers in
 * kind; a bad argument gives a short Russian message in the cell instead of an exception.
 *
 * The mechanism: a custom function reads no sheet and computes no monitoring. Google
 * recalculates a custom function only when its arguments change, and gives it 30 s; a
 * function that read the sheets itself would go stale after new responses and recompute the
 * whole monitoring in every cell. So everything a function needs comes in as an argument:
 * - «Пересчитать показатели» writes one small table, the sheet «Значения для формул»
 *   (`formulaTable`): a header of codes (`period`, `school_id`, then every per-school value
 *   code) and one row per school. Per-school functions take that sheet's range as an argument:
 *   `=SHNOR_STATUS(A2; 'Значения для формул'!A:AZ)`. Recompute rewrites it, the argument
 *   changes, and Google recalculates the cell.
 * - Municipal values come from «Сводка», whose first column is the indicator code:
 *   `=SHNOR_INDICATOR("share_flagged"; 'Сводка'!A:I)`.
 * Each calling cell costs about 0.5 s of recalculation: one call over a range of schools
 * (`=SHNOR_STATUS(A2:A501; …)`) is one call, 500 cells with one school each are 500.
 * A new per-school function adds its value to `schoolValue` (a column of the table) and reads
 * it with `tableLookup` as `statusFn` does.
 *
 * Shares come back as fractions rounded like the summary (0.389 for 7 of 18), so a percent
 * cell format shows 38,9 %; gap indicators come back in п.п., counts as counts.
 */
import { DYNAMICS } from './words';
import {
  ISB_COMPONENTS,
  RESULT_COMPONENTS,
  RISKS,
  isbCapSetting,
  isbWeightSetting,
} from './catalogue/components';
import { levelWord } from './report/words';
import { indicatorByCode } from './catalogue/indicators';
import { defaultSettings } from './catalogue/settings';
import { isbFromDisadvantages, resultsIndex, shareDisadvantage } from './compute/indices';
import { CUSTOM_FUNCTIONS as M } from './messages';
import { parseBool, parseDecimal, parseText } from './parse';
import { roundPercent } from './text';
import type { Cell, MonitoringResult, SchoolResult } from './types';

/** A custom function's argument cell: a sheet cell, or nothing. */
type ArgCell = Cell | null | undefined;
export type Arg = ArgCell | ArgCell[][];
export type OutCell = string | number | boolean;
export type Out = OutCell | OutCell[][];

const isRange = (a: Arg): a is ArgCell[][] => Array.isArray(a);
const err = (fn: string, problem: string) => M.error(fn, problem);
const blank = (c: ArgCell) => parseText(c) === null;

/**
 * Applies `f` cell by cell. Ranges must have equal shapes; a single value (or a 1×1 range)
 * is repeated. Returns a single value when every argument is one.
 */
function broadcast(fn: string, args: readonly Arg[], f: (...cells: ArgCell[]) => OutCell): Out {
  const ranges = args.filter(isRange).filter((r) => !(r.length === 1 && r[0]?.length === 1));
  if (ranges.length === 0) {
    return f(...args.map((a) => (isRange(a) ? a[0]?.[0] : a)));
  }
  const rows = ranges[0].length;
  const cols = ranges[0][0]?.length ?? 0;
  if (ranges.some((r) => r.length !== rows || r.some((row) => row.length !== cols))) {
    return err(fn, M.shapeMismatch);
  }
  const out: OutCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: OutCell[] = [];
    for (let j = 0; j < cols; j++) {
      row.push(
        f(
          ...args.map((a) =>
            isRange(a) ? (a.length === 1 && a[0].length === 1 ? a[0][0] : a[i][j]) : a,
          ),
        ),
      );
    }
    out.push(row);
  }
  return out;
}

function cellText(c: ArgCell): string {
  return c instanceof Date ? c.toISOString() : String(c);
}

/** ДОЛЯ(part; whole): part / whole, rounded as the summary rounds. */
export function shareFn(part: Arg, whole: Arg): Out {
  return broadcast(M.share, [part, whole], (p, w) => {
    if (blank(p) || blank(w)) return '';
    const a = parseDecimal(p);
    const b = parseDecimal(w);
    if (a === null) return err(M.share, M.notNumber(cellText(p)));
    if (b === null) return err(M.share, M.notNumber(cellText(w)));
    if (a < 0) return err(M.share, M.negative(cellText(p)));
    if (b < 0) return err(M.share, M.negative(cellText(w)));
    if (b === 0) return err(M.share, M.zeroDenominator);
    if (a > b) return err(M.share, M.partExceedsWhole(cellText(p), cellText(w)));
    const pct = roundPercent(a, b);
    return pct === null ? '' : Number((pct / 100).toPrecision(12));
  });
}

/** A component value: a number, or a yes/no as 1/0; null for blank; undefined when bad. */
function componentValue(c: ArgCell): number | null | undefined {
  if (blank(c)) return null;
  const n = parseDecimal(c);
  if (n !== null) return n;
  const b = parseBool(c);
  return b.value === null ? undefined : b.value ? 1 : 0;
}

/**
 * Reads an N×width table of component values. A first row of text only is a header. Returns
 * per-row values and per-row problems (an error message for that row's output cell).
 */
function readTable(fn: string, range: Arg, width: number) {
  const rows: ArgCell[][] = isRange(range) ? range : [[range]];
  const got = rows[0]?.length ?? 0;
  if (got !== width) return { error: err(fn, M.columns(width, got)) };
  const header =
    rows.length > 1 &&
    rows[0].every((c) => blank(c) || componentValue(c) === undefined) &&
    rows[0].some((c) => !blank(c));
  const body = header ? rows.slice(1) : rows;
  const columns: (number | null)[][] = Array.from({ length: width }, () => []);
  const problems: (string | null)[] = [];
  body.forEach((row, i) => {
    let problem: string | null = null;
    row.forEach((c, j) => {
      const v = componentValue(c);
      if (v === undefined) {
        problem ??= err(fn, M.badCell(i + 1 + (header ? 1 : 0), cellText(c)));
        columns[j].push(null);
      } else columns[j].push(v);
    });
    problems.push(problem);
  });
  return { header, columns, problems, n: body.length };
}

function column(
  header: boolean,
  title: string,
  values: (number | null)[],
  problems: (string | null)[],
): OutCell[][] {
  const out: OutCell[][] = header ? [[title]] : [];
  values.forEach((v, i) => out.push([problems[i] ?? (v === null ? '' : v)]));
  return out;
}

/**
 * ИСБ(range; [weights]) on the absolute 0–100 scale (rev 2): one row per school, nine columns
 * in ISB_COMPONENTS order — five shares of students (неполные семьи; оба родителя с высшим
 * образованием; на учёте — большая из долей ОДН/КДН и внутришкольного; неродной русский язык;
 * ЗПР и УО), then four yes/no conditions (отдалённость; малокомплектная; неукомплектованность
 * штата; дефицит инфраструктуры, интернета или компьютеров). Caps are the defaults. Each row
 * is computed on its own: no other school changes it.
 */
export function isbFn(range: Arg, weights?: Arg): Out {
  const table = readTable(M.isb, range, ISB_COMPONENTS.length);
  if ('error' in table) return table.error as string;
  const defaults = defaultSettings();
  let w = ISB_COMPONENTS.map((c) => Number(defaults[isbWeightSetting(c.code)]));
  const weightCells = weights === undefined ? [] : isRange(weights) ? weights.flat() : [weights];
  if (weightCells.some((c) => !blank(c))) {
    const flat = weightCells.map(parseDecimal);
    if (flat.length !== w.length || flat.some((x) => x === null || x < 0)) {
      return err(M.isb, M.columns(w.length, flat.length));
    }
    w = flat as number[];
  }
  const d = ISB_COMPONENTS.map((c, j) =>
    table.columns[j].map((v, i) => {
      if (table.problems[i] || v === null) return null;
      if (c.kind === 'bool' || c.kind === 'any_bool') return v > 0 ? 1 : 0;
      return shareDisadvantage(v, Number(defaults[isbCapSetting(c.code)]), c.inverse);
    }),
  );
  const isb = isbFromDisadvantages(d, w, table.n);
  return column(table.header, M.isbTitle, isb, table.problems);
}

/**
 * ИНДЕКС_РЕЗУЛЬТАТОВ(range): one row per school, the five pooled result shares in catalogue
 * order (ЕГЭ ниже порога, ЕГЭ высокобалльники, ОГЭ «2», ВПР «2», РДР «2»); blank = missing.
 */
export function resultsIndexFn(range: Arg): Out {
  const table = readTable(M.resultsIndex, range, RESULT_COMPONENTS.length);
  if ('error' in table) return table.error as string;
  const shares: Record<string, (number | null)[]> = {};
  RESULT_COMPONENTS.forEach((c, j) => {
    shares[c.code] = table.columns[j].map((v, i) => (table.problems[i] ? null : v));
  });
  return column(table.header, M.resultsIndexTitle, resultsIndex(shares, table.n), table.problems);
}

const SCHOOL_CODES = new Set<keyof SchoolResult>([
  'name',
  'locality',
  'responded',
  'official_status',
  'computed_status',
  'status',
  'status_mismatch',
  'flagged',
  'results_index',
  'results_index_no_vpr',
  'results_index_prev',
  'isb',
  'isb_prev',
  'risk_zone',
  'resilient',
  'residual',
  'leader_suggestions',
  'objectivity_flags',
  'risk_profile',
  'peers',
  'peer_rank',
  'municipal_rank',
  'dynamics',
  'effective_mode',
  'recommendations',
]);

function outValue(v: unknown): OutCell {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return '';
}

/** `risk_<factor>` columns of the table: each «500+» factor's level in words (rev 2). */
const RISK_CODES = RISKS.map((r) => `risk_${r.code}`);

function schoolValue(school: SchoolResult, code: string): OutCell | undefined {
  if (code === 'dynamics') return school.dynamics ? DYNAMICS.show(school.dynamics) : '';
  if (code.startsWith('risk_') && RISK_CODES.includes(code)) {
    return levelWord(school.risk_levels[code.slice('risk_'.length)] ?? null);
  }
  if (SCHOOL_CODES.has(code as keyof SchoolResult))
    return outValue(school[code as keyof SchoolResult]);
  const shareKey = code.startsWith('share_') ? code.slice('share_'.length) : code;
  if (shareKey in school.shares) return outValue(school.shares[shareKey]);
  return undefined;
}

/**
 * «Значения для формул»: the per-school values the functions answer with, keyed by code.
 * Written by recompute (one write); read only through a range argument.
 */
export function formulaTable(result: MonitoringResult): OutCell[][] {
  const shareKeys = [...new Set(result.schools.flatMap((s) => Object.keys(s.shares)))].sort();
  const codes = [...SCHOOL_CODES, ...RISK_CODES, ...shareKeys.map((k) => `share_${k}`)];
  return [
    ['period', 'school_id', ...codes],
    ...result.schools.map((s) => [
      result.period,
      s.school_id,
      ...codes.map((c) => schoolValue(s, c) ?? ''),
    ]),
  ];
}

/** A table passed as a range: the header's codes, rows by their key (first column's code). */
interface Lookup {
  period: string | null;
  get(key: string, code: string): OutCell | undefined;
  has(key: string): boolean;
  /** The key of a row whose code is this number (Sheets turns a typed «0001» into 1). */
  byNumber(n: number): string | null;
}

const keyText = (c: ArgCell): string =>
  c instanceof Date ? c.toISOString() : String(c ?? '').trim();

/** «Значения для формул» (header `period`, `school_id`, codes…), or null if it is not. */
function schoolLookup(table: ArgCell[][]): Lookup | null {
  const header = (table[0] ?? []).map(keyText);
  const idCol = header.indexOf('school_id');
  if (idCol < 0) return null;
  const periodCol = header.indexOf('period');
  const columns = new Map(header.map((h, i) => [h, i]));
  const rows = new Map<string, ArgCell[]>();
  for (const row of table.slice(1)) {
    const id = keyText(row[idCol]);
    if (id !== '') rows.set(id, row);
  }
  const first = table[1];
  const numeric = new Map([...rows.keys()].map((k) => [Number(k), k]));
  return {
    period: periodCol >= 0 && first ? keyText(first[periodCol]) : null,
    has: (id) => rows.has(id),
    byNumber: (n) => numeric.get(n) ?? null,
    get(id, code) {
      const col = columns.get(code) ?? columns.get(`share_${code}`);
      const row = rows.get(id);
      if (col === undefined || !row || col === idCol || col === periodCol) return undefined;
      const v = row[col];
      return v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : v;
    },
  };
}

/** «Сводка»: the first column is the indicator code; values as the summary holds them. */
function summaryLookup(table: ArgCell[][]): Lookup {
  const rows = new Map<string, ArgCell[]>();
  for (const row of table.slice(1)) rows.set(keyText(row[0]), row);
  return {
    period: null,
    has: () => true,
    byNumber: () => null,
    get(_key, code) {
      const def = indicatorByCode(code);
      const row = rows.get(code);
      if (!def || !row) return undefined;
      const value = row[3] as ArgCell;
      const percent = row[5] as ArgCell;
      if (def.kind === 'fact') return outValue(value);
      if (def.kind === 'sum' || def.kind === 'registry_count') return outValue(value);
      if (typeof percent !== 'number') return '';
      if (def.kind === 'gap') return percent;
      return Number((percent / 100).toPrecision(12));
    },
  };
}

function lookupOf(fn: string, table: Arg): Lookup | string {
  if (!isRange(table) || table.length < 2) return err(fn, M.noTable);
  return schoolLookup(table) ?? summaryLookup(table);
}

function periodProblem(fn: string, lookup: Lookup, period: ArgCell): string | null {
  const p = parseText(period);
  if (p === null || lookup.period === null || p === lookup.period) return null;
  return err(fn, M.noResult(p));
}

/** Finds a school's row: by its code as typed, or by number when Sheets made «0001» a 1. */
function schoolKey(lookup: Lookup, id: ArgCell): string | null {
  const key = parseText(id);
  if (key === null) return null;
  if (lookup.has(key) || typeof id !== 'number') return key;
  return lookup.byNumber(id) ?? key;
}

/** СТАТУС(school_id; table; [period]): the status of record ('' when on no list). */
export function statusFn(schoolId: Arg, table: Arg, period: Arg = ''): Out {
  const lookup = lookupOf(M.status, table);
  if (typeof lookup === 'string') return lookup;
  return broadcast(M.status, [schoolId, period], (id, p) => {
    const problem = periodProblem(M.status, lookup, p);
    if (problem) return problem;
    const key = schoolKey(lookup, id);
    if (key === null) return err(M.status, M.noSchool);
    const status = lookup.has(key) ? lookup.get(key, 'status') : undefined;
    return status === undefined ? err(M.status, M.unknownSchool(key)) : status;
  });
}

/**
 * ПОКАЗАТЕЛЬ(code; table; [school_id]; [period]): with a school and «Значения для формул»,
 * the school's value (`results_index`, `isb`, `status`, `share_teachers_diagnosed`, ...);
 * with «Сводка», the municipal value (share as a fraction, gap in п.п., count, or
 * имеется/отсутствует).
 */
export function indicatorFn(code: Arg, table: Arg, schoolId: Arg = '', period: Arg = ''): Out {
  const lookup = lookupOf(M.indicator, table);
  if (typeof lookup === 'string') return lookup;
  return broadcast(M.indicator, [code, schoolId, period], (c, id, p) => {
    const key = parseText(c);
    if (key === null) return err(M.indicator, M.unknownCode(''));
    const problem = periodProblem(M.indicator, lookup, p);
    if (problem) return problem;
    const school = schoolKey(lookup, id) ?? '';
    if (school !== '' && !lookup.has(school)) return err(M.indicator, M.unknownSchool(school));
    const v = lookup.get(school, key);
    return v === undefined ? err(M.indicator, M.unknownCode(key)) : v;
  });
}

/** A factor as typed: its code (`environment`) or its «500+» name, any case. */
function riskCode(c: ArgCell): string | null {
  const text = (parseText(c) ?? '').toLowerCase().replace(/ё/g, 'е');
  const found = RISKS.find(
    (r) => r.code === text || r.label.toLowerCase().replace(/ё/g, 'е') === text,
  );
  return found ? found.code : null;
}

/**
 * РИСК(school_id; factor; table; [period]) (rev 2): the level of a «500+» risk factor —
 * высокий, средний, низкий, or empty when the school's answers do not decide it. Reads the
 * table recompute writes, as СТАТУС does: it never recomputes the monitoring in a cell.
 */
export function riskFn(schoolId: Arg, factor: Arg, table: Arg, period: Arg = ''): Out {
  const lookup = isRange(table) && table.length >= 2 ? schoolLookup(table) : null;
  if (lookup === null) return err(M.risk, M.noRiskTable);
  return broadcast(M.risk, [schoolId, factor, period], (id, f, p) => {
    const problem = periodProblem(M.risk, lookup, p);
    if (problem) return problem;
    const code = riskCode(f);
    if (code === null) return err(M.risk, M.unknownFactor(parseText(f) ?? ''));
    const key = schoolKey(lookup, id);
    if (key === null) return err(M.risk, M.noSchool);
    if (!lookup.has(key)) return err(M.risk, M.unknownSchool(key));
    const level = lookup.get(key, `risk_${code}`);
    return level === undefined ? err(M.risk, M.noRiskTable) : level;
  });
}
