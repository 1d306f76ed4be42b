/**
 * What a rule row says, as the rules upgrade compares rows: its condition, addressee, text and
 * «Для кого», each trimmed with runs of white space as one space. `fingerprint` is a 53-bit
 * hash of it (cyrb53): the add-on recognises a row exactly as revision 1 seeded it by its
 * fingerprint, so the bundle does not carry revision 1's texts.
 */
import type { RuleRow } from '../types';

const FIELDS = ['code', 'operator', 'threshold', 'addressee', 'text', 'applies_to'] as const;

const norm = (x: unknown) =>
  String(x ?? '')
    .trim()
    .replace(/\s+/g, ' ');

/** The row's compared contents, one string. */
export function ruleContents(row: RuleRow): string {
  return FIELDS.map((f) => norm(row[f])).join('\u0001');
}

/** cyrb53 of the row's contents, base 36 (about 11 characters). */
export function ruleFingerprint(row: RuleRow): string {
  const text = ruleContents(row);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
