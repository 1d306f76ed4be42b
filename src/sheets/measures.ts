/**
 * «Меры» (domain spec §8): the inspector's management decisions and measures per school, with
 * dropdowns of the registry's schools and of the measure states. Codes sit in the header notes.
 */
import { MEASURE_COLUMNS, MEASURE_STATES, parseMeasures, type Measure } from '../core/measures';
import { MEASURES_SHEET } from '../core/messages';
import type { SheetLayout, SheetStore } from '../ports';
import { SHEETS } from './schema';

export function readMeasures(sheets: Pick<SheetStore, 'read'>): Measure[] {
  return parseMeasures(sheets.read(SHEETS.measures).slice(1));
}

/** The sheet's header and layout; `schools` are the dropdown's choices («код — название»). */
export function measuresSheet(schools: readonly string[]): { header: string[]; layout: SheetLayout } {
  return {
    header: MEASURES_SHEET.header.slice(),
    layout: {
      frozenRows: 1,
      headerNotes: MEASURE_COLUMNS.slice(),
      columns: [
        { width: 100, numberFormat: 'dd.MM.yyyy' },
        { width: 300, allowed: schools },
        { width: 420 },
        { width: 200 },
        { width: 100, numberFormat: 'dd.MM.yyyy' },
        { width: 140, allowed: Object.values(MEASURE_STATES) },
      ],
    },
  };
}
