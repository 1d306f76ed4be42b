/**
 * «Меры» (domain spec §8): the inspector's management decisions and measures per school, with
 * dropdowns of the registry's schools and of the measure states; codes in the header notes.
 */
import { MEASURE_STATES, parseMeasures, type Measure, type MeasureRecord } from '../core/measures';
import type { SheetStore } from '../ports';
import { headerOf, layoutOf, measuresSchema, readRecords } from './schema';

const schema = (schools: readonly string[] = []) =>
  measuresSchema(schools, Object.values(MEASURE_STATES));

/** Date cells become the days they show in the spreadsheet's time zone. */
export function readMeasures(sheets: Pick<SheetStore, 'read' | 'calendarDate'>): Measure[] {
  const s = schema();
  const records = readRecords(s, sheets.read(s.name)).map((r) => r.record as MeasureRecord);
  return parseMeasures(records, (date) => sheets.calendarDate(date));
}

/** Creates «Меры» with its header, dropdowns and formats unless it exists. */
export function ensureMeasuresSheet(
  sheets: Pick<SheetStore, 'ensure'>,
  schools: readonly string[],
): boolean {
  const s = schema(schools);
  return sheets.ensure(s.name, headerOf(s), layoutOf(s));
}
