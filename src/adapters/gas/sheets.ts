import { monitoredSpreadsheet } from './spreadsheet';
import type {
  EmbeddedChartSpec,
  PrefetchTable,
  SheetLayout,
  SheetStore,
  Table,
  Cell,
  WriteMemory,
} from '../../ports';
import { asCellRows } from './cells';
import { responsesSheetOf } from './forms';
import { alignRows, planCost, planWrites, type Hunk, type WriteRect } from './write-plan';
import {
  blockRowsFor,
  changedSince,
  fingerprintsOf,
  fingerprintText,
  layoutCode,
  parseFingerprints,
  type Fingerprints,
} from './fingerprints';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The empty sheet a new spreadsheet starts with, in Google's English and Russian UI. */
const DEFAULT_SHEET_NAMES = ['Sheet1', 'Лист1', 'Лист 1'];

/**
 * Grows the grid so that `rows` x `columns` fit: Sheets refuses ranges outside it. Returns the
 * number of rows the grid had when rows were added, or null.
 */
function fit(s: Sheet, rows: number, columns: number): number | null {
  const maxRows = s.getMaxRows();
  if (rows > maxRows) s.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = s.getMaxColumns();
  if (columns > maxColumns) s.insertColumnsAfter(maxColumns, columns - maxColumns);
  return rows > maxRows ? maxRows : null;
}

/** Clears what an earlier, larger table left below and to the right of `rows` x `width`. */
function clearTail(s: Sheet, rows: number, width: number): void {
  const maxRows = s.getMaxRows();
  const maxColumns = s.getMaxColumns();
  if (maxRows > rows) s.getRange(rows + 1, 1, maxRows - rows, maxColumns).clearContent();
  if (rows > 0 && maxColumns > width)
    s.getRange(1, width + 1, rows, maxColumns - width).clearContent();
}

/**
 * A server call costs about what writing this many cells does (cost-model note: 100 ms a call,
 * 60 µs a cell written): unchanged cells fewer than this between two changed ones are
 * written with them rather than paying for another call.
 */
const CELLS_PER_CALL = 1600;

/** What reading back a cell written as `written` (see asCellValue) gives when it is unchanged. */
function sameCell(written: Cell, read: Cell): boolean {
  if (typeof written === 'string' && written.startsWith("'")) return read === written.slice(1);
  if (written instanceof Date) return read instanceof Date && read.getTime() === written.getTime();
  return written === read;
}

/** Beyond this many cells, a grid's tail is cleared unread (one call) rather than read. */
const TAIL_READ_CELLS = 10_000;

/** What a sheet held before it is overwritten, as far as it was read. */
interface GridRead {
  /** The rows read (as many as the grid had, or the new table's when the rest is unread). */
  now: Cell[][];
  /** The grid's row count when read. */
  gridRows: number;
  /** Every cell of the grid was read. */
  complete: boolean;
  /** The new table's size this read was made for. */
  rows: number;
  width: number;
}

/**
 * One read of what a sheet holds, for overwriting it with a `rows` x `width` table: the whole
 * grid when what lies outside the table is small (so a tail is cleared only when there is one),
 * else the table's own rectangle (the tail is then cleared unread).
 */
function readGrid(s: Sheet, rows: number, width: number): GridRead {
  const gridRows = s.getMaxRows();
  const columns = s.getMaxColumns();
  const tailCells = (gridRows - rows) * columns + rows * (columns - width);
  const complete = tailCells <= TAIL_READ_CELLS;
  const readRows = complete ? gridRows : Math.min(gridRows, rows);
  // A table wider than the grid: the grid's columns (fit adds the others, empty).
  const readColumns = complete ? columns : Math.min(width, columns);
  const now = readRows > 0 ? (s.getRange(1, 1, readRows, readColumns).getValues() as Cell[][]) : [];
  return { now, gridRows, complete, rows, width };
}

/**
 * The grid's rows as known before writing: a row read, null for a row known empty (inserted
 * just now), undefined for a row not read (its content unknown).
 */
type KnownRows = Array<Cell[] | null | undefined>;

function knownRows(read: GridRead): KnownRows {
  const known: KnownRows = read.now.slice();
  known.length = read.gridRows;
  return known;
}

