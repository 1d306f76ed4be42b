/**
 * Field-value objects V8 keeps fast. A row's ~100 values added one by one under computed names
 * turn the object into a dictionary (every later `values[code]` a hash lookup, and about
 * 2.5 KB a row); a copy of one parsed template with the same keys stays a fast object, and all
 * rows share one hidden class. Same keys, same order, same values as before: only faster.
 */
import type { FieldValues } from './types';

const templates = new WeakMap<object, Map<string, FieldValues>>();

/**
 * Empty (all-null) values with a key for each of `fields` but `except`, in order. The
 * template is made once per catalogue (the array) and kind.
 */
export function emptyFieldValues(
  fields: readonly { code: string }[],
  except: readonly string[] = [],
): FieldValues {
  let byKind = templates.get(fields);
  if (!byKind) templates.set(fields, (byKind = new Map()));
  const kind = except.join(',');
  let template = byKind.get(kind);
  if (!template) {
    const codes = fields.map((f) => f.code).filter((c) => !except.includes(c));
    // JSON.parse builds fast objects; a spread copy keeps the template's hidden class.
    template = JSON.parse(
      JSON.stringify(Object.fromEntries(codes.map((c) => [c, null]))),
    ) as FieldValues;
    byKind.set(kind, template);
  }
  return { ...template };
}
