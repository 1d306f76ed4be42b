/**
 * The small interfaces through which use cases reach Google. The Apps Script adapters
 * (src/adapters/gas) implement them over the real services; tests may pass fakes.
 * Every sheet operation is batched: one read or one write per sheet per call.
 */
import type { ChartSpec as DataChart, ReportModel } from '../core/report/model';

import type { Cell } from '../core/types';

export type { Cell } from '../core/types';
export type Table = Cell[][];

export interface ColumnLayout {
  /** Width in pixels. */
  width?: number;
  /** Apps Script number format, e.g. `0.0%`, `dd.MM.yyyy`, `@` (plain text). */
  numberFormat?: string;
  /** A dropdown of allowed values (data validation). */
  allowed?: readonly string[];
  /** Long text wraps inside the cell. */
  wrap?: boolean;
  /** A column for machine reading (codes): hidden from the reader. */
  hidden?: boolean;
}

export interface SheetLayout {
  frozenRows?: number;
  columns?: readonly ColumnLayout[];
  /** Notes on header cells, by column index. */
  headerNotes?: readonly string[];
  /** Number formats of single data cells (0-based row below the header, column); every write. */
  cellFormats?: ReadonlyArray<{ row: number; column: number; numberFormat: string }>;
  /** Columns (0-based) whose negative numbers are shown on a red background. */
  negativeRed?: readonly number[];
  /**
   * Columns (0-based) that identify a row: written again, rows are moved (inserted, deleted)
   * to where the new table has them rather than rewritten below a school added or gone.
   */
  keyColumns?: readonly number[];
}

/** A chart placed on a sheet: its data table goes to a hidden data sheet, the chart below `anchorRow`. */
export interface EmbeddedChartSpec {
  chart: DataChart;
  /** The hidden sheet that holds the chart's data table, and its first column there. */
  dataSheet: string;
  dataColumn: number;
  anchorRow: number;
}

export interface SheetStore {
  id(): string;
  url(): string;
  name(): string;
  sheetNames(): string[];
  /** The whole sheet, header row first; [] when it does not exist. One read. */
  read(sheet: string): Table;
  /** The first `columns` columns of every row (header included); [] when missing. One read. */
  readColumns(sheet: string, columns: number): Table;
  /** Replaces the sheet's content (creating it), then applies the layout. One write. */
  replace(sheet: string, rows: Table, layout?: SheetLayout): void;
  /** Creates the sheet with this header if it does not exist; returns true when created. */
  ensure(sheet: string, header: readonly string[], layout?: SheetLayout): boolean;
  /** Appends rows below the last one. One write. */
  append(sheet: string, rows: Table): void;
  /** Overwrites one row (1-based, header is row 1). One write. */
  writeRow(sheet: string, row: number, values: readonly Cell[]): void;
  /** The spreadsheet's time zone (File → Settings). */
  timeZone(): string;
  /**
   * The calendar day (`yyyy-MM-dd`) a date cell shows: in the spreadsheet's time zone, which
   * need not be the script's (a date typed in Krasnoyarsk is the evening before in Moscow).
   */
  calendarDate(date: Date): string;
  /** Deletes the sheet with this name, if there is one. */
  deleteSheet(sheet: string): void;
  /** The id of the sheet a form with this id sends its responses to; null when none. */
  responsesSheetId(formId: string): number | null;
  /** Renames the sheet with this id unless another sheet has that name; false then. */
  renameSheetById(sheetId: number, name: string): boolean;
  /** The current name of the sheet with this id; null when it was deleted. */
  sheetNameById(sheetId: number): string | null;
  /** Deletes one row (1-based). */
  deleteRow(sheet: string, row: number): void;
  /** Marks repeated values of a column in red (a conditional format rule); false if it had one. */
  highlightDuplicates(sheet: string, column: number): boolean;
  /**
   * Puts the sheets in the reader's order (those named first, the rest after, as they were),
   * hides `hidden`, and removes an empty default sheet («Sheet1», «Лист1»).
   */
  arrange(order: readonly string[], hidden: readonly string[]): void;
  /**
   * Replaces the charts of a sheet (their data tables written to their data sheet, with the
   * `memory` of that sheet's last write as `prefetch` takes one).
   */
  setCharts(sheet: string, charts: readonly EmbeddedChartSpec[], memory?: WriteMemory): void;
  /**
   * The sheets' order as last seen (`sheetNames()`): sheets are then found by one name check
   * at their expected place instead of a look at every sheet's name; a miss looks at all.
   */
  expectOrder?(names: readonly string[]): void;
  /** False once a sheet was not at its expected place (the order changed since). */
  orderHolds?(): boolean;
  /** How many times this store created, deleted, renamed or moved a sheet (0: never). */
  structureVersion?(): number;
  /** Whether the sheet exists (with an expected order: one name check). */
  has?(sheet: string): boolean;
  /** The first `columns` cells of one row (1-based); [] past the grid. One read. */
  readRow?(sheet: string, row: number, columns: number): Cell[];
  /**
   * Reads what these sheets hold before anything is written, for the `replace` of each with
   * its table that follows (a read after pending writes costs a round trip more). A sheet
   * with a `memory` of its last write is not read: that `replace` writes what changed since.
   */
  prefetch?(tables: ReadonlyArray<PrefetchTable>): void;
}

