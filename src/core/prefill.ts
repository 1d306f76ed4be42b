/**
 * Pre-filled form links. Google builds one link (`toPrefilledUrl`); its answer parameters
 * (`entry.N=value`) are not the items' ids, so they are found by pre-filling known sample
 * answers once and reading back which parameter carries which. Each school's link is then
 * built from that template without another call to Google.
 */

export interface PrefillTemplate {
  base: string;
  params: Record<string, string>;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export function parsePrefilledUrl(
  url: string,
  sample: Readonly<Record<string, string>>,
): PrefillTemplate {
  const [head, query = ''] = url.split('?', 2);
  const keep: string[] = [];
  const params: Record<string, string> = {};
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq >= 0 ? part.slice(0, eq) : part;
    const value = eq >= 0 ? decode(part.slice(eq + 1)) : '';
    const code = Object.keys(sample).find((c) => sample[c] === value);
    if (code && name.startsWith('entry.')) params[code] = name;
    else keep.push(part);
  }
  return { base: keep.length > 0 ? `${head}?${keep.join('&')}` : `${head}?`, params };
}

/** A link with these answers (by field code) pre-filled. */
export function prefilledUrl(
  template: PrefillTemplate,
  answers: Readonly<Record<string, string>>,
): string {
  const extra = Object.entries(answers)
    .filter(([code]) => template.params[code])
    .map(([code, value]) => `${template.params[code]}=${encodeURIComponent(value)}`);
  const sep = template.base.endsWith('?') || template.base.endsWith('&') ? '' : '&';
  return extra.length > 0 ? `${template.base}${sep}${extra.join('&')}` : template.base;
}
