/**
 * Logic of the custom spreadsheet functions (the shell declares the `@customfunction` entry
 * points and calls these). Each accepts a single value or a range (2D array) and answers in
 * kind; a bad argument gives a short Russian message in the cell instead of an exception.
 *
 * Shares come back as fractions rounded like the summary (0.389 for 7 of 18), so a percent
 * cell format shows 38,9 %; gap indicators come back in п.п., counts as counts.
 */
import { DYNAMICS } from './words';
import { ISB_COMPONENTS, RESULT_COMPONENTS } from './catalogue/components';
import { indicatorByCode } from './catalogue/indicators';
import { defaultSettings } from './catalogue/settings';
import { isbIndex, resultsIndex } from './compute/indices';
import { CUSTOM_FUNCTIONS as M } from './messages';
import { parseBool, parseDecimal, parseText } from './parse';
import { roundPercent } from './text';
import type { Cell, MonitoringResult, SchoolResult } from './types';

/** A custom function's argument cell: a sheet cell, or nothing. */
type ArgCell = Cell | null | undefined;
export type Arg = ArgCell | ArgCell[][];
export type OutCell = string | number | boolean;
export type Out = OutCell | OutCell[][];

export interface CustomFunctionContext {
  /** The computed monitoring of a period; no period = the current one. */
  result(period?: string): MonitoringResult | null;
}

/** A context over already computed results; the first one is the current period. */
export function contextFromResults(results: readonly MonitoringResult[]): CustomFunctionContext {
  return {
    result(period?: string) {
      const p = (period ?? '').trim();
      if (p === '') return results[0] ?? null;
      return results.find((r) => r.period === p) ?? null;
    },
  };
}

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
 * ИСБ(range; [weights]): one row per school, the twelve ИСБ components in catalogue order
 * (eight shares of students, then four yes/no conditions). Rows with a bad cell are left out
 * of the standardisation and show the error.
 */
export function isbFn(range: Arg, weights?: Arg): Out {
  const table = readTable(M.isb, range, ISB_COMPONENTS.length);
  if ('error' in table) return table.error as string;
  const defaults = defaultSettings();
  let w = ISB_COMPONENTS.map((c) => Number(defaults[`isb_weight_${c.field}`]));
  const weightCells = weights === undefined ? [] : isRange(weights) ? weights.flat() : [weights];
  if (weightCells.some((c) => !blank(c))) {
    const flat = weightCells.map(parseDecimal);
    if (flat.length !== w.length || flat.some((x) => x === null || x < 0)) {
      return err(M.isb, M.columns(w.length, flat.length));
    }
    w = flat as number[];
  }
  const cols = table.columns.map((col) => col.map((v, i) => (table.problems[i] ? null : v)));
  const { isb } = isbIndex(cols, w, table.n);
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

const schoolIndexCache = new WeakMap<MonitoringResult, Map<string, SchoolResult>>();

function findSchool(result: MonitoringResult, id: string): SchoolResult | undefined {
  let index = schoolIndexCache.get(result);
  if (!index) {
    index = new Map(result.schools.map((s) => [s.school_id, s]));
    schoolIndexCache.set(result, index);
  }
  return index.get(id);
}

function resultFor(
  fn: string,
  ctx: CustomFunctionContext,
  period: ArgCell,
): MonitoringResult | string {
  const p = parseText(period) ?? '';
  return ctx.result(p) ?? err(fn, M.noResult(p));
}

/** СТАТУС(school_id; [period]): the status of record ('' when on no list). */
export function statusFn(schoolId: Arg, period: Arg, ctx: CustomFunctionContext): Out {
  return broadcast(M.status, [schoolId, period], (id, p) => {
    const result = resultFor(M.status, ctx, p);
    if (typeof result === 'string') return result;
    const key = parseText(id);
    if (key === null) return err(M.status, M.noSchool);
    const school = findSchool(result, key);
    return school ? school.status : err(M.status, M.unknownSchool(key));
  });
}

function outValue(v: unknown): OutCell {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return '';
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

function schoolValue(school: SchoolResult, code: string): OutCell | undefined {
  if (code === 'dynamics') return school.dynamics ? DYNAMICS.show(school.dynamics) : '';
  if (SCHOOL_CODES.has(code as keyof SchoolResult))
    return outValue(school[code as keyof SchoolResult]);
  const shareKey = code.startsWith('share_') ? code.slice('share_'.length) : code;
  if (shareKey in school.shares) return outValue(school.shares[shareKey]);
  return undefined;
}

/**
 * ПОКАЗАТЕЛЬ(code; [school_id]; [period]): without a school, the municipal summary value
 * (share as a fraction, gap in п.п., count, or имеется/отсутствует); with one, the school's
 * value (`results_index`, `isb`, `status`, `share_teachers_diagnosed`, `vpr_fail`, ...).
 */
export function indicatorFn(
  code: Arg,
  schoolId: Arg,
  period: Arg,
  ctx: CustomFunctionContext,
): Out {
  return broadcast(M.indicator, [code, schoolId, period], (c, id, p) => {
    const key = parseText(c);
    if (key === null) return err(M.indicator, M.unknownCode(''));
    const result = resultFor(M.indicator, ctx, p);
    if (typeof result === 'string') return result;
    const school = parseText(id);
    if (school === null) {
      const def = indicatorByCode(key);
      const ind = result.indicators.find((i) => i.code === key);
      if (!def || !ind) return err(M.indicator, M.unknownCode(key));
      if (def.kind === 'fact') return ind.value ?? '';
      if (def.kind === 'gap') return outValue(ind.percent);
      if (def.kind === 'sum' || def.kind === 'registry_count') return outValue(ind.count);
      return ind.percent === null ? '' : Number((ind.percent / 100).toPrecision(12));
    }
    const s = findSchool(result, school);
    if (!s) return err(M.indicator, M.unknownSchool(school));
    const v = schoolValue(s, key);
    return v === undefined ? err(M.indicator, M.unknownCode(key)) : v;
  });
}
