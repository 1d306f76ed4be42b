/**
 * Targeted recommendations (domain spec §7, rev 2): quartile thresholds on shrunk shares,
 * the order of a school's rules by its risk levels, at most `max_recommendations` of them,
 * and the texts with `{leaders}`, `{worst_vpr}` and `{value}` filled in.
 */
import { RESULT_COMPONENTS, type RiskLevel } from '../catalogue/components';
import { fieldByCode } from '../catalogue/fields';
import { LEADERS_PLACEHOLDER, VALUE_PLACEHOLDER, WORST_VPR_PLACEHOLDER } from '../catalogue/rules';
import { numAt } from '../compute/columns';
import type { PeriodCore } from '../compute/periodCore';
import { worstQuartile } from '../compute/riskFactors';
import { num, share, shrink } from '../compute/shares';
import { lowestShare } from '../compute/stats';
import { RULE_MESSAGES as M } from '../messages';
import { vprTitle, levelWord } from '../report/words';
import { formatNumber, formatPercent, roundHalfUp } from '../text';
import {
  LEVEL_RANK,
  codeKind,
  placeOf,
  subjectOf,
  subjectValue,
  valueAtPlace,
  type CodeKind,
  type CodePlace,
  type RuleSubject,
} from './codes';
import type { CompiledRule } from './compile';

const COMPONENTS = new Set(RESULT_COMPONENTS.map((c) => c.code));

/**
 * The values a code ranks schools by: shrunk pooled shares for results components, shrunk
 * shares for `share_<field>`, the raw value otherwise; and the municipal value they shrink to.
 */
function rankingColumn(
  code: string,
  cur: PeriodCore,
  subjects: readonly RuleSubject[],
  k: number,
): { values: (number | null)[]; p: number | null } {
  if (COMPONENTS.has(code)) return { values: cur.shrunk[code], p: cur.municipalPooled[code] };
  const def = code.startsWith('share_') ? fieldByCode(subjectOf(code)) : undefined;
  if (def?.base) {
    const counts = cur.columns.num(def.code);
    const bases = cur.columns.num(def.base);
    const pairs = cur.values.map((_, i) => {
      const c = numAt(counts, i);
      const b = numAt(bases, i);
      return c === null || b === null || b <= 0 ? null : { c, b };
    });
    let sc = 0;
    let sb = 0;
    for (const x of pairs) if (x) [sc, sb] = [sc + x.c, sb + x.b];
    const p = share(sc, sb);
    return { values: pairs.map((x) => (x ? shrink(x.c, x.b, p, k) : null)), p };
  }
  const values = subjects.map((s) => {
    const v = subjectValue(s, code);
    return typeof v === 'number' ? v : null;
  });
  const present = values.filter((v): v is number => v !== null);
  const p = present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
  return { values, p };
}

/**
 * `(code, high)` -> whether each school is in the municipality's worst quartile of that code:
 * the highest quarter when higher is worse, the lowest otherwise, ties included, and only
 * schools worse than the municipal value (as for the risk factors).
 */
export function quartileLookup(
  cur: PeriodCore,
  subjects: readonly RuleSubject[],
  k: number,
): (code: string, high: boolean) => boolean[] {
  const cache = { high: new Map<string, boolean[]>(), low: new Map<string, boolean[]>() };
  return (code, high) => {
    const byCode = high ? cache.high : cache.low;
    let found = byCode.get(code);
    if (!found) {
      const { values, p } = rankingColumn(code, cur, subjects, k);
      if (high) found = worstQuartile(values, p);
      else {
        const low = lowestShare(values, 0.25);
        found = values.map((v, i) => low[i] && v !== null && (p === null || v < p));
      }
      byCode.set(code, found);
    }
    return found;
  };
}

/**
 * The rules of a school in the order they are recommended: those addressing its factors at
 * level high first, then medium, then the rest, each group in rule order.
 */
export function orderByRiskLevels(
  fired: readonly CompiledRule[],
  levels: Readonly<Record<string, RiskLevel | null>>,
): string[] {
  // Three passes in rule order: the stable sort by rank, without a sort, an object per rule or
  // a function per school.
  const out: string[] = [];
  for (let k = 0; k <= 2; k++) {
    for (const r of fired) {
      const l = r.risk === null ? null : levels[r.risk];
      if ((l === 'high' ? 0 : l === 'medium' ? 1 : 2) === k) out.push(r.rule_id);
    }
  }
  return out;
}

