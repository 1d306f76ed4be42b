/**
 * The fingerprints (rules/fingerprint.ts) of the default rules of revision 1, by rule id: how
 * the rules upgrade recognises a row still exactly as revision 1 seeded it. The rows themselves
 * are in test/core/fixtures/rulesRev1.ts, outside the product; test/core/rules-upgrade.test.ts checks that these
 * are theirs.
 */
export const RULES_REV1_PRINTS: Readonly<Record<string, string>> = {
  R01: 'ndpe3y93xf',
  R02: '22oz2vsxzvj',
  R03: 'y3u08avugm',
  R04: 'x4xf5u6a4b',
  R05: '1jh6pnje5qs',
  R06: 'pprtg8v7lq',
  R07: 'mhz75u1bub',
  R08: '1fcuooxtmro',
  R09: '1lscp5jd2d6',
  R10: '7gwt1sg7b7',
  R11: '36kh3sombs',
  R12: '1bbvzku204n',
  R13: 'cjd5ps6bl',
  R14: '12otqk29766',
  R15: 'whyit1jloi',
  R16: '26s57ug80lo',
};
