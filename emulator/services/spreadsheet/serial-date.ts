/** Google/Excel serial day numbers of dates, read on the spreadsheet's wall clock. */
import { instantOfWall, wallAsUtc } from '../timezone';

const MS_PER_DAY = 86_400_000;
/** Serial day 0 is 1899-12-30, as in Sheets and Excel. */
const EPOCH_OFFSET_DAYS = 25569;

export function dateToSerial(date: Date, timeZone: string): number {
  return wallAsUtc(date, timeZone).getTime() / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

export function serialToDate(serial: number, timeZone: string): Date {
  return instantOfWall(Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY), timeZone);
}
