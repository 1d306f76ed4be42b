/**
 * Rules are data (rows of `Правила`), turned into a small typed structure here — no eval, no
 * Function. A malformed row is reported with its row number and skipped.
 */
import { RISKS, type RiskLevel } from '../catalogue/components';
import { RULE_MESSAGES as M } from '../messages';
import { RISK_LEVEL } from '../words';
import { parseBool, parseDecimal } from '../parse';
import type { RuleRow } from '../types';
import { codeKind, LEVEL_RANK, subjectOf, type CodeKind } from './codes';

export type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=' | 'да' | 'нет';

export type Threshold =
  | { kind: 'none' }
  | { kind: 'number'; value: number }
  /** `factor ×` the municipal value of the same code. */
  | { kind: 'municipal'; factor: number }
  /** rev 2: the worst quartile of the municipality (by the operator's direction). */
  | { kind: 'quartile' };

export interface CompiledRule {
  rule_id: string;
  row: number;
  codes: string[];
  kind: CodeKind;
  operator: Operator;
  threshold: Threshold;
  addressee: string;
  text: string;
  appliesTo: 'all' | 'flagged';
  /** The risk (RISKS code) the rule addresses, or null. */
  risk: string | null;
}

const OPERATORS: Record<string, Operator> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '=<': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '=>': '>=',
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '≠': '!=',
  да: 'да',
  yes: 'да',
  нет: 'нет',
  no: 'нет',
};

function parseOperator(raw: string): Operator | null {
  return OPERATORS[raw.trim().toLowerCase()] ?? null;
}

/** `mun`, `муниципальная доля`, `2*mun`, `2 × муниципальное значение`. */
function parseThreshold(raw: string): Threshold | null {
  const text = raw.trim().toLowerCase().replace(/ё/g, 'е');
  if (text === '') return { kind: 'none' };
  if (/^(худш[а-я]*\s+четверт[а-я]*|worst\s+quartile)$/.test(text)) return { kind: 'quartile' };
  const m = /^(?:(\d+(?:[.,]\d+)?)\s*[*×xх]\s*)?(mun|мун|муниципальн[а-я]*(?:\s+[а-я]+)?)$/.exec(
    text,
  );
  if (m) {
    const factor = m[1] === undefined ? 1 : parseDecimal(m[1]);
    return factor === null ? null : { kind: 'municipal', factor };
  }
  const value = parseDecimal(text);
  return value === null ? null : { kind: 'number', value };
}

/** A level word as typed (`высокий`, `high`) -> its rank; null when not a level. */
export function parseLevel(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  const level = (Object.keys(LEVEL_RANK) as RiskLevel[]).find((l) => l === text);
  const code = level ?? RISK_LEVEL.read(text);
  return code === null ? null : LEVEL_RANK[code];
}

function parseAppliesTo(raw: string): 'all' | 'flagged' | null {
  const text = raw.trim().toLowerCase();
  if (['', 'all', 'все', 'всем', 'все школы', 'всех'].includes(text)) return 'all';
  if (text === 'flagged' || /шнор|шнро|шнсу/.test(text)) return 'flagged';
  return null;
}

function riskOf(codes: readonly string[]): string | null {
  for (const code of codes) {
    const byLevel = RISKS.find((r) => `risk_${r.code}` === code);
    if (byLevel) return byLevel.code;
    const subject = subjectOf(code);
    const risk = RISKS.find((r) => r.codes.includes(subject));
    if (risk) return risk.code;
  }
  return null;
}

/** Compiles rule rows; row numbers default to position + 2 (the sheet's header is row 1). */
export function compileRules(rows: readonly RuleRow[]): {
  rules: CompiledRule[];
  errors: string[];
} {
  const rules: CompiledRule[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();

  rows.forEach((r, i) => {
    const row = r.row ?? i + 2;
    const id = (r.rule_id ?? '').trim();
    const fail = (problem: string) => errors.push(M.skipped(row, id, problem));
    const allBlank = [r.rule_id, r.code, r.operator, r.threshold, r.text].every(
      (x) => (x ?? '').trim() === '',
    );
    if (allBlank) return;
    if (id === '') return void fail(M.noId);
    if (seen.has(id)) return void fail(M.duplicateId(seen.get(id) ?? 0));

    const codes = (r.code ?? '')
      .split(/\s*(?:\||,|;|\s+или\s+|\s+or\s+)\s*/i)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (codes.length === 0) return void fail(M.noCode);
    const kinds = codes.map(codeKind);
    const unknown = codes.filter((_, j) => kinds[j] === null);
    if (unknown.length) return void fail(M.unknownCode(unknown.join(', ')));
    if (new Set(kinds).size > 1) return void fail(M.mixedKinds);
    const kind = kinds[0] as CodeKind;

    let operator = parseOperator(r.operator ?? '');
    if (operator === null) return void fail(M.badOperator(r.operator ?? ''));
    let threshold = parseThreshold(r.threshold ?? '');

    if (kind === 'bool') {
      if (operator === '=' || operator === '!=') {
        // "= да" / "<> нет" on a yes/no value is the same as да / нет.
        const b = parseBool(r.threshold ?? '');
        if (b.value === null) return void fail(M.needsYesNo(r.threshold ?? ''));
        operator = b.value === (operator === '=') ? 'да' : 'нет';
      } else if (operator !== 'да' && operator !== 'нет') {
        return void fail(M.numericOperatorOnBool(operator, codes.join(', ')));
      }
      threshold = { kind: 'none' };
    } else if (kind === 'level') {
      // A risk factor's level: «= высокий», «>= средний» (rev 2).
      const rank = parseLevel(r.threshold ?? '');
      if (rank === null) return void fail(M.badLevel(r.threshold ?? ''));
      if (operator === 'да' || operator === 'нет')
        return void fail(M.yesNoOnNumber(operator, codes.join(', ')));
      threshold = { kind: 'number', value: rank };
    } else {
      if (operator === 'да' || operator === 'нет')
        return void fail(M.yesNoOnNumber(operator, codes.join(', ')));
      if (threshold === null || threshold.kind === 'none')
        return void fail(M.badThreshold(r.threshold ?? ''));
      if (threshold.kind === 'quartile' && !['<', '<=', '>', '>='].includes(operator))
        return void fail(M.quartileOperator(operator));
    }

    const text = (r.text ?? '').trim();
    if (text === '') return void fail(M.noText);
    const appliesTo = parseAppliesTo(r.applies_to ?? '');
    if (appliesTo === null) return void fail(M.badAppliesTo(r.applies_to ?? ''));

    seen.set(id, row);
    rules.push({
      rule_id: id,
      row,
      codes,
      kind,
      operator,
      threshold: threshold ?? { kind: 'none' },
      addressee: (r.addressee ?? '').trim() || M.defaultAddressee,
      text,
      appliesTo,
      risk: riskOf(codes),
    });
  });
  return { rules, errors };
}
