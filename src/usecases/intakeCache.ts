/**
 * What a form submission needs, kept in the document cache so that one submission reads no
 * sheet but its own row: the registry and the settings as parsed, the codes the links carry
 * (offline runs), the sheets' order, and the index of the versions «Данные» and «Отклонено»
 * hold (the duplicate and replacement checks).
 *
 * Safety: the cache is never the truth. Its entries live under a version token kept in
 * document properties, read under the submission lock; whatever writes an input sheet of the
 * intake (registry, settings, links, «Данные», «Отклонено») through the add-on takes a new
 * token first (`watchIntakeInputs`), and so does the inspector's edit of those sheets
 * (`onEdit`). Entries of another token are never read; a missing or broken entry (expiry
 * after at most 6 hours, eviction) means the sheets are read, as without a cache. A
 * submission adds its own version to the index under the token it read, before it writes the
 * sheet, so the index never lacks a version the sheets hold.
 *
 * Layout: one text, `JSON(static part)` then one JSON line per index entry, then a trailer
 * with the number of lines; cut into chunks small enough for CacheService's 100 KB a value.
 */
import type { RegistrySchool, Settings } from '../core/types';
import type { CacheStore, KeyValueStore, Ports, SheetStore, Table } from '../ports';
import type { Cell } from '../ports';
import { CODES_FROM_LINKS_KEY, SHEETS } from '../sheets/schema';
import {
  readData,
  readIssuedCodes,
  readRegistry,
  readSettingsSheet,
  rejectedVersions,
  type StoredData,
} from '../sheets/workbook';
import type { FieldDef } from '../core/catalogue';
import { dataKey } from '../core/versions';
import { timeToken } from './token';

/**
 * Document property: the spreadsheet's sheets in order, as the add-on last made or saw them
 * (JSON). A submission finds each sheet it needs at its place with one name check; a sheet not
 * there (the inspector moved tabs) means one look at every name, and the property is rewritten.
 */
export const SHEET_ORDER_KEY = 'sheets.order';
/** Document property: the token the cache entries must carry. */
export const INTAKE_VERSION_KEY = 'intake.version';
/** Cache key of the responses sheet's header (checked against each event's titles). */
export const HEADER_CACHE_KEY = 'intake.header';
/** CacheService's longest life: 6 hours. */
export const CACHE_SECONDS = 21_600;
/**
 * Characters a chunk: a UTF-16 unit is at most 3 bytes of UTF-8, so 32,000 stay under
 * CacheService's 100 KB (102,400 bytes) a value.
 */
export const CHUNK_CHARS = 32_000;
/** Chunks asked for at once (one getAll): 2 MB of text, about 10,000 schools. */
export const MAX_CHUNKS = 64;

/** The sheets whose content decides how a response is judged or where it goes. */
export const INTAKE_INPUT_SHEETS: readonly string[] = [
  SHEETS.registry,
  SHEETS.settings,
  SHEETS.links,
  SHEETS.data,
  SHEETS.rejected,
];

/** One row of «Данные» as the index keeps it. */
export interface IndexedRow {
  sheetRow: number;
  rawRow: number;
  ts: number;
  school: string;
  period: string;
}

/** What the snapshot's first line holds. */
interface StaticPart {
  schools: RegistrySchool[];
  settings: Settings;
  /** `school|period` -> code, when codes are checked against the issued links. */
  codes: Array<[string, string]> | null;
  /** The last row of «Данные» that holds a response (appends go below it). */
  lastDataRow: number;
  /** False when «Данные» holds rows the version rule would change: then no fast path. */
  settled: boolean;
}

export interface IntakeSnapshot extends StaticPart {
  token: string;
  rows: IndexedRow[];
  /** `row|timestamp` of every version «Отклонено» holds. */
  rejected: Set<string>;
  /** The text as stored, to append to. */
  text: string;
}

const chunkKey = (token: string, i: number) => `intake.${token}.${i}`;

/** The token the cache must carry now; '' when none was ever taken. */
export function intakeToken(properties: Pick<KeyValueStore, 'get'>): string {
  return properties.get(INTAKE_VERSION_KEY) ?? '';
}

