/**
 * Google number formats as Excel writes them. Date letters differ only in case (Excel reads
 * `m` as month or minute from context, as Sheets does), so date formats are lower-cased outside
 * quoted text; number formats are the same in both.
 */
import { AUTOMATIC_FORMAT } from './cell-values';
import { isDateFormat } from './number-format';

/** The Excel format for a Google one; undefined for the automatic (General) format. */
export function excelNumberFormat(format: string | undefined): string | undefined {
  if (
    format === undefined ||
    format === '' ||
    format === AUTOMATIC_FORMAT ||
    /^general$/i.test(format)
  ) {
    return undefined;
  }
  if (!isDateFormat(format)) return format;
  let out = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && /^am\/pm/i.test(format.slice(i, i + 5))) {
      out += 'AM/PM';
      i += 4;
      continue;
    }
    out += quoted || !/[DMYHS]/.test(ch) ? ch : ch.toLowerCase();
  }
  return out;
}

/** Google's pixel column width as Excel's width in characters of the default font. */
export function excelColumnWidth(pixels: number): number {
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/** `#rrggbb` as Excel's ARGB. */
export function excelColor(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}
