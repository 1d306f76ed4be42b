import { CATALOGUE, type Catalogue } from '../core/catalogue';

/**
 * Only the questions whose title differs from the catalogue's label (renamed by the inspector,
 * or not in the catalogue, like the access code) need remembering: the others are matched by
 * label. Keeps the document property far below its 9 KB limit.
 */
export function renamedTitles(
  map: Readonly<Record<string, string>>,
  catalogue: Catalogue = CATALOGUE,
): Record<string, string> {
  const labels = new Map(catalogue.fields.map((f) => [f.code, f.label]));
  return Object.fromEntries(
    Object.entries(map).filter(([title, code]) => labels.get(code) !== title),
  );
}
