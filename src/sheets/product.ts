/**
 * The sheets the product writes as it goes. A product sheet is (re)created with its header
 * and layout before anything is written to it, so a sheet the inspector deleted comes back
 * whole instead of as headerless rows.
 */
import type { FieldDef } from '../core/catalogue';
import type { Ports } from '../ports';
import {
  DATA_LAYOUT_KEY,
  dataSheet,
  headerOf,
  JOURNAL_SHEET,
  layoutOf,
  OUTBOX_SHEET,
  REJECTED_SHEET,
  SHEETS,
  type SheetSchema,
} from './schema';

const PRODUCT_SHEETS = {
  data: (fields?: readonly FieldDef[]) => dataSheet(fields),
  rejected: () => REJECTED_SHEET,
  journal: () => JOURNAL_SHEET,
  outbox: () => OUTBOX_SHEET,
} satisfies Record<string, (fields?: readonly FieldDef[]) => SheetSchema>;

export type ProductSheet = keyof typeof PRODUCT_SHEETS;

/** The header of «Данные»: lead columns, then one column per field code. */
export function dataHeader(fields?: readonly FieldDef[]): string[] {
  return headerOf(dataSheet(fields));
}

/** Creates the product sheet with its header and layout if it is missing; true when created. */
export function ensureProductSheet(
  ports: Pick<Ports, 'sheets'>,
  sheet: ProductSheet,
  fields?: readonly FieldDef[],
): boolean {
  const schema = PRODUCT_SHEETS[sheet](fields);
  return ports.sheets.ensure(schema.name, headerOf(schema), layoutOf(schema));
}

/**
 * «Данные» is written by position, so its header must be the catalogue's. After an update
 * that added fields (rev 2 added seven) the sheet of an existing spreadsheet still has the old
 * header: it is rewritten once in the catalogue's column order, every value kept under its
 * code, before the first row is written. The header last laid out is remembered in a document
 * property, so the check costs one property read.
 */
export function ensureDataLayout(
  ports: Pick<Ports, 'sheets' | 'properties'>,
  fields?: readonly FieldDef[],
): void {
  const header = dataHeader(fields);
  const want = header.join('\u0001');
  if (ports.properties.get(DATA_LAYOUT_KEY) === want) return;
  const table = ports.sheets.read(SHEETS.data);
  const current = (table[0] ?? []).map(String);
  if (current.join('\u0001') !== want) {
    const index = new Map(current.map((h, i) => [h, i]));
    const rows = table
      .slice(1)
      .map((r) => header.map((h) => (index.has(h) ? r[index.get(h) as number] : '')));
    ports.sheets.replace(SHEETS.data, [header, ...rows]);
  }
  ports.properties.set(DATA_LAYOUT_KEY, want);
}

/** After «Данные» was rewritten with the catalogue's header. */
export function rememberDataLayout(
  ports: Pick<Ports, 'properties'>,
  fields?: readonly FieldDef[],
): void {
  ports.properties.set(DATA_LAYOUT_KEY, dataHeader(fields).join('\u0001'));
}
