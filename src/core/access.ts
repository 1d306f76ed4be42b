/**
 * Access codes (domain spec 8a): each school's personal form link carries a code derived from
 * a secret kept in script properties and the school's id and period, so it cannot be guessed
 * from the id. The HMAC itself is computed by the platform (Utilities); this turns its bytes
 * into a short code a person can read and compare.
 */

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 8;

/** What is signed: stable, and distinct for each school and period. */
export function accessCodeMessage(schoolId: string, period: string): string {
  return `shnor-access|${schoolId.trim()}|${period.trim()}`;
}

/**
 * Digits around one E («685362E2») are a number in scientific notation to Google Sheets: the
 * form's response sheet would keep 68536200, and the school's own code would never match. Such
 * a code takes F for its E. A code of digits only is left as it is: Sheets keeps it as a number
 * whose digits read back unchanged (the alphabet has no 0 to lose in front).
 */
const READ_AS_NUMBER = /^\d+E\d+$/;

/** Signature bytes (signed or unsigned, as Apps Script or Node give them) to a code. */
export function accessCodeFromBytes(bytes: readonly number[]): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++)
    code += ALPHABET[(bytes[i] & 0xff) % ALPHABET.length];
  return READ_AS_NUMBER.test(code) ? code.replace('E', 'F') : code;
}

/** Codes compare without regard to case and surrounding spaces. */
export function sameAccessCode(given: string, expected: string): boolean {
  return given.trim().toUpperCase() === expected.toUpperCase();
}
