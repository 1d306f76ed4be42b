/**
 * Access codes travel through a Google Form into its response sheet, where Sheets reads an
 * answer as if typed: the code a school sends must read back as the same text.
 */
import fc from 'fast-check';
import { ACCESS_CODE_LENGTH, accessCodeFromBytes, sameAccessCode } from '../../src/core/access';
import { interpretInput } from '../../emulator/services/spreadsheet/cell-values';

/** What a script reads back from a response-sheet cell holding `code`, as text. */
const asSheetsKeepsIt = (code: string) => String(interpretInput(code, undefined).value);

// Bytes that pick a digit (2–9, alphabet positions 0–7) or E (position 12): the codes a
// spreadsheet may take for numbers.
const digitOrE = fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 12);

describe('access codes', () => {
  it('a code of digits around an E reads back as the same code from the response sheet', () => {
    // Before: «685362E2» came back as 68536200 and the school's answer was rejected.
    const bytes = [4, 6, 3, 1, 4, 0, 12, 0];
    const code = accessCodeFromBytes(bytes);
    expect(code).toHaveLength(ACCESS_CODE_LENGTH);
    expect(sameAccessCode(asSheetsKeepsIt(code), code)).toBe(true);
  });

  it('any code reads back unchanged, whatever the signature bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(digitOrE, { minLength: 32, maxLength: 32 }),
          fc.array(fc.integer({ min: -128, max: 255 }), { minLength: 32, maxLength: 32 }),
        ),
        (bytes) => {
          const code = accessCodeFromBytes(bytes);
          expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
          expect(sameAccessCode(asSheetsKeepsIt(code), code)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the same bytes give the same code, and codes differ by their bytes', () => {
    const a = Array.from({ length: 32 }, (_, i) => (i * 37) % 256);
    const b = a.map((x, i) => (i === 0 ? (x + 1) % 256 : x));
    expect(accessCodeFromBytes(a)).toBe(accessCodeFromBytes([...a]));
    expect(accessCodeFromBytes(a)).not.toBe(accessCodeFromBytes(b));
  });
});