/** Whether something stands outside the new table (unknown when the grid was not all read). */
function hasTail(known: KnownRows, complete: boolean, rows: number, width: number): boolean {
  if (!complete) return true;
  return known.some((old, r) => old?.some((v, c) => (r >= rows || c >= width) && v !== ''));
}

/** Per column, 1 for each row whose cell must be written (differs, or is not known). */
function changedCells(cells: Cell[][], width: number, known: KnownRows): Uint8Array[] {
  const changed = Array.from({ length: width }, () => new Uint8Array(cells.length));
  cells.forEach((row, r) => {
    const old = known[r];
    // Rows below the grid as read were added empty; rows not read are written whatever held.
    const unknown = old === undefined && r < known.length;
    for (let c = 0; c < width; c++)
      if (unknown || !sameCell(row[c], old?.[c] ?? '')) changed[c][r] = 1;
  });
  return changed;
}

/** One write per rectangle of changed cells (write-plan.ts). */
function writeRects(s: Sheet, cells: Cell[][], rects: readonly WriteRect[]): void {
  for (const w of rects)
    s.getRange(w.row + 1, w.column + 1, w.rows, w.columns).setValues(
      cells.slice(w.row, w.row + w.rows).map((row) => row.slice(w.column, w.column + w.columns)),
    );
}

/**
 * The fingerprints of the sheet's last write, when they still describe it: same sheet (not
 * deleted and made again), same grid height (no rows inserted or deleted), same layout and
 * block size. Null: the sheet is read back instead.
 */
function remembered(
  s: Sheet,
  last: string | null | undefined,
  layout: SheetLayout | undefined,
  rows: number,
): Fingerprints | null {
  const before = parseFingerprints(last);
  if (
    !before ||
    before.sheetId !== s.getSheetId() ||
    before.gridRows !== s.getMaxRows() ||
    before.layout !== layoutCode(layout) ||
    before.blockRows !== blockRowsFor(rows)
  )
    return null;
  return before;
}

/** Whether the key columns' blocks are as before (else rows may have to move: read). */
function sameKeys(before: Fingerprints, now: Fingerprints, keyColumns: readonly number[]): boolean {
  if (before.rows !== now.rows || before.width !== now.width) return false;
  return now.codes.every(
    (code, i) => !keyColumns.includes(i % now.width) || code === before.codes[i],
  );
}

/** A row deletion or insertion costs a structure call: two value writes' worth (cost model). */
const CELLS_PER_STRUCTURE_CALL = 2 * CELLS_PER_CALL;
/** Beyond this many rows inserted or deleted apart, rows are rewritten where they stand. */
const MAX_ROW_EDITS = 40;