/** «математика, 8 класс — 31,0 % «2»»: the school's ВПР with the highest «2» share. */
export function worstVpr(
  values: RuleSubject['values'],
  tests: readonly string[],
  minParticipants: number,
): string {
  let best: string | null = null;
  let bestShare = 0;
  for (let t = 0; t < tests.length; t++) {
    const test = tests[t];
    const keys = vprKeysOf(test);
    const p = num(values, keys.participants);
    if (p === null || p < minParticipants) continue;
    const s = share(num(values, keys.fail), p);
    if (s !== null && (best === null || s > bestShare)) {
      best = test;
      bestShare = s;
    }
  }
  return best !== null
    ? M.worstVpr(vprTitle(best), formatPercent(roundHalfUp(bestShare * 100, 1)))
    : '';
}

/** A ВПР test's field codes, made once per test rather than per school. */
const vprKeys = new Map<string, { participants: string; fail: string }>();

function vprKeysOf(test: string): { participants: string; fail: string } {
  let keys = vprKeys.get(test);
  if (keys === undefined) {
    keys = { participants: `${test}_participants`, fail: `${test}_fail` };
    if (vprKeys.size >= 4096) vprKeys.clear();
    vprKeys.set(test, keys);
  }
  return keys;
}

/** A value in words: a share as a percent with one decimal, anything else as a number. */
function valueWords(x: number, isShare: boolean): string {
  return isShare ? formatPercent(roundHalfUp(x * 100, 1)) : formatNumber(x);
}

/** The municipal value of each code in words, per municipal lookup (one computation). */
const municipalWords = new WeakMap<(code: string) => number | null, Map<string, string | null>>();

/**
 * valueWords remembered per computation (the municipal lookup stands for it): many schools
 * share a value, and formatting a number costs more than finding it (a pure function of the
 * number; Map keys compare as SameValueZero, and −0 and 0 have the same words).
 */
const wordsOf = new WeakMap<(code: string) => number | null, Map<number, string>[]>();

function cachedValueWords(
  municipal: (code: string) => number | null,
  x: number,
  isShare: boolean,
): string {
  let caches = wordsOf.get(municipal);
  if (!caches) wordsOf.set(municipal, (caches = [new Map(), new Map()]));
  const cache = caches[isShare ? 1 : 0];
  let words = cache.get(x);
  if (words === undefined) cache.set(x, (words = valueWords(x, isShare)));
  return words;
}

/** What valueText needs to know of a code (pure functions of it), found once per code. */
const valueCodes = new Map<string, { place: CodePlace; kind: CodeKind | null; isShare: boolean }>();

function valueCode(code: string) {
  let info = valueCodes.get(code);
  if (info === undefined) {
    info = {
      place: placeOf(code),
      kind: codeKind(code),
      isShare: code.startsWith('share_') || COMPONENTS.has(code),
    };
    if (valueCodes.size >= 4096) valueCodes.clear();
    valueCodes.set(code, info);
  }
  return info;
}

/** The school's value of the rule's code beside the municipal one, in words. */
export function valueText(
  rule: CompiledRule,
  subject: RuleSubject,
  municipal: (code: string) => number | null,
): string {
  for (let c = 0; c < rule.codes.length; c++) {
    const code = rule.codes[c];
    const { place, kind, isShare } = valueCode(code);
    const v = valueAtPlace(subject, place);
    if (v === null || typeof v === 'boolean') continue;
    if (kind === 'level') {
      const level = (Object.keys(LEVEL_RANK) as RiskLevel[]).find((l) => LEVEL_RANK[l] === v);
      return level ? levelWord(level) : '';
    }
    let words = municipalWords.get(municipal);
    if (!words) municipalWords.set(municipal, (words = new Map()));
    let m = words.get(code);
    if (m === undefined) {
      const value = municipal(code);
      words.set(code, (m = value === null ? null : valueWords(value, isShare)));
    }
    const mine = cachedValueWords(municipal, v, isShare);
    return m === null ? mine : M.valueBeside(mine, m, isShare);
  }
  return '';
}

