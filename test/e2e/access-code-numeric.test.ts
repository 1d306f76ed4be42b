/**
 * A school's access code travels through the form into its response sheet, which reads each
 * answer as if typed: a code that looks like a number in scientific notation («685362E2»)
 * must still be the school's own code when the response is checked.
 */
import { createHmac } from 'node:crypto';
import { accessCodeMessage } from '../../src/core/access';
import { SHEETS } from '../../src/sheets/schema';
import { makeHarness, PERIOD, validAnswers } from './harness';

/** Alphabet positions of the digits 2–9 and of E (src/core/access.ts). */
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7];
const E = 12;

/**
 * A secret whose signature for `schoolId` spells digits, one E inside, digits: before the
 * fix, that school's code was one Sheets takes for a number.
 */
function secretWithNumericCode(schoolId: string): string {
  for (let k = 0; ; k++) {
    const secret = `secret-${k}`;
    const bytes = [
      ...createHmac('sha256', secret).update(accessCodeMessage(schoolId, PERIOD)).digest(),
    ];
    const picks = bytes.slice(0, 8).map((b) => b % 31);
    const es = picks.filter((p) => p === E).length;
    if (
      es === 1 &&
      picks[0] !== E &&
      picks[7] !== E &&
      picks.every((p) => p === E || DIGITS.includes(p))
    )
      return secret;
  }
}

it('accepts the response of a school whose code Sheets could read as a number', () => {
  const secret = secretWithNumericCode('0002');
  const h = makeHarness(3, {
    beforeSetup: (google) =>
      google.PropertiesService.getScriptProperties().setProperty('access.secret', secret),
  });
  const code = h.codeOf('0002');
  h.submit(validAnswers(2, { access_code: code }));
  expect(h.records(SHEETS.data).map((r) => r.school)).toEqual(['0002']);
  expect(h.values(SHEETS.rejected).slice(1)).toEqual([]);
});