/** A row's key: its key columns' values as read back (text without the leading apostrophe). */
const keyOf = (row: readonly Cell[], columns: readonly number[]): string =>
  columns.map((c) => String(row[c]).replace(/^'/, '')).join('\u0001');

/**
 * The structural hunks that realign a sheet's rows with the new table by key (a school's rows
 * inserted where it now sorts, rows of a school gone deleted), when that costs less than
 * rewriting the rows that shifted; applied to `known` as they would be to the sheet. Hunks at
 * the end need no row moved and are left to the plain writes. Null when realigning does not pay.
 */
function realignment(
  cells: Cell[][],
  width: number,
  known: KnownRows,
  keyColumns: readonly number[],
  formatCalls: number,
): { hunks: Hunk[]; known: KnownRows; rects: WriteRect[] } | null {
  let last = 0;
  known.forEach((row, r) => {
    if (r > 0 && row?.some((v) => v !== '')) last = r;
  });
  const before = known.slice(1, last + 1).map((row) => (row ? keyOf(row, keyColumns) : ''));
  const after = cells.slice(1).map((row) => keyOf(row, keyColumns));
  const all = alignRows(before, after, MAX_ROW_EDITS);
  const hunks = (all ?? []).filter(
    (h) => h.at + h.deleted < before.length && h.deleted !== h.inserted,
  );
  if (hunks.length === 0) return null;
  const moved = known.slice();
  let extra = 0;
  for (const h of [...hunks].reverse()) {
    const keep = Math.min(h.deleted, h.inserted);
    if (h.deleted > keep) moved.splice(h.at + 1 + keep, h.deleted - keep);
    else {
      moved.splice(h.at + 1 + h.deleted, 0, ...new Array<null>(h.inserted - keep).fill(null));
      extra += formatCalls * CELLS_PER_CALL;
    }
  }
  const rects = planWrites(changedCells(cells, width, moved), CELLS_PER_CALL);
  const cost = hunks.length * CELLS_PER_STRUCTURE_CALL + extra + planCost(rects, CELLS_PER_CALL);
  const plain = planCost(
    planWrites(changedCells(cells, width, known), CELLS_PER_CALL),
    CELLS_PER_CALL,
  );
  return cost < plain ? { hunks, known: moved, rects } : null;
}

/** Runs of adjacent columns (1-based start, count) that share a value of `key`. */
function runs<T>(
  columns: readonly T[],
  key: (c: T) => string | number | undefined,
): Array<{ start: number; count: number; value: string | number }> {
  const out: Array<{ start: number; count: number; value: string | number }> = [];
  columns.forEach((c, i) => {
    const value = key(c);
    const last = out[out.length - 1];
    if (value === undefined) return;
    if (last && last.value === value && last.start + last.count === i + 1) last.count += 1;
    else out.push({ start: i + 1, count: 1, value });
  });
  return out;
}

/**
 * The container spreadsheet as a batched table store: one read or one write per call. Sheet
 * handles are looked up once per execution (one `getSheets()`), not by name on every call.
 */
export class GasSheetStore implements SheetStore {
  private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  private handles: Map<string, Sheet> | null = null;

  constructor(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.ss = ss ?? monitoredSpreadsheet();
  }

  private order: readonly string[] | null = null;
  private all: Sheet[] | null = null;
  private readonly placed = new Map<string, Sheet>();
  private missed = false;
  /** Sheets created, deleted, renamed or moved by this store so far (structureVersion). */
  private structureChanges = 0;
  /** The row `readRow` read last, to overwrite without growing the grid. */
  private lastRead: {
    sheet: string;
    row: number;
    columns: number;
    range: GoogleAppsScript.Spreadsheet.Range;
  } | null = null;

  private find(name: string): Sheet | null {
    if (!this.handles && this.order) {
      // The sheet at its expected place, if its name says it is still there: one call.
      const seen = this.placed.get(name);
      if (seen) return seen;
      const at = this.order.indexOf(name);
      this.all ??= this.ss.getSheets();
      const s = at >= 0 ? this.all[at] : undefined;
      if (s && s.getName() === name) {
        this.placed.set(name, s);
        return s;
      }
      this.order = null;
      this.missed = true;
    }
    if (!this.handles)
      this.handles = new Map((this.all ?? this.ss.getSheets()).map((s) => [s.getName(), s]));
    return this.handles.get(name) ?? null;
  }

  has(sheet: string): boolean {
    return this.find(sheet) !== null;
  }

  expectOrder(names: readonly string[]): void {
    if (!this.handles) this.order = names;
  }

  orderHolds(): boolean {
    return !this.missed;
  }

  structureVersion(): number {
    return this.structureChanges;
  }

  readRow(sheet: string, row: number, columns: number): Cell[] {
    const s = this.find(sheet);
    if (!s) return [];
    try {
      const range = s.getRange(row, 1, 1, columns);
      const values = range.getValues()[0] as Cell[];
      this.lastRead = { sheet, row, columns, range };
      return values;
    } catch {
      // Past the grid: nothing there.
      return [];
    }
  }

  id(): string {
    return this.ss.getId();
  }

  url(): string {
    return this.ss.getUrl();
  }

  name(): string {
    return this.ss.getName();
  }

  sheetNames(): string[] {
    this.order = null;
    this.find('');
    return [...(this.handles as Map<string, Sheet>).keys()];
  }

  read(sheet: string): Table {
    const s = this.find(sheet);
    if (!s) return [];
    const values = s.getDataRange().getValues() as Cell[][];
    // An empty sheet still answers with one empty cell.
    if (values.length === 1 && values[0].length === 1 && values[0][0] === '') return [];
    return values;
  }

  readColumns(sheet: string, columns: number): Table {
    const s = this.find(sheet);
    if (!s) return [];
    const rows = s.getLastRow();
    if (rows === 0) return [];
    return s.getRange(1, 1, rows, columns).getValues() as Cell[][];
  }

  /**
   * Overwrites the table in place and then clears only what an earlier, larger table left
   * (the sheet is never empty in between). The layout (widths, formats, notes) is applied when
   * the sheet is created; the grid then ends one row below the data, so formats cover the data
   * rows only, and rows added later, which always go through `fit`, get the formats then.
   */
  replace(sheet: string, rows: Table, layout?: SheetLayout): void {
    const memory = this.memories.get(sheet);
    this.memories.delete(sheet);
    this.write(sheet, rows, layout, false, memory);
  }

  /** Sheets people type into keep formats and dropdowns on whole columns, for rows to come. */
  ensure(sheet: string, header: readonly string[], layout?: SheetLayout): boolean {
    if (this.present.has(sheet)) return false;
    // An empty sheet is a creation cut short (killed before its header was written).
    const found = this.find(sheet);
    if (found && found.getLastRow() > 0) {
      this.present.add(sheet);
      return false;
    }
    this.write(sheet, [header.slice()], layout, true);
    return true;
  }

  /** Sheets `ensure` found with content in this execution (asked again: no read). */
  private readonly present = new Set<string>();

  /** Grids read by `prefetch`, each used by the next `replace` of its sheet. */
  private readonly fetched = new Map<string, GridRead>();

  /** The memories `prefetch` was given, each used by the next `replace` of its sheet. */
  private readonly memories = new Map<string, WriteMemory>();
  /** Fingerprints `prefetch` computed of a table (to look at its key columns), kept for its write. */
  private readonly prints = new Map<string, { rows: Table; fresh: Fingerprints }>();

  /**
   * Reads what these sheets hold now, before anything is written, for the `replace` of each
   * with its table that follows: a read after pending writes costs a round trip more.
   */
  prefetch(tables: ReadonlyArray<PrefetchTable>): void {
    for (const { sheet, rows, layout, memory } of tables) {
      if (memory) this.memories.set(sheet, memory);
      const s = this.find(sheet);
      if (!s) continue;
      const width = Math.max(1, ...rows.map((r) => r.length));
      // What its last write left is known: nothing to read, unless rows must move by key.
      const before = memory ? remembered(s, memory.last, layout, rows.length) : null;
      if (before && !layout?.keyColumns) continue;
      if (before && layout?.keyColumns) {
        const fresh = fingerprintsOf(asCellRows(rows, width), width, 0, 0, layoutCode(layout));
        this.prints.set(sheet, { rows, fresh });
        if (sameKeys(before, fresh, layout.keyColumns)) continue;
      }
      this.fetched.set(sheet, readGrid(s, rows.length, width));
    }
  }

  private write(
    sheet: string,
    rows: Table,
    layout: SheetLayout | undefined,
    typed: boolean,
    memory?: WriteMemory,
    raw = false,
  ): void {
    const existing = this.find(sheet);
    const s = existing ?? this.create(sheet);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const cells = raw ? rows : asCellRows(rows, width);
    const fetched = this.fetched.get(sheet);
    this.fetched.delete(sheet);
    let grownFrom: number | null;
    const printed = this.prints.get(sheet);
    this.prints.delete(sheet);
    const fresh = !memory
      ? null
      : printed?.rows === rows
        ? printed.fresh
        : fingerprintsOf(cells, width, 0, 0, layoutCode(layout));
    let before =
      existing && !typed && fresh ? remembered(s, memory?.last, layout, rows.length) : null;
    if (before && fresh && layout?.keyColumns && !sameKeys(before, fresh, layout.keyColumns))
      before = null;
    if (before && fresh) {
      // Only the blocks whose fingerprints changed, unread; what the last write left outside
      // the new table (it was longer or wider) is cleared.
      grownFrom = fit(s, rows.length, width);
      writeRects(s, cells, planWrites(changedSince(before, fresh, cells), CELLS_PER_CALL));
      if (before.rows > rows.length || before.width > width) clearTail(s, rows.length, width);
    } else if (existing && !typed) {
      // Read first (all reads before writes), realign rows by key, then grow and write.
      const read =
        fetched &&
        fetched.gridRows === s.getMaxRows() &&
        fetched.rows === rows.length &&
        fetched.width === width
          ? fetched
          : readGrid(s, rows.length, width);
      let known = knownRows(read);
      let rects: WriteRect[] | null = null;
      if (layout?.keyColumns && !layout.negativeRed) {
        // At most one formatting call per formatted column, for a block of rows inserted.
        const formatCalls = (layout.columns ?? []).filter(
          (c) => c.numberFormat || c.wrap || c.allowed,
        ).length;
        const moved = realignment(cells, width, known, layout.keyColumns, formatCalls);
        if (moved) {
          this.moveRows(s, moved.hunks, layout);
          known = moved.known;
          rects = moved.rects;
        }
      }
      grownFrom = fit(s, rows.length, width);
      writeRects(s, cells, rects ?? planWrites(changedCells(cells, width, known), CELLS_PER_CALL));
      if (hasTail(known, read.complete, rows.length, width)) clearTail(s, rows.length, width);
    } else {
      grownFrom = fit(s, rows.length, width);
      if (rows.length > 0) s.getRange(1, 1, rows.length, width).setValues(cells);
      if (existing) clearTail(s, rows.length, width);
    }
    if (layout) this.layOut(s, layout, existing !== null, typed, rows.length, width, grownFrom);
    // What the sheet now holds, as its grid now stands (after the layout's row changes).
    if (memory && fresh) {
      this.wrote.set(sheet, { memory, fresh });
      this.rememberGrid(sheet, s);
    }
  }

  /** Memories given back in this execution, told again when the sheet's grid grows. */
  private readonly wrote = new Map<string, { memory: WriteMemory; fresh: Fingerprints }>();

  private rememberGrid(sheet: string, s: Sheet): void {
    const w = this.wrote.get(sheet);
    w?.memory.written(
      fingerprintText({ ...w.fresh, sheetId: s.getSheetId(), gridRows: s.getMaxRows() }),
    );
  }

  private layOut(
    s: Sheet,
    layout: SheetLayout,
    existing: boolean,
    typed: boolean,
    rowCount: number,
    width: number,
    grownFrom: number | null,
  ): void {
    if (!existing) {
      // One spare row: Sheets refuses to freeze or keep only frozen rows.
      const keep = Math.max(rowCount, 1) + 1;
      const maxRows = s.getMaxRows();
      if (!typed && maxRows > keep) s.deleteRows(keep + 1, maxRows - keep);
      this.applyLayout(s, layout, width);
    } else if (grownFrom !== null) {
      this.applyFormats(s, layout, grownFrom + 1, s.getMaxRows());
    }
    // After the column formats: single cells that differ (a gap in п.п. in a «%» column).
    // On a sheet written before, one read of the formats: only cells whose format differs.
    const cellFormats = layout.cellFormats ?? [];
    const now =
      existing && cellFormats.length > 0
        ? s
            .getRange(
              1,
              1,
              Math.max(...cellFormats.map((f) => f.row + 2)),
              Math.max(...cellFormats.map((f) => f.column + 1)),
            )
            .getNumberFormats()
        : null;
    for (const f of cellFormats)
      if (now?.[f.row + 1]?.[f.column] !== f.numberFormat)
        s.getRange(f.row + 2, f.column + 1).setNumberFormat(f.numberFormat);
  }

  append(sheet: string, rows: Table): void {
    this.fetched.delete(sheet);
    if (rows.length === 0) return;
    const s = this.sheet(sheet);
    // One row: appendRow needs no read of the last row (which would flush pending writes).
    if (rows.length === 1) return void s.appendRow(asCellRows(rows, rows[0].length)[0]);
    const width = Math.max(...rows.map((r) => r.length));
    const first = s.getLastRow() + 1;
    fit(s, first + rows.length - 1, width);
    s.getRange(first, 1, rows.length, width).setValues(asCellRows(rows, width));
  }

  writeRow(sheet: string, row: number, values: readonly Cell[]): void {
    this.fetched.delete(sheet);
    const read = this.lastRead;
    this.lastRead = null;
    if (read && read.sheet === sheet && read.row === row) {
      // The row was just read, so it is inside the grid: no need to measure the grid first.
      const cells = asCellRows([values], values.length);
      if (read.columns === values.length) return void read.range.setValues(cells);
      try {
        return void this.sheet(sheet).getRange(row, 1, 1, values.length).setValues(cells);
      } catch {
        // Narrower than the row: grown below.
      }
    }
    const s = this.sheet(sheet);
    fit(s, row, values.length);
    s.getRange(row, 1, 1, values.length).setValues(asCellRows([values], values.length));
  }

  private zone: string | null = null;

  timeZone(): string {
    this.zone ??= this.ss.getSpreadsheetTimeZone();
    return this.zone;
  }

  calendarDate(date: Date): string {
    return Utilities.formatDate(date, this.timeZone(), 'yyyy-MM-dd');
  }

  deleteSheet(sheet: string): void {
    const s = this.find(sheet);
    if (!s) return;
    this.ss.deleteSheet(s);
    this.forget();
    this.structureChanges += 1;
  }

  responsesSheetId(formId: string): number | null {
    return responsesSheetOf(this.ss, formId);
  }

  renameSheetById(sheetId: number, name: string): boolean {
    const s = this.ss.getSheets().find((x) => x.getSheetId() === sheetId);
    const taken = this.find(name);
    if (!s || (taken && taken.getSheetId() !== sheetId)) return false;
    if (s.getName() !== name) {
      s.setName(name);
      this.structureChanges += 1;
    }
    this.forget();
    return true;
  }

  sheetNameById(sheetId: number): string | null {
    const s = this.ss.getSheets().find((x) => x.getSheetId() === sheetId);
    return s ? s.getName() : null;
  }

  deleteRow(sheet: string, row: number): void {
    this.fetched.delete(sheet);
    this.find(sheet)?.deleteRow(row);
  }

  highlightDuplicates(sheet: string, column: number): boolean {
    const s = this.sheet(sheet);
    const rules = s.getConditionalFormatRules();
    if (rules.length > 0) return false;
    const letter = String.fromCharCode(64 + column);
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=AND(${letter}2<>"",COUNTIF($${letter}:$${letter},${letter}2)>1)`)
      .setBackground('#f4c7c3')
      .setRanges([s.getRange(2, column, s.getMaxRows() - 1, 1)])
      .build();
    s.setConditionalFormatRules([rule]);
    return true;
  }

  arrange(order: readonly string[], hidden: readonly string[]): void {
    const sheets = this.ss.getSheets();
    for (const s of sheets) {
      if (sheets.length > 1 && DEFAULT_SHEET_NAMES.includes(s.getName()) && s.getLastRow() === 0) {
        this.ss.deleteSheet(s);
        this.structureChanges += 1;
      }
    }
    this.forget();
    // Handles from one getSheets(), the order kept here as sheets move (getSheetByName is a
    // server call; a sheet handle stays valid when the sheet moves).
    const byName = new Map(this.ss.getSheets().map((s) => [s.getName(), s]));
    const present = [...byName.keys()];
    const wanted = [
      ...order.filter((n) => present.includes(n)),
      ...present.filter((n) => !order.includes(n)),
    ];
    const current = [...present];
    wanted.forEach((name, i) => {
      const s = byName.get(name);
      if (current[i] === name || !s) return;
      this.ss.setActiveSheet(s);
      this.ss.moveActiveSheet(i + 1);
      current.splice(current.indexOf(name), 1);
      current.splice(i, 0, name);
      this.structureChanges += 1;
    });
    // The handles in their new order: sheetNames() needs no second look at every name.
    this.handles = new Map(current.map((n) => [n, byName.get(n) as Sheet]));
    for (const name of hidden) {
      const s = byName.get(name);
      if (s && !s.isSheetHidden()) s.hideSheet();
    }
    const first = byName.get(wanted[0]);
    if (first) this.ss.setActiveSheet(first);
  }

  /**
   * Each chart's data table (column 0 = X, one column per series, a label column after a
   * labelled series) goes to the hidden data sheet; the chart, built from that range with the
   * series' colours and line styles, is placed on `sheet` below `anchorRow`.
   */
  setCharts(sheet: string, charts: readonly EmbeddedChartSpec[], memory?: WriteMemory): void {
    const s = this.sheet(sheet);
    for (const spec of charts) this.fetched.delete(spec.dataSheet);
    // A chart already there is kept when it is the one wanted (its data is read live), else
    // modified in place: one structure call, not a removal and an insertion.
    const old = s.getCharts();
    // The data tables side by side, one grid per data sheet, written as an output table is:
    // only what changed (`memory` of the data sheet, or read back), as they are (no apostrophe).
    const grids = new Map<string, Cell[][]>();
    for (const spec of charts) {
      const grid = grids.get(spec.dataSheet) ?? [];
      chartTable(spec.chart).forEach((row, r) => {
        const line = (grid[r] ??= []);
        row.forEach((v, c) => (line[spec.dataColumn - 1 + c] = v));
      });
      grids.set(spec.dataSheet, grid);
    }
    for (const [name, grid] of grids) {
      const width = Math.max(...grid.map((row) => row.length));
      const rows = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
      this.write(name, rows, undefined, false, memory, true);
      memory = undefined;
      const data = this.sheet(name);
      if (!data.isSheetHidden()) data.hideSheet();
    }
    charts.forEach((spec, i) => {
      const table = chartTable(spec.chart);
      const data = this.sheet(spec.dataSheet);
      const width = table[0].length;
      const c = spec.chart;
      const series: Record<string, object> = {};
      c.series.forEach((st, k) => {
        series[String(k)] = st.line
          ? { color: st.color, lineWidth: 1, pointSize: 0, lineDashStyle: [4, 4] }
          : { color: st.color, pointSize: st.labels ? 9 : 7 };
      });
      const row = spec.anchorRow + i * 22;
      // Rows added below a table written with a memory: the memory says so.
      if (fit(s, row + 1, 1) !== null) this.rememberGrid(sheet, s);
      const wanted: ChartWanted = {
        type: c.kind === 'scatter' ? Charts.ChartType.SCATTER : Charts.ChartType.COLUMN,
        range: data.getRange(1, spec.dataColumn, table.length, width),
        row,
        options: [
          ['hAxis.title', c.xTitle],
          ['vAxis.title', c.yTitle],
          ['legend', { position: 'top' }],
          ['isStacked', c.stacked === true],
          ['series', series],
          ['width', 640],
          ['height', 400],
        ],
      };
      const was = old[i];
      if (was && isChart(was, wanted)) return;
      let builder = (was ? was.modify().clearRanges() : s.newChart())
        .setChartType(wanted.type)
        .addRange(wanted.range)
        .setNumHeaders(1)
        .setPosition(row, 1, 0, 0);
      for (const [name, value] of wanted.options) builder = builder.setOption(name, value);
      if (was) s.updateChart(builder.build());
      else s.insertChart(builder.build());
    });
    for (const extra of old.slice(charts.length)) s.removeChart(extra);
  }

  private sheet(name: string): Sheet {
    return this.find(name) ?? this.create(name);
  }

  private create(name: string): Sheet {
    const s = this.ss.insertSheet(name);
    this.forget();
    this.structureChanges += 1;
    this.find(name);
    (this.handles as Map<string, Sheet>).set(name, s);
    return s;
  }

  /** After sheets were added, removed, renamed or moved. */
  private forget(): void {
    this.fetched.clear();
    this.present.clear();
    this.placed.clear();
    this.handles = null;
    this.all = null;
    this.order = null;
  }

  /**
   * Deletes and inserts rows so that the rows below each hunk stand where the new table has
   * them (bottom up, so row numbers above stay valid); inserted rows get the data rows' formats.
   */
  private moveRows(s: Sheet, hunks: readonly Hunk[], layout: SheetLayout): void {
    const frozen = layout.frozenRows ?? 0;
    for (const h of [...hunks].reverse()) {
      const keep = Math.min(h.deleted, h.inserted);
      // Old row i of the table body is sheet row i + 2.
      if (h.deleted > keep) s.deleteRows(h.at + 2 + keep, h.deleted - keep);
      else {
        const after = h.at + 1 + h.deleted;
        const count = h.inserted - keep;
        s.insertRowsAfter(after, count);
        // Rows inserted under the header may take its look in Google: the data rows' instead.
        if (after <= frozen)
          s.getRange(after + 1, 1, count, s.getMaxColumns())
            .setFontWeight('normal')
            .setWrap(false);
        this.applyFormats(s, layout, after + 1, after + count);
      }
    }
  }

  private applyLayout(s: Sheet, layout: SheetLayout, width: number): void {
    if (layout.frozenRows !== undefined) s.setFrozenRows(layout.frozenRows);
    // One call per run of adjacent columns of the same width.
    for (const run of runs(layout.columns ?? [], (c) => c.width))
      s.setColumnWidths(run.start, run.count, Number(run.value));
    this.applyFormats(s, layout, 2, s.getMaxRows());
    if (layout.headerNotes && layout.headerNotes.length > 0) {
      s.getRange(1, 1, 1, layout.headerNotes.length).setNotes([layout.headerNotes.slice()]);
    }
    if (layout.frozenRows)
      s.getRange(1, 1, layout.frozenRows, width).setFontWeight('bold').setWrap(true);
    (layout.columns ?? []).forEach((c, i) => {
      if (c.hidden) s.hideColumns(i + 1);
    });
    const red = (layout.negativeRed ?? []).map((c) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenNumberLessThan(0)
        .setBackground('#f4c7c3')
        .setRanges([s.getRange(2, c + 1, Math.max(1, s.getMaxRows() - 1), 1)])
        .build(),
    );
    if (red.length > 0) s.setConditionalFormatRules([...s.getConditionalFormatRules(), ...red]);
  }

  /** Number formats and dropdowns of rows `from`..`to`: one call per run of like columns. */
  private applyFormats(s: Sheet, layout: SheetLayout, from: number, to: number): void {
    const columns = layout.columns ?? [];
    if (to < from) return;
    const rows = to - from + 1;
    for (const run of runs(columns, (c) => c.numberFormat))
      s.getRange(from, run.start, rows, run.count).setNumberFormat(String(run.value));
    for (const run of runs(columns, (c) => (c.wrap ? 'wrap' : undefined)))
      s.getRange(from, run.start, rows, run.count).setWrap(true);
    columns.forEach((col, i) => {
      if (!col.allowed || col.allowed.length === 0) return;
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList(col.allowed.slice(), true)
        .setAllowInvalid(false)
        .build();
      s.getRange(from, i + 1, rows, 1).setDataValidation(rule);
    });
  }
}

/** An embedded chart as `setCharts` builds it. */
interface ChartWanted {
  type: GoogleAppsScript.Charts.ChartType;
  range: GoogleAppsScript.Spreadsheet.Range;
  row: number;
  options: Array<[string, unknown]>;
}

/** Whether a chart on the sheet is already the one wanted (getters only: no server call). */
function isChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, wanted: ChartWanted): boolean {
  const where = (r: GoogleAppsScript.Spreadsheet.Range) =>
    r.getSheet().getName() + r.getA1Notation();
  const info = chart.getContainerInfo();
  const options = chart.getOptions();
  return (
    JSON.stringify([
      chart.getRanges().map(where),
      info.getAnchorRow(),
      info.getAnchorColumn(),
      String(chart.modify().getChartType()),
      wanted.options.map(([name]) => options.get(name)),
    ]) ===
    JSON.stringify([
      [where(wanted.range)],
      wanted.row,
      1,
      String(wanted.type),
      wanted.options.map(([, value]) => value),
    ])
  );
}

/** A chart's data table as cells: header, rows (null → empty), labels after their series. */
function chartTable(c: EmbeddedChartSpec['chart']): Cell[][] {
  const labelled = c.series.findIndex((st) => st.labels) + 1;
  const withLabels = (row: Cell[], label: Cell): Cell[] =>
    labelled > 0 ? [...row.slice(0, labelled + 1), label, ...row.slice(labelled + 1)] : row;
  const header = withLabels(c.header.slice(), '');
  const rows = c.rows.map((r, i) =>
    withLabels(
      r.map((v) => (v === null ? '' : v)),
      c.labels?.[i] ?? '',
    ),
  );
  return [header, ...rows];
}
