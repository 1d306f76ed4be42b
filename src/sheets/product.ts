/**
 * The sheets the product writes, with their headers and layouts, and the document-property
 * keys it keeps. A product sheet is (re)created with its header before anything is written to
 * it, so a sheet the inspector deleted comes back whole instead of as headerless rows.
 */
import { FIELDS } from '../core/catalogue';
import { COLUMNS, SHEETS } from './schema';
import { INTAKE } from '../core/messages';
import type { Ports, SheetLayout } from '../ports';

/** The data sheet: lead columns, then one column per field code. */
export function dataHeader(): string[] {
  return [...COLUMNS.dataLead, ...FIELDS.map((f) => f.code)];
}

const DATE_TIME = 'dd.MM.yyyy HH:mm:ss';

const PRODUCT_SHEETS: Record<string, () => { header: string[]; layout: SheetLayout }> = {
  [SHEETS.data]: () => ({
    header: dataHeader(),
    layout: {
      frozenRows: 1,
      headerNotes: [...COLUMNS.dataLead, ...FIELDS.map((f) => f.label)],
      columns: [{}, {}, {}, { numberFormat: DATE_TIME }],
    },
  }),
  [SHEETS.rejected]: () => ({
    header: COLUMNS.rejected.slice(),
    layout: {
      frozenRows: 1,
      columns: [
        {},
        { numberFormat: DATE_TIME },
        {},
        {},
        { width: 420 },
        { width: 130 },
        { width: 150, allowed: INTAKE.decisions },
      ],
    },
  }),
  [SHEETS.journal]: () => ({
    header: COLUMNS.journal.slice(),
    layout: {
      frozenRows: 1,
      columns: [{ width: 150, numberFormat: DATE_TIME }, { width: 260 }, { width: 600 }],
    },
  }),
  [SHEETS.outbox]: () => ({ header: COLUMNS.outbox.slice(), layout: { frozenRows: 1 } }),
};

/** Creates the product sheet with its header and layout if it is missing; true when created. */
export function ensureProductSheet(ports: Pick<Ports, 'sheets'>, sheet: string): boolean {
  const def = PRODUCT_SHEETS[sheet]();
  return ports.sheets.ensure(sheet, def.header, def.layout);
}
