/**
 * The rules upgrade recognises revision 1's untouched rows by fingerprint (the bundle does not
 * carry revision 1's texts): the fingerprints are those of the rev-1 table, and a row matches
 * exactly when its compared contents are revision 1's.
 */
import { DEFAULT_RULES } from '../../src/core/catalogue/rules';
import { RULES_REV1 } from './fixtures/rulesRev1';
import { RULES_REV1_PRINTS } from '../../src/core/catalogue/rulesRev1Prints';
import { ruleFingerprint } from '../../src/core/rules/fingerprint';
import { planRulesUpgrade } from '../../src/core/rules/upgrade';

describe('revision 1 rules by fingerprint', () => {
  it('has the fingerprint of every rev-1 row, and all differ', () => {
    const prints = Object.fromEntries(RULES_REV1.map((r) => [r.rule_id, ruleFingerprint(r)]));
    expect(RULES_REV1_PRINTS).toEqual(prints);
    expect(new Set(Object.values(prints)).size).toBe(RULES_REV1.length);
  });

  it('replaces untouched rows (spacing aside), keeps edited ones, leaves the rest', () => {
    const rows = RULES_REV1.map((r) => ({ ...r }));
    const r03 = rows.findIndex((r) => r.rule_id === 'R03');
    rows[r03] = { ...rows[r03], text: `  ${rows[r03].text.replace(/ /g, '   ')} ` };
    const r05 = rows.findIndex((r) => r.rule_id === 'R05');
    rows[r05] = { ...rows[r05], threshold: '0.25' };
    const r01 = rows.findIndex((r) => r.rule_id === 'R01');
    rows[r01] = { ...rows[r01], text: `${rows[r01].text}!` };
    rows.push({ ...rows[0], rule_id: 'МОЁ' });
    const plan = planRulesUpgrade(rows);
    const changedInRev2 = RULES_REV1.filter((old) => {
      const now = DEFAULT_RULES.find((r) => r.rule_id === old.rule_id);
      return now && ruleFingerprint(now) !== ruleFingerprint(old);
    }).map((r) => r.rule_id);
    expect(changedInRev2.length).toBeGreaterThan(3);
    const replaced = [...plan.replaced.keys()].map((i) => rows[i].rule_id);
    expect(replaced).toContain('R03');
    expect(replaced).not.toContain('R05');
    expect(replaced).not.toContain('R01');
    expect(replaced.sort()).toEqual(
      changedInRev2.filter((id) => !['R01', 'R05'].includes(id)).sort(),
    );
    for (const [i, now] of plan.replaced)
      expect(now).toEqual(DEFAULT_RULES.find((r) => r.rule_id === rows[i].rule_id));
    expect(plan.kept.sort()).toEqual(['R01', 'R05'].filter((id) => changedInRev2.includes(id)));
    expect(plan.added.map((r) => r.rule_id)).toEqual(
      DEFAULT_RULES.filter((r) => !RULES_REV1.some((o) => o.rule_id === r.rule_id)).map(
        (r) => r.rule_id,
      ),
    );
  });
});
