/**
 * Upgrading the rules of an existing «Правила» sheet to the rev-2 defaults (spec §7). A row
 * still exactly as revision 1 seeded it is replaced by the new default of the same id; a row
 * the inspector edited is theirs and stays as it is (and is reported); new default rules
 * (R17–R20) are added; rows of the inspector's own rules are untouched.
 */
import { DEFAULT_RULES } from '../catalogue/rules';
import { RULES_REV1 } from '../catalogue/rulesRev1';
import type { RuleRow } from '../types';

const FIELDS = ['code', 'operator', 'threshold', 'addressee', 'text', 'applies_to'] as const;

const norm = (x: unknown) =>
  String(x ?? '')
    .trim()
    .replace(/\s+/g, ' ');

function same(a: RuleRow, b: RuleRow): boolean {
  return FIELDS.every((f) => norm(a[f]) === norm(b[f]));
}

export interface RulesUpgrade {
  /** Index in the given rows -> the default row that replaces it. */
  replaced: Map<number, RuleRow>;
  /** Default rules whose id is not in the sheet: appended. */
  added: RuleRow[];
  /** Ids of edited rev-1 rows kept as they are, whose default changed in rev 2. */
  kept: string[];
}

export function planRulesUpgrade(rows: readonly RuleRow[]): RulesUpgrade {
  const rev1 = new Map(RULES_REV1.map((r) => [r.rule_id, r]));
  const rev2 = new Map(DEFAULT_RULES.map((r) => [r.rule_id, r]));
  const replaced = new Map<number, RuleRow>();
  const kept: string[] = [];
  const present = new Set<string>();
  rows.forEach((row, i) => {
    const id = norm(row.rule_id);
    present.add(id);
    const old = rev1.get(id);
    const now = rev2.get(id);
    if (!old || !now || same(row, now)) return;
    if (same(row, old)) replaced.set(i, now);
    else if (!same(old, now)) kept.push(id);
  });
  const added = DEFAULT_RULES.filter((r) => !present.has(r.rule_id));
  return { replaced, added, kept };
}
