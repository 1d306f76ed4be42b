/**
 * The add-on build's key-value store: a hidden sheet of the monitoring spreadsheet, two text
 * columns (key, value). Why not document properties: Google gives them only «within the open
 * document» and returns null «when document properties are not available» (reference page of
 * PropertiesService.getDocumentProperties), and an Editor add-on's time-driven triggers run
 * with no document open. The long jobs, the reminders' trigger records and the access-code
 * secret must be read and written there too. User properties would split the state by user
 * (a second inspector's menu would not see the form setup made); script properties are shared
 * by every installation of the add-on. A hidden sheet is one store per spreadsheet, the same
 * from a menu, a form submission or a clock trigger (which opens the spreadsheet by id).
 *
 * Editors of the spreadsheet can unhide it and read it. For the access-code secret that is no
 * more than in the container-bound build, whose script (and its script properties) every
 * editor of the spreadsheet can open.
 *
 * One read per execution: the rows are cached; `invalidate()` (called when the store's user
 * takes the lock) reads them again, so what another execution wrote under the lock is seen.
 * Rows are never deleted, so a key's row stays put and appending is the only insertion.
 */
import { SHEETS } from '../../sheets/schema';
import type { KeyValueStore } from '../../ports';
import { monitoredSpreadsheet } from './spreadsheet';

const TEXT = '@';

export class GasSheetProperties implements KeyValueStore {
  private rows: Map<string, { row: number; value: string }> | null = null;
  private handle: GoogleAppsScript.Spreadsheet.Sheet | null = null;

  private sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (this.handle) return this.handle;
    const ss = monitoredSpreadsheet();
    let sheet = ss.getSheetByName(SHEETS.addonState);
    if (!sheet) {
      sheet = ss.insertSheet(SHEETS.addonState);
      sheet.getRange('A:B').setNumberFormat(TEXT);
      sheet.hideSheet();
    }
    this.handle = sheet;
    return sheet;
  }

  private load(): Map<string, { row: number; value: string }> {
    if (this.rows) return this.rows;
    const sheet = this.sheet();
    const rows = new Map<string, { row: number; value: string }>();
    const last = sheet.getLastRow();
    if (last > 0) {
      sheet
        .getRange(1, 1, last, 2)
        .getValues()
        .forEach(([key, value], i) => {
          if (key !== '') rows.set(String(key), { row: i + 1, value: String(value) });
        });
    }
    this.rows = rows;
    return rows;
  }

  /** Reads the rows again at the next get (another execution may have written them). */
  invalidate(): void {
    this.rows = null;
  }

  get(key: string): string | null {
    return this.load().get(key)?.value ?? null;
  }

  /** Every key (from the same one read): the job runner finds requests by their prefix. */
  all(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, { value }] of this.load()) out[key] = value;
    return out;
  }

  set(key: string, value: string): void {
    const rows = this.load();
    const sheet = this.sheet();
    const known = rows.get(key);
    if (known) {
      if (known.value === value) return;
      sheet.getRange(known.row, 2).setValue(value);
      known.value = value;
      return;
    }
    sheet.appendRow([key, value]);
    rows.set(key, { row: sheet.getLastRow(), value });
  }

  /** Key by key; an empty value for a key never written adds no row (it reads null, empty). */
  setAll(entries: Record<string, string>): void {
    const rows = this.load();
    for (const [key, value] of Object.entries(entries))
      if (value !== '' || rows.has(key)) this.set(key, value);
  }
}
