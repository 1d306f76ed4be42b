/**
 * The sheets the product writes as it goes. A product sheet is (re)created with its header
 * and layout before anything is written to it, so a sheet the inspector deleted comes back
 * whole instead of as headerless rows.
 */
import type { Ports } from '../ports';
import {
  dataSheet,
  headerOf,
  JOURNAL_SHEET,
  layoutOf,
  OUTBOX_SHEET,
  REJECTED_SHEET,
  type SheetSchema,
} from './schema';

const PRODUCT_SHEETS = {
  data: dataSheet,
  rejected: () => REJECTED_SHEET,
  journal: () => JOURNAL_SHEET,
  outbox: () => OUTBOX_SHEET,
} satisfies Record<string, () => SheetSchema>;

export type ProductSheet = keyof typeof PRODUCT_SHEETS;

/** Creates the product sheet with its header and layout if it is missing; true when created. */
export function ensureProductSheet(ports: Pick<Ports, 'sheets'>, sheet: ProductSheet): boolean {
  const schema = PRODUCT_SHEETS[sheet]();
  return ports.sheets.ensure(schema.name, headerOf(schema), layoutOf(schema));
}