/** Whatever the cache holds is out of date from now on. */
export function bumpIntakeVersion(ports: Pick<Ports, 'properties' | 'clock'>): string {
  const token = timeToken(ports.clock);
  ports.properties.set(INTAKE_VERSION_KEY, token);
  return token;
}

const indexLine = (r: IndexedRow) =>
  JSON.stringify(['D', r.sheetRow, r.rawRow, r.ts, r.school, r.period]);
const rejectedLine = (version: string) => JSON.stringify(['R', version]);

function textOf(part: StaticPart, rows: readonly IndexedRow[], rejected: Iterable<string>): string {
  const lines = [JSON.stringify(part), ...rows.map(indexLine)];
  for (const v of rejected) lines.push(rejectedLine(v));
  return `${lines.join('\n')}\n#${lines.length}`;
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) out.push(text.slice(i, i + CHUNK_CHARS));
  return out;
}

/** The sheets' order as last remembered, or null. */
export function sheetOrder(properties: Pick<KeyValueStore, 'get'>): string[] | null {
  const text = properties.get(SHEET_ORDER_KEY);
  if (!text) return null;
  try {
    const names = JSON.parse(text) as unknown;
    return Array.isArray(names) ? names.map(String) : null;
  } catch {
    return null;
  }
}

/** Remembers the sheets' order as the store sees it now (one property write). */
export function rememberSheetOrder(ports: Pick<Ports, 'sheets' | 'properties'>): void {
  ports.properties.set(SHEET_ORDER_KEY, JSON.stringify(ports.sheets.sheetNames()));
}

/** The cache keys of the snapshot under `token` (asked for in one getAll with others). */
export function snapshotKeys(token: string): string[] {
  return token ? Array.from({ length: MAX_CHUNKS }, (_, i) => chunkKey(token, i)) : [];
}

/** The snapshot under `token` among `found`, or null when any part is missing or broken. */
export function snapshotFrom(found: Record<string, string>, token: string): IntakeSnapshot | null {
  if (!token) return null;
  let text = '';
  for (const key of snapshotKeys(token)) {
    const part = found[key];
    if (part === undefined) break;
    text += part;
  }
  return parseSnapshot(token, text);
}

function parseSnapshot(token: string, text: string): IntakeSnapshot | null {
  const cut = text.lastIndexOf('\n#');
  if (cut < 0) return null;
  const lines = text.slice(0, cut).split('\n');
  if (String(lines.length) !== text.slice(cut + 2)) return null;
  try {
    const part = JSON.parse(lines[0]) as StaticPart;
    const bySheetRow = new Map<number, IndexedRow>();
    const rejected = new Set<string>();
    for (let i = 1; i < lines.length; i++) {
      const entry = JSON.parse(lines[i]) as unknown[];
      if (entry[0] === 'D') {
        const [, sheetRow, rawRow, ts, school, period] = entry as [
          string,
          number,
          number,
          number,
          string,
          string,
        ];
        // A later line for the same row of «Данные» is what the row holds now.
        bySheetRow.set(sheetRow, { sheetRow, rawRow, ts, school, period });
      } else if (entry[0] === 'R') rejected.add(String(entry[1]));
      else return null;
    }
    const rows = [...bySheetRow.values()];
    const lastDataRow = rows.reduce((m, r) => Math.max(m, r.sheetRow), part.lastDataRow);
    return { token, ...part, lastDataRow, rows, rejected, text };
  } catch {
    return null;
  }
}

/**
 * The snapshot read from the sheets (what a submission reads without a cache), stored under
 * `token`. `catalogue fields` only shape «Данные»'s header; the index needs its lead columns.
 */
