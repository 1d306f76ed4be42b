/**
 * Russian number and text helpers: decimal comma, percents rounded half-up with exact
 * arithmetic, plural forms, and making respondent text safe to show.
 */

export const NBSP = '\u00a0';
/** The true minus sign (a hyphen is a word-joining mark and may break a line after it). */
export const MINUS = '\u2212';

/**
 * num/den rounded half away from zero to `decimals` places, exactly, for integer inputs
 * (BigInt, so 5/7 -> 71.4 and 1/18 -> 5.6 whatever the floating-point representation).
 * Non-integer inputs fall back to a float computation cleaned to 12 significant digits.
 */
export function roundRatio(num: number, den: number, decimals: number): number | null {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den === 0) return null;
  if (
    Number.isSafeInteger(num) &&
    Number.isSafeInteger(den) &&
    Number.isInteger(decimals) &&
    decimals >= 0
  ) {
    return roundBigRatio(BigInt(num), BigInt(den), decimals);
  }
  return roundHalfUp(num / den, decimals);
}

/** Exact half-away-from-zero rounding of a big-integer ratio (sums of products of counts). */
export function roundBigRatio(num: bigint, den: bigint, decimals: number): number | null {
  if (den === 0n) return null;
  const negative = num < 0n !== den < 0n && num !== 0n;
  const n = (num < 0n ? -num : num) * 10n ** BigInt(decimals);
  const d = den < 0n ? -den : den;
  const q = (2n * n + d) / (2n * d);
  const value = Number(q) / 10 ** decimals;
  return negative ? -value : value;
}

/** Difference of two one-decimal values, in tenths so that 38.9 - 33.3 is 5.6 exactly. */
export function diffOneDecimal(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return (Math.round(a * 10) - Math.round(b * 10)) / 10;
}

/** x rounded half away from zero; values like 0.15 (really 0.1499999...) round as written. */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const value = Math.floor(scaled + 0.5) / factor;
  return x < 0 && value !== 0 ? -value : value;
}

/** Percent with one decimal (38.9 for 7 of 18); null when there is nothing to divide by. */
export function roundPercent(
  count: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (count === null || count === undefined || denominator === null || denominator === undefined) {
    return null;
  }
  if (Number.isInteger(count) && Number.isInteger(denominator)) {
    return roundRatio(count * 100, denominator, 1);
  }
  if (!Number.isFinite(count) || !Number.isFinite(denominator) || denominator === 0) return null;
  return roundHalfUp((count / denominator) * 100, 1);
}

function groupThousands(intPart: string): string {
  // Russian style: group only numbers of five digits and more (1234, but 12 345).
  if (intPart.length < 5) return intPart;
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * Decimal comma; `decimals` fixed places, or by default up to two with trailing zeros cut.
 * null -> «—».
 */
export function formatNumber(n: number | null | undefined, decimals?: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const places = decimals ?? 2;
  const rounded = roundHalfUp(n, places);
  let text = Math.abs(rounded).toFixed(places);
  if (decimals === undefined && text.includes('.')) text = text.replace(/\.?0+$/, '');
  const [intPart, frac] = text.split('.');
  const body = groupThousands(intPart) + (frac ? `,${frac}` : '');
  return rounded < 0 ? `${MINUS}${body}` : body;
}

/** An index of results: two decimals always (`−0,49`, `0,50`), as summary.json rounds it. */
export const formatIndex = (v: number | null | undefined): string => formatNumber(v, 2);

/** The social well-being index (ИСБ, 0–100): one decimal always (`72,4`, `81,0`). */
export const formatIsb = (v: number | null | undefined): string => formatNumber(v, 1);

/** `38,9 %` (a non-breaking space before the sign); `—` for null. One decimal, as the summary rounds. */
export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${formatNumber(p, 1)}${NBSP}%`;
}

/** `+2,3 п.п.`, `−1,5 п.п.` (true minus, non-breaking space), `0,0 п.п.`; `—` for null. */
export function formatPp(pp: number | null | undefined): string {
  if (pp === null || pp === undefined || !Number.isFinite(pp)) return '—';
  const text = formatNumber(pp, 1);
  const sign = roundHalfUp(pp, 1) > 0 ? '+' : '';
  return `${sign}${text}${NBSP}п.п.`;
}

/**
 * Typography of Russian documents for any text: a non-breaking space after «№», before «%»
 * and «п.п.», between a number and «класс»; the school-year range gets an en dash
 * (`2021-2022` → `2021–2022`).
 */
export function typeset(text: string): string {
  // Every rule below needs «№» or a digit in the text: most texts have neither (the same text).
  if (!/[№\d]/.test(text)) return text;
  return text
    .replace(/№\s*(?=\S)/g, `№${NBSP}`)
    .replace(/(\d) ?%/g, `$1${NBSP}%`)
    .replace(/(\d) п\.п\./g, `$1${NBSP}п.п.`)
    .replace(/(\d) (класс|кл\.)/g, `$1${NBSP}$2`)
    .replace(/\b(\d{4})-(\d{4})\b/g, '$1–$2');
}

/** A period code `2021-2022` as a reader writes it: `2021–2022`. */
export function periodText(period: string): string {
  return period.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
}

/** Russian plural form: [one, few, many] = ['школа', 'школы', 'школ']. */
/**
 * A calendar day `2026-05-31` as `31.05.2026`; other text as it is. Days, not Dates: which day
 * a Date is depends on a time zone, so the adapters turn date cells into days first.
 */
export function dayText(value: unknown): string {
  const text = String(value ?? '');
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : text;
}

export function plural(n: number, forms: readonly [string, string, string]): string {
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** `21 школа`, `5 школ`, `40 000 школ`. */
export function countWithNoun(n: number, forms: readonly [string, string, string]): string {
  return `${formatNumber(n)} ${plural(n, forms)}`;
}

/** Escapes text for HTML (e-mails, dialogs, reports): respondent text is data, not markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A respondent's text as a cell value that a spreadsheet keeps as text: a leading
 * `=`, `+`, `-` or `@` would start a formula, so it gets the apostrophe prefix.
 */
export function asPlainCellText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** Lower-cases the first letter unless the word is an abbreviation (`ЕГЭ`, `ВПР`). */
export function lowerFirst(text: string): string {
  if (text.length < 2) return text.toLowerCase();
  const second = text[1];
  if (second !== second.toLowerCase()) return text;
  return text[0].toLowerCase() + text.slice(1);
}

/**
 * A respondent's value as a message quotes it: at most `max` characters, then «…». A reason
 * that quoted a 50,000-character value whole would itself overflow a cell (and an e-mail).
 */
export function excerpt(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
