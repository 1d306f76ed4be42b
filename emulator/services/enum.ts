/**
 * Apps Script enums as plain objects whose values are the member names, the emulator-wide
 * convention: Google's own are opaque objects that compare by identity; names compare alike.
 */

/** Builds an enum object `{ A: 'A', B: 'B' }` from member names. */
export function enumOf<K extends string>(...names: K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}