export function buildSnapshot(
  ports: Pick<Ports, 'sheets' | 'properties'>,
  token: string,
  fields?: readonly FieldDef[],
  known?: {
    schools: RegistrySchool[];
    settings: Settings;
    codes: Map<string, string> | null;
    /** What «Данные» and «Отклонено» hold now, when the caller knows it (no second read). */
    stored?: StoredData;
    rejected?: Set<string>;
  },
): IntakeSnapshot {
  const { sheets } = ports;
  const settings = known ? known.settings : readSettingsSheet(sheets).settings;
  const schools = known ? known.schools : readRegistry(sheets).schools;
  const issued = known
    ? known.codes
    : ports.properties.get(CODES_FROM_LINKS_KEY)
      ? readIssuedCodes(sheets)
      : null;
  const codes = issued ? [...issued] : null;
  const stored = known?.stored ?? readData(sheets, true, fields);
  const rejected = known?.rejected ?? rejectedVersions(sheets);
  const rows: IndexedRow[] = [];
  let lastDataRow = 1;
  let settled = true;
  const keys = new Set<string>();
  const raws = new Set<number>();
  for (const r of stored.rows) {
    lastDataRow = Math.max(lastDataRow, r.sheetRow);
    if (!r.timestamp) {
      settled = false;
      continue;
    }
    const key = dataKey(r.data);
    if (keys.has(key) || raws.has(r.rawRow)) settled = false;
    keys.add(key);
    raws.add(r.rawRow);
    rows.push({
      sheetRow: r.sheetRow,
      rawRow: r.rawRow,
      ts: r.timestamp.getTime(),
      school: r.data.school_id,
      period: r.data.period,
    });
  }
  const part: StaticPart = { schools, settings, codes, lastDataRow, settled };
  const text = textOf(part, rows, rejected);
  return { token, ...part, rows, rejected, text };
}

/** Stores the snapshot (every chunk: one call), with `extra` entries in the same call. */
export function saveSnapshot(
  cache: CacheStore,
  snapshot: IntakeSnapshot,
  extra: Record<string, string> = {},
): void {
  const parts = chunks(snapshot.text);
  const entries =
    parts.length > MAX_CHUNKS ? [] : parts.map((p, i) => [chunkKey(snapshot.token, i), p]);
  const all = { ...extra, ...Object.fromEntries(entries) };
  if (Object.keys(all).length > 0) cache.putAll(all, CACHE_SECONDS);
}

/**
 * Adds an index entry to the cached snapshot (the chunks that changed, and what `pending`
 * holds, which is emptied: one call). Done before the sheet is written, so that the cache
 * never lacks a version the sheets hold.
 */
export function appendToSnapshot(
  cache: CacheStore,
  snapshot: IntakeSnapshot,
  entry: { row: IndexedRow } | { rejected: string },
  pending: Record<string, string> = {},
): void {
  const cut = snapshot.text.lastIndexOf('\n#');
  const count = Number(snapshot.text.slice(cut + 2));
  let line: string;
  if ('row' in entry) {
    const at = snapshot.rows.findIndex((r) => r.sheetRow === entry.row.sheetRow);
    if (at >= 0) snapshot.rows[at] = entry.row;
    else snapshot.rows.push(entry.row);
    snapshot.lastDataRow = Math.max(snapshot.lastDataRow, entry.row.sheetRow);
    line = indexLine(entry.row);
  } else {
    snapshot.rejected.add(entry.rejected);
    line = rejectedLine(entry.rejected);
  }
  const text = `${snapshot.text.slice(0, cut)}\n${line}\n#${count + 1}`;
  const before = chunks(snapshot.text);
  const after = chunks(text);
  const changed: Record<string, string> = {};
  after.forEach((p, i) => {
    if (before[i] !== p) changed[chunkKey(snapshot.token, i)] = p;
  });
  snapshot.text = text;
  // Past what one read brings back: the chunks are left as they were and the next
  // submission, finding the text incomplete, reads the sheets.
  if (after.length > MAX_CHUNKS) return;
  // Other entries waiting to be put (the responses header) go in the same call.
  cache.putAll({ ...pending, ...changed }, CACHE_SECONDS);
  for (const key of Object.keys(pending)) delete pending[key];
}

/** The header of the responses sheet as last read, if the cache still has it. */
export function cachedHeader(found: Record<string, string>): Cell[] | null {
  const text = found[HEADER_CACHE_KEY];
  if (!text) return null;
  try {
    const header = JSON.parse(text) as unknown;
    return Array.isArray(header) ? (header as Cell[]) : null;
  } catch {
    return null;
  }
}

/**
 * Ports whose writes to an input sheet of the intake take a new token first (once per
 * execution): the one place the add-on's own edits (sync, reconcile, the sidebar, setup)
 * make the cache out of date, whichever use case writes.
 */