/** A table `prefetch` reads the sheet for (or not, given a memory of its last write). */
export interface PrefetchTable {
  sheet: string;
  rows: Table;
  layout?: SheetLayout;
  memory?: WriteMemory;
}

/**
 * What `replace` wrote into a sheet, as opaque text the caller keeps between executions (the
 * adapter's fingerprints of the cells): the next `replace` then writes what changed without
 * reading the sheet back. The caller must drop the text whenever the sheet may hold something
 * else (an inspector's edit, rows moved) and before a write that may be cut short.
 */
export interface WriteMemory {
  /** The text `written` gave after the last write, or null (the sheet is then read). */
  last: string | null;
  /** Called after the write with the text that describes what the sheet now holds. */
  written(text: string): void;
}

export type FormItemKind = 'int' | 'bool' | 'url' | 'text' | 'paragraph' | 'email' | 'list';

export interface FormItemSpec {
  /** Stable key (field code); kept in the item's help text marker so renames are safe. */
  code: string;
  title: string;
  help: string;
  kind: FormItemKind;
  required: boolean;
  choices?: readonly string[];
}

export interface FormSectionSpec {
  title: string;
  help: string;
  items: readonly FormItemSpec[];
}

export interface FormSpec {
  title: string;
  description: string;
  confirmation: string;
  sections: readonly FormSectionSpec[];
}

export interface FormInfo {
  id: string;
  editUrl: string;
  publishedUrl: string;
  /** The sheet id of the responses sheet in the destination spreadsheet. */
  responsesSheetId: number | null;
  /** Forms made through the API since mid-2026 start unpublished and take no responses. */
  published: boolean;
  acceptingResponses: boolean;
  /** The id of the spreadsheet responses go to; null when none. */
  destinationId: string | null;
}

export interface FormBuilder {
  /** Opens the form by id; null when it is gone (deleted by the user). */
  open(id: string): FormInfo | null;
  /** Creates a form from the spec, sends its responses to the spreadsheet. */
  create(spec: FormSpec, spreadsheetId: string): FormInfo;
  /** Updates titles, help and choices in place, adds missing items; never deletes answers. */
  sync(id: string, spec: FormSpec): void;
  /** Publishes the form so that schools can answer it. */
  publish(id: string): void;
  /** Sets the choices of the list item with this code (the school list). */
  setChoices(id: string, code: string, choices: readonly string[]): void;
  /** Current question title -> field code, read from the items' code markers. */
  titleMap(id: string): Record<string, string>;
  /**
   * A pre-filled link template: the form's pre-fill URL without answers, and the URL
   * parameter of each coded item, found by pre-filling `sample` answers (by field code).
   */
  prefill(id: string, sample: Readonly<Record<string, string>>): PrefillTemplate;
  /** The id of the item with this code marker, if the form has one. */
  itemId(id: string, code: string): number | null;
  /**
   * The respondent's edit link of the response sent at `timestamp`, if Google has it;
   * `schoolItemId` is the school question as kept (else found by its code marker).
   */
  editUrl(id: string, timestamp: Date, schoolId?: string, schoolItemId?: number): string | null;
}

/** Field code -> URL parameter name (`entry.123`), and the link without answers. */
export type { PrefillTemplate } from '../core/prefill';
import type { PrefillTemplate } from '../core/prefill';

export interface DocumentInfo {
  id: string;
  url: string;
}