/** A fill given as its text, or as a function called only when the text needs it. */
type Fill<T> = T | (() => T);

const filled = <T>(f: Fill<T>): T => (typeof f === 'function' ? (f as () => T)() : f);

const PLACEHOLDERS = [LEADERS_PLACEHOLDER, WORST_VPR_PLACEHOLDER, VALUE_PLACEHOLDER] as const;

/** A text cut at its placeholders: segments[0], hole 0, segments[1], …; holes index PLACEHOLDERS. */
interface TextPlan {
  segments: string[];
  holes: number[];
}

/** Plans by text (a rule set's texts; emptied if an odd caller ever gives many). */
const plans = new Map<string, TextPlan | null>();

/** The text's plan, or null when a brace in it is not part of a placeholder. */
function planOf(text: string): TextPlan | null {
  let plan = plans.get(text);
  if (plan !== undefined) return plan;
  plan = { segments: [], holes: [] };
  let from = 0;
  let at = 0;
  for (;;) {
    const open = text.indexOf('{', at);
    const close = text.indexOf('}', at);
    if (open < 0) {
      if (close >= 0) plan = null;
      break;
    }
    const hole = PLACEHOLDERS.findIndex((p) => text.startsWith(p, open));
    if (hole < 0 || (close >= 0 && close < open)) {
      plan = null;
      break;
    }
    plan.segments.push(text.slice(from, open));
    plan.holes.push(hole);
    at = from = open + PLACEHOLDERS[hole].length;
  }
  if (plan) plan.segments.push(text.slice(from));
  if (plans.size >= 4096) plans.clear();
  plans.set(text, plan);
  return plan;
}

const hasBrace = (s: string) => s.includes('{') || s.includes('}');

type Fills = { leaders: Fill<readonly string[]>; worstVpr: Fill<string>; value: Fill<string> };

/** A placeholder's fill as text, computed once per rendering (texts holds those made). */
function fillText(texts: (string | null)[], hole: number, fill: Fills): string {
  let t = texts[hole];
  if (t === null) {
    if (hole === 0) {
      const leaders = filled(fill.leaders);
      t = leaders.length ? leaders.join(', ') : M.noLeaderSuggestions;
    } else if (hole === 1) t = filled(fill.worstVpr) || M.noWorstVpr;
    else t = filled(fill.value) || M.noValue;
    texts[hole] = t;
  }
  return t;
}

/**
 * A rule's text for one school, every placeholder filled, in turn (a filled-in name that holds
 * a later placeholder gets it filled too). A fill the text does not need is never computed.
 *
 * When every brace of the text belongs to a placeholder and no fill holds a brace, filling in
 * turn is filling each placeholder where it stands: the text is then put together from its
 * segments (which share the rule's text) and the fills, without splitting it again.
 */
export function renderForSchool(text: string, fill: Fills): string {
  const plan = planOf(text);
  if (plan !== null && plan.holes.length === 0) return text;
  // Each fill's text, computed once and only when asked for.
  const texts: (string | null)[] = [null, null, null];
  if (plan !== null) {
    let out = plan.segments[0];
    let plain = true;
    for (let j = 0; j < plan.holes.length && plain; j++) {
      const t = fillText(texts, plan.holes[j], fill);
      if (hasBrace(t)) plain = false;
      else out = out + t + plan.segments[j + 1];
    }
    if (plain) return out;
  }
  // In turn, as the text and the fills say.
  let out = text;
  for (let hole = 0; hole < PLACEHOLDERS.length; hole++) {
    if (out.includes(PLACEHOLDERS[hole]))
      out = out.split(PLACEHOLDERS[hole]).join(fillText(texts, hole, fill));
  }
  return out;
}

/** A rule's text for the municipal part, where the values differ per school. */
export function renderForMunicipality(text: string, inAnnex: string): string {
  return text
    .split(LEADERS_PLACEHOLDER)
    .join(inAnnex)
    .replace(/\s*\([^()]*\{(worst_vpr|value)\}[^()]*\)/g, '')
    .replace(/:?\s*[^.,:;()]*\{(worst_vpr|value)\}/g, '');
}