export function watchIntakeInputs(ports: Ports): Ports {
  let bumped = false;
  const touch = (sheet: string) => {
    if (bumped || !INTAKE_INPUT_SHEETS.includes(sheet)) return;
    bumped = true;
    bumpIntakeVersion(ports);
  };
  const s = ports.sheets;
  const overrides: Partial<SheetStore> = {
    replace: (sheet: string, rows: Table, layout?: Parameters<SheetStore['replace']>[2]) => {
      touch(sheet);
      s.replace(sheet, rows, layout);
    },
    ensure: (
      sheet: string,
      header: readonly string[],
      layout?: Parameters<SheetStore['ensure']>[2],
    ) => {
      const made = s.ensure(sheet, header, layout);
      if (made) touch(sheet);
      return made;
    },
    append: (sheet: string, rows: Table) => {
      touch(sheet);
      s.append(sheet, rows);
    },
    writeRow: (sheet: string, row: number, values: readonly Cell[]) => {
      touch(sheet);
      s.writeRow(sheet, row, values);
    },
    deleteRow: (sheet: string, row: number) => {
      touch(sheet);
      s.deleteRow(sheet, row);
    },
    deleteSheet: (sheet: string) => {
      touch(sheet);
      s.deleteSheet(sheet);
    },
    renameSheetById: (sheetId: number, name: string) => {
      bumped = false;
      touch(SHEETS.registry);
      return s.renameSheetById(sheetId, name);
    },
  };
  // After a call that deleted, renamed or moved sheets, or created one a submission writes to:
  // their order, remembered for the submissions (which find each sheet with one name check at
  // its place). Other sheets created (recompute's outputs) wait for the next such call, or for
  // recompute's `arrange`; a submission that misses looks once and remembers.
  let recorded = s.structureVersion?.() ?? 0;
  const afterCall = (method: string, sheet: unknown) => {
    const version = s.structureVersion?.() ?? 0;
    if (version === recorded) return;
    if (!ORDER_CALLS.includes(method) && !SUBMISSION_SHEETS.includes(String(sheet))) return;
    recorded = version;
    rememberSheetOrder({ sheets: s, properties: ports.properties });
  };
  const sheets = new Proxy(s, {
    get: (target, prop: keyof SheetStore) => {
      const value = overrides[prop] ?? target[prop];
      if (typeof value !== 'function') return value;
      const call = value as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const out = call.apply(target, args);
        afterCall(String(prop), args[0]);
        return out;
      };
    },
  });
  return { ...ports, sheets, [UNWATCHED]: ports } as Ports;
}

const UNWATCHED = Symbol('unwatched ports');
/** Calls after which the sheets' order is remembered whenever it changed. */
const ORDER_CALLS = ['arrange', 'deleteSheet', 'renameSheetById'];
/** The sheets a submission writes to: their creation is remembered at once. */
const SUBMISSION_SHEETS: readonly string[] = [
  SHEETS.data,
  SHEETS.rejected,
  SHEETS.journal,
  SHEETS.outbox,
];

/** The ports without the watch: the intake's own writes keep the cache up to date instead. */
export function unwatched(ports: Ports): Ports {
  return (ports as Ports & { [UNWATCHED]?: Ports })[UNWATCHED] ?? ports;
}

/**
 * Writes the snapshot as the sheets are now (sync, reconcile), so that the next submissions
 * find it. Call it holding the submission lock: a submission between the reads and the write
 * would be missing from the index.
 */
export function warmIntakeCache(
  ports: Ports,
  fields?: readonly FieldDef[],
  extra: Record<string, string> = {},
): void {
  if (!ports.cache) return;
  const token = intakeToken(ports.properties) || bumpIntakeVersion(ports);
  saveSnapshot(ports.cache, buildSnapshot(ports, token, fields), extra);
}

/** `warmIntakeCache` under the submission lock; skipped when the lock is busy. */
export function warmIntakeCacheLocked(ports: Ports, fields?: readonly FieldDef[]): void {
  ports.lock.withLock(10_000, () => warmIntakeCache(ports, fields));
}
