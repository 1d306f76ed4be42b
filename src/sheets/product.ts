/**
 * The sheets the product writes, with their headers and layouts, and the document-property
 * keys it keeps. A product sheet is (re)created with its header before anything is written to
 * it, so a sheet the inspector deleted comes back whole instead of as headerless rows.
 */
import { FIELDS } from '../core/catalogue';
import { COLUMNS, DATA_LAYOUT_KEY, SHEETS } from './schema';
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

/**
 * «Данные» is written by position, so its header must be the catalogue's. After an update
 * that added fields (rev 2 added seven) the sheet of an existing spreadsheet still has the old
 * header: it is rewritten once in the catalogue's column order, every value kept under its
 * code, before the first row is written. The header last laid out is remembered in a document
 * property, so the check costs one property read.
 */
export function ensureDataLayout(ports: Pick<Ports, 'sheets' | 'properties'>): void {
  const header = dataHeader();
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
export function rememberDataLayout(ports: Pick<Ports, 'properties'>): void {
  ports.properties.set(DATA_LAYOUT_KEY, dataHeader().join('\u0001'));
}
