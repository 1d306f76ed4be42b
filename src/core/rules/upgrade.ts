/**
 * Upgrading the rules of an existing «Правила» sheet to the rev-2 defaults (spec §7). A row
 * still exactly as revision 1 seeded it is replaced by the new default of the same id; a row
 * the inspector edited is theirs and stays as it is (and is reported); new default rules
 * (R17–R20) are added; rows of the inspector's own rules are untouched. Revision 1's rows are
 * recognised by their fingerprints (catalogue/rulesRev1Prints.ts).
 */
import { DEFAULT_RULES } from '../catalogue/rules';
import { RULES_REV1_PRINTS } from '../catalogue/rulesRev1Prints';
import type { RuleRow } from '../types';
import { ruleContents, ruleFingerprint } from './fingerprint';

const norm = (x: unknown) =>
  String(x ?? '')
    .trim()
    .replace(/\s+/g, ' ');

export interface RulesUpgrade {
  /** Index in the given rows -> the default row that replaces it. */
  replaced: Map<number, RuleRow>;
  /** Default rules whose id is not in the sheet: appended. */
  added: RuleRow[];
  /** Ids of edited rev-1 rows kept as they are, whose default changed in rev 2. */
  kept: string[];
}

export function planRulesUpgrade(rows: readonly RuleRow[]): RulesUpgrade {
  const rev2 = new Map(DEFAULT_RULES.map((r) => [r.rule_id, r]));
  const replaced = new Map<number, RuleRow>();
  const kept: string[] = [];
  const present = new Set<string>();
  rows.forEach((row, i) => {
    const id = norm(row.rule_id);
    present.add(id);
    const old = Object.prototype.hasOwnProperty.call(RULES_REV1_PRINTS, id)
      ? RULES_REV1_PRINTS[id]
      : undefined;
    const now = rev2.get(id);
    if (!old || !now || ruleContents(row) === ruleContents(now)) return;
    if (ruleFingerprint(row) === old) replaced.set(i, now);
    else if (ruleFingerprint(now) !== old) kept.push(id);
  });
  const added = DEFAULT_RULES.filter((r) => !present.has(r.rule_id));
  return { replaced, added, kept };
}