/**
 * How a long job makes a document exactly once (src/usecases/jobs): `reuse` is the document a
 * killed run already made (rewritten in place, never a second one); `created` is told the new
 * document's id the moment it exists, before anything is written into it.
 */
export interface DocumentOnce {
  reuse?: string | null;
  created?: (id: string) => void;
}

export interface DocumentWriter {
  write(title: string, model: ReportModel, once?: DocumentOnce): DocumentInfo;
}

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  /** Where replies go (the setting «Адрес для ответов школ»); the sender when absent. */
  replyTo?: string;
}

export interface Mailer {
  remainingQuota(): number;
  send(message: MailMessage): void;
}

/** One installable trigger of the current user. */
export interface TriggerInfo {
  id: string;
  handler: string;
  kind: 'clock' | 'formSubmit' | 'other';
}

export interface Triggers {
  /** Creates the form-submit trigger for this handler unless one exists; true when created. */
  ensureFormSubmit(handler: string): boolean;
  /** A daily time trigger for this handler at this hour, unless one exists; true when created. */
  ensureDaily(handler: string, hour: number): boolean;
  /** Deletes every trigger of this handler; how many were deleted. */
  remove(handler: string): number;
  count(handler?: string): number;
  /** The current user's triggers of this script (Google lists only one's own). */
  list(): TriggerInfo[];
  /** Deletes one trigger by id; false when it is gone. */
  removeById(id: string): boolean;
  /** A one-off time trigger that runs the handler once, `afterMs` from now; its id. */
  once(handler: string, afterMs: number): string;
  /** A daily trigger at this hour (no check for an existing one); its id. */
  createDaily(handler: string, hour: number): string;
  /** The form-submit trigger on this spreadsheet (no check); its id. */
  createFormSubmit(handler: string): string;
  /** The change trigger on this spreadsheet (rows, columns, sheets added or removed); its id. */
  createChange(handler: string): string;
}

/** Access codes (domain spec 8a), signed with a secret the script keeps. */
export interface AccessCodes {
  code(schoolId: string, period: string): string;
}

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  /** Every key at once (one read); absent where the store cannot list its keys. */
  all?(): Record<string, string>;
  /** Several keys at once (one write where the store can; else one `set` each). */
  setAll?(entries: Record<string, string>): void;
  /** Forget what was read: the next read sees other executions' writes (a caching store). */
  invalidate?(): void;
}

/** Writes `entries` in one call where the store can, else key by key. */
export function setEach(store: KeyValueStore, entries: Record<string, string>): void {
  if (Object.keys(entries).length === 0) return;
  if (store.setAll) store.setAll(entries);
  else for (const [key, value] of Object.entries(entries)) store.set(key, value);
}

/**
 * A cache shared by the executions of this spreadsheet (Apps Script's document cache): entries
 * may vanish at any time (expiry, at most 6 hours; eviction), so it only ever saves reads of
 * what a durable store holds. Values are at most 100 KB each.
 */
export interface CacheStore {
  /** The entries found among `keys` (one call); missing keys are absent. */
  getAll(keys: readonly string[]): Record<string, string>;
  /** Stores every entry for `seconds` (one call). */
  putAll(entries: Record<string, string>, seconds: number): void;
}

export interface Lock {
  /**
   * Runs `fn` holding the document lock; returns `{ ok: false }` when it was not acquired.
   * `untilEnd`: the lock is kept until the execution ends (Apps Script then commits the writes
   * and releases it): for work that is the last thing an execution does.
   */
  withLock<T>(
    timeoutMs: number,
    fn: () => T,
    untilEnd?: boolean,
  ): { ok: true; value: T } | { ok: false };
}

export interface Clock {
  now(): Date;
  timeZone(): string;
  format(date: Date, pattern: string): string;
}

export interface Ui {
  /** Tells the user something in a dialog (or logs it where there is no UI). */
  alert(title: string, message: string): void;
  toast(message: string): void;
}

/** Everything a use case may touch. */
export interface Ports {
  sheets: SheetStore;
  forms: FormBuilder;
  documents: DocumentWriter;
  mailer: Mailer;
  triggers: Triggers;
  properties: KeyValueStore;
  /** Absent: nothing is cached. */
  cache?: CacheStore;
  lock: Lock;
  /** A second lock, held by a long job's chunk only, so jobs never block form submissions. */
  jobLock: Lock;
  clock: Clock;
  ui: Ui;
  accessCodes: AccessCodes;
}
