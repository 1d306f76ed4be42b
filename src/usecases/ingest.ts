/**
 * onFormSubmit: one raw response row of «Ответы формы» becomes a typed row of «Данные», or a
 * row of «Отклонено» (rejected with its reasons, or held for the inspector). The raw row is
 * never edited. Idempotent: the same response delivered twice (same row, same timestamp) is
 * ingested once; an edited response (same row, later timestamp) replaces its earlier version.
 * The rules are intake.ts's, shared with «Сверить ответы».
 *
 * «Журнал» is the log of runs, reminders and errors (domain spec, outputs): the four ordinary
 * outcomes write no line there, since each already shows where the inspector looks for it — an
 * accepted or replacing version is its row of «Данные» (with the time received and its raw
 * row), a rejected or held one its row of «Отклонено» with the reasons, a duplicate delivery
 * changes nothing, and «Ответы формы» keeps every version. What is unusual still gets its line:
 * a blank event, another form's sheet, a lock timeout, an older version arriving late.
 */
import { CATALOGUE, type Catalogue, type FieldDef } from '../core/catalogue';
import {
  isBlankRow,
  isKnownTitle,
  judge,
  noticeAddresses,
  rawResponse,
  stateOf,
  type IntakeContext,
  type RawResponse,
} from '../core/intake';
import { INTAKE, JOURNAL } from '../core/messages';
import { settingBool } from '../core/settings';
import { dataKey, isNewer, settleData, versionKey, type DataEntry } from '../core/versions';
import type { RegistrySchool, Settings } from '../core/types';
import type { CacheStore, Cell, KeyValueStore, Ports } from '../ports';
import { dataHeader, ensureDataLayout, ensureProductSheet } from '../sheets/product';
import {
  CODES_FROM_LINKS_KEY,
  DATA_LAYOUT_KEY,
  FORM_ID_KEY,
  RESPONSES_SHEET_KEY,
  SCHOOL_ITEM_KEY,
  SHEETS,
  TITLE_MAP_KEY,
} from '../sheets/schema';
import {
  dataEntries,
  dataRowCells,
  readData,
  readRegistry,
  readIssuedCodes,
  rejectedVersions,
  readSettingsSheet,
  rejectedRowCells,
  type StoredData,
} from '../sheets/workbook';
import {
  appendToSnapshot,
  buildSnapshot,
  bumpIntakeVersion,
  CACHE_SECONDS,
  cachedHeader,
  HEADER_CACHE_KEY,
  intakeToken,
  rememberSheetOrder,
  sheetOrder,
  saveSnapshot,
  snapshotFrom,
  snapshotKeys,
  unwatched,
  type IntakeSnapshot,
} from './intakeCache';
import { journal } from './journal';
import { sendOrQueue } from './mail';
import { renamedTitles } from './titles';

/** The submitted row as the adapter read it from the responses sheet. */
export interface Submission {
  /** 1-based row in «Ответы формы». */
  row: number;
  /** The header row, when the adapter read it. */
  header?: readonly Cell[];
  /** Reads the header row (one read): when no header was stored or it no longer matches. */
  readHeader?: () => readonly Cell[];
  values: readonly Cell[];
  /** The sheet the row is in: only the monitoring form's responses sheet is ingested. */
  sheetId?: number;
  /** The event's titles with the answers as shown (`e.namedValues`, `e.values`). */
  named?: Readonly<Record<string, readonly string[]>>;
  shown?: readonly string[];
}

export type IngestOutcome =
  | 'accepted'
  | 'replaced'
  | 'superseded'
  | 'rejected'
  | 'held'
  | 'duplicate'
  | 'blank'
  | 'lock-timeout';

/** How long a submission waits for another one to finish before giving up to reconcile. */
export const LOCK_TIMEOUT_MS = 30_000;

export function ingestSubmission(
  ports: Ports,
  submission: Submission | null,
  catalogue: Catalogue = CATALOGUE,
): IngestOutcome {
  if (!submission) {
    journal(ports, JOURNAL.blank, '—');
    return 'blank';
  }
  // Held to the end of the execution: Apps Script commits the writes before it lets the next
  // submission in (and the release is one call fewer).
  const own = unwatched(ports);
  const result = own.lock.withLock(
    LOCK_TIMEOUT_MS,
    () => ingestLocked(own, submission, catalogue),
    true,
  );
  if (!result.ok) {
    journal(ports, JOURNAL.lockTimeout, JOURNAL.rowLabel(submission.row));
    return 'lock-timeout';
  }
  return result.value;
}

/** The document properties read once (one call); writes go through. */
function propertiesOnce(store: KeyValueStore): KeyValueStore {
  if (!store.all) return store;
  const values = store.all();
  return {
    get: (key) => values[key] ?? null,
    set: (key, value) => {
      store.set(key, value);
      values[key] = value;
    },
    all: () => ({ ...values }),
  };
}

/**
 * The header of the submitted row: as the adapter read it, or as stored when every title of
 * the event names the answer shown in that column, or else read from the sheet.
 */
function headerOf(
  submission: Submission,
  stored: readonly Cell[] | null,
): { header: readonly Cell[]; fresh: boolean } {
  if (submission.header) return { header: submission.header, fresh: false };
  const { named, shown } = submission;
  const matches =
    stored !== null &&
    named !== undefined &&
    shown !== undefined &&
    stored.length === shown.length &&
    new Set(stored.map(String)).size === Object.keys(named).length &&
    stored.every((title, i) => named[String(title)]?.includes(shown[i]) === true);
  if (matches) return { header: stored, fresh: false };
  return { header: submission.readHeader ? submission.readHeader() : [], fresh: true };
}

/**
 * Question title -> field code. When the responses sheet has a title the stored map does not
 * know (the inspector renamed a question), the map is read again from the form's items.
 */
export function currentTitleMap(
  ports: Pick<Ports, 'properties' | 'forms'>,
  header: readonly Cell[],
  catalogue: Catalogue = CATALOGUE,
): Record<string, string> {
  const stored = parseTitleMap(ports.properties.get(TITLE_MAP_KEY));
  const formId = ports.properties.get(FORM_ID_KEY);
  if (!formId || header.every((h) => isKnownTitle(String(h).trim(), stored, catalogue)))
    return stored;
  const fresh = renamedTitles(ports.forms.titleMap(formId), catalogue);
  ports.properties.set(TITLE_MAP_KEY, JSON.stringify(fresh));
  return fresh;
}

export function parseTitleMap(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    return JSON.parse(json) as Record<string, string>;
  } catch {
    return {};
  }
}

/** What judging needs: the registry, the settings, and the access codes when checked. */
export function intakeContext(
  ports: Pick<Ports, 'sheets' | 'accessCodes' | 'clock' | 'properties'>,
  catalogue: Catalogue = CATALOGUE,
): IntakeContext {
  return intakeContextWithCodes(ports, catalogue).ctx;
}

function intakeContextWithCodes(
  ports: Pick<Ports, 'sheets' | 'accessCodes' | 'clock' | 'properties'>,
  catalogue: Catalogue,
): { ctx: IntakeContext; issued: Map<string, string> | null } {
  const { settings } = readSettingsSheet(ports.sheets);
  const { schools } = readRegistry(ports.sheets);
  const issued = ports.properties.get(CODES_FROM_LINKS_KEY) ? readIssuedCodes(ports.sheets) : null;
  return { ctx: contextOf(ports, schools, settings, issued, catalogue), issued };
}

/** The context from a registry, settings and (offline) the issued codes. */
function contextOf(
  ports: Pick<Ports, 'accessCodes' | 'clock'>,
  schools: readonly RegistrySchool[],
  settings: Settings,
  issued: Map<string, string> | null,
  catalogue: Catalogue,
): IntakeContext {
  const check = settingBool(settings, 'access_code_check');
  const expectedCode = issued
    ? (id: string, period: string) => issued.get(`${id}|${period}`) ?? ''
    : (id: string, period: string) => ports.accessCodes.code(id, period);
  return {
    schools,
    settings,
    expectedCode: check ? expectedCode : null,
    now: ports.clock.now(),
    catalogue,
  };
}

function ingestLocked(own: Ports, submission: Submission, catalogue: Catalogue): IngestOutcome {
  const ports: Ports = { ...own, properties: propertiesOnce(own.properties) };
  const expected = ports.properties.get(RESPONSES_SHEET_KEY);
  if (submission.sheetId !== undefined && expected && Number(expected) !== submission.sheetId) {
    journal(ports, JOURNAL.otherForm, String(submission.sheetId));
    return 'blank';
  }
  const { cache } = ports;
  const order = sheetOrder(ports.properties);
  if (order) ports.sheets.expectOrder?.(order);
  const token = intakeToken(ports.properties);
  const found = cache ? cache.getAll([HEADER_CACHE_KEY, ...snapshotKeys(token)]) : {};
  const { header, fresh } = headerOf(submission, cachedHeader(found));
  // A header read from the sheet goes to the cache with the snapshot (one put), or alone.
  const headerEntry: Record<string, string> =
    fresh && header.length > 0 ? { [HEADER_CACHE_KEY]: JSON.stringify(header) } : {};
  const putHeader = () => {
    if (cache && Object.keys(headerEntry).length > 0) cache.putAll(headerEntry, CACHE_SECONDS);
  };
  if (isBlankRow(header, submission.values)) {
    putHeader();
    journal(ports, JOURNAL.blank, JOURNAL.rowLabel(submission.row));
    return 'blank';
  }
  const titleMap = currentTitleMap(ports, header, catalogue);
  const raw = rawResponse(submission.row, header, submission.values, titleMap, catalogue);
  if (!raw) {
    putHeader();
    journal(ports, JOURNAL.blank, JOURNAL.rowLabel(submission.row));
    return 'blank';
  }
  const snapshot = cache ? snapshotFrom(found, token) : null;
  const laidOut =
    ports.properties.get(DATA_LAYOUT_KEY) === dataHeader(catalogue.fields).join('\u0001');
  const cached =
    cache && snapshot && snapshot.settled && laidOut
      ? ingestCached(ports, cache, snapshot, raw, catalogue, headerEntry)
      : null;
  if (cached) putHeader();
  const outcome = cached ?? ingestFromSheets(ports, raw, catalogue, token, headerEntry);
  keepOrder(ports, order !== null);
  return outcome;
}

/**
 * The usual cases from the cached snapshot: a duplicate, a rejected or held response, a new
 * school and period, a later version of what «Данные» holds (its row checked first). Null for
 * anything else (an older version, a response that moved to another school or period, a row
 * of «Данные» not where the index says): the sheets decide those.
 */
function ingestCached(
  ports: Ports,
  cache: CacheStore,
  snapshot: IntakeSnapshot,
  raw: RawResponse,
  catalogue: Catalogue,
  pending: Record<string, string>,
): IngestOutcome | null {
  const { sheets } = ports;
  const { fields } = catalogue;
  const version = versionKey(raw.row, raw.timestamp);
  const ts = raw.timestamp.getTime();
  const mine = snapshot.rows.find((r) => r.rawRow === raw.row);
  if (snapshot.rejected.has(version) || mine?.ts === ts) return 'duplicate';
  const issued = snapshot.codes ? new Map(snapshot.codes) : null;
  const ctx = contextOf(ports, snapshot.schools, snapshot.settings, issued, catalogue);
  const verdict = judge(raw, ctx);
  if (verdict.kind !== 'accepted') {
    if (!sheets.has?.(SHEETS.rejected)) return null;
    writeAfterIndex(
      ports,
      () => appendToSnapshot(cache, snapshot, { rejected: version }, pending),
      () => appendRejected(ports, raw, verdict),
    );
    return afterRejected(ports, raw, verdict, ctx);
  }
  const data = verdict.data;
  const key = dataKey(data);
  if (mine && (mine.ts > ts || `${mine.school}|${mine.period}` !== key)) return null;
  const held = snapshot.rows.find((r) => r.school === data.school_id && r.period === data.period);
  if (held && !isNewer(raw, { timestamp: new Date(held.ts), row: held.rawRow })) {
    journalKnown(ports, JOURNAL.superseded, JOURNAL.rowLabel(raw.row));
    return 'superseded';
  }
  if (!sheets.has?.(SHEETS.data)) return null;
  const cells = dataRowCells(raw.row, raw.timestamp, data, fields);
  const entry = (sheetRow: number) => ({
    row: { sheetRow, rawRow: raw.row, ts, school: data.school_id, period: data.period },
  });
  if (held) {
    // The row the index names must still hold that version: the inspector may have sorted.
    // The whole row: the same range is then overwritten (one call fewer).
    const lead = sheets.readRow?.(SHEETS.data, held.sheetRow, cells.length) ?? [];
    const [school, period, rawRow, received] = lead;
    const same =
      String(school ?? '').trim() === held.school &&
      String(period ?? '').trim() === held.period &&
      Number(rawRow) === held.rawRow &&
      received instanceof Date &&
      received.getTime() === held.ts;
    if (!same) return null;
    writeAfterIndex(
      ports,
      () => appendToSnapshot(cache, snapshot, entry(held.sheetRow), pending),
      () => sheets.writeRow(SHEETS.data, held.sheetRow, cells),
    );
  } else {
    writeAfterIndex(
      ports,
      () => appendToSnapshot(cache, snapshot, entry(snapshot.lastDataRow + 1), pending),
      () => sheets.append(SHEETS.data, [cells]),
    );
  }
  return held ? 'replaced' : 'accepted';
}

/**
 * The index first, then the sheet: if the sheet write fails, the cache is made out of date
 * (a new token), so it never claims what the sheets do not hold for long, nor lacks what
 * they hold.
 */
function writeAfterIndex(ports: Ports, index: () => void, write: () => void): void {
  index();
  try {
    write();
  } catch (error) {
    bumpIntakeVersion(ports);
    throw error;
  }
}

/**
 * When a sheet was not where the remembered order said (the inspector moved tabs), or this
 * submission added one, or no order was remembered: the order as it is now, for the next ones.
 */
function keepOrder(ports: Ports, known: boolean): void {
  const { sheets } = ports;
  if (known && sheets.orderHolds?.() !== false && (sheets.structureVersion?.() ?? 0) === 0) return;
  rememberSheetOrder(ports);
}

/** A journal line when the journal is where the snapshot saw it (no emptiness check). */
function journalKnown(ports: Ports, event: string, details: string): void {
  if (ports.sheets.has?.(SHEETS.journal))
    ports.sheets.append(SHEETS.journal, [[ports.clock.now(), event, details]]);
  else journal(ports, event, details);
}

function appendRejected(
  ports: Pick<Ports, 'sheets'>,
  raw: RawResponse,
  verdict: Exclude<ReturnType<typeof judge>, { kind: 'accepted' }>,
): void {
  const { school_id, period } = verdict.kind === 'held' ? verdict.data : verdict;
  ports.sheets.append(SHEETS.rejected, [
    rejectedRowCells({
      row: raw.row,
      timestamp: raw.timestamp,
      school_id,
      period,
      reasons: verdict.reasons,
      state: stateOf(verdict.kind, ''),
      decision: '',
    }),
  ]);
}

/** After its row of «Отклонено» (the reasons are there): the school's e-mail, if rejected. */
function afterRejected(
  ports: Ports,
  raw: RawResponse,
  verdict: Exclude<ReturnType<typeof judge>, { kind: 'accepted' }>,
  ctx: IntakeContext,
): 'rejected' | 'held' {
  const { school_id, period } = verdict.kind === 'held' ? verdict.data : verdict;
  if (verdict.kind === 'rejected')
    notifyRespondent(ports, raw, school_id, period, verdict.reasons, ctx);
  return verdict.kind;
}

/** Without the cache (or where it does not decide): what «Данные» and «Отклонено» hold. */
function ingestFromSheets(
  ports: Ports,
  raw: RawResponse,
  catalogue: Catalogue,
  token: string,
  extra: Record<string, string>,
): IngestOutcome {
  const { sheets } = ports;
  const { fields } = catalogue;
  ensureDataLayout(ports, fields);
  // Each sheet read once; a sheet is made (or its header written) only before a write to it.
  const stored = readData(sheets, true, fields);
  const version = versionKey(raw.row, raw.timestamp);
  const rejected = rejectedVersions(sheets);
  if (
    rejected.has(version) ||
    stored.rows.some((r) => r.timestamp && versionKey(r.rawRow, r.timestamp) === version)
  ) {
    rememberSnapshot(ports, token, fields, null, extra);
    return 'duplicate';
  }

  const { ctx, issued } = intakeContextWithCodes(ports, catalogue);
  const verdict = judge(raw, ctx);
  const known = { schools: [...ctx.schools], settings: ctx.settings, codes: issued };
  if (verdict.kind !== 'accepted') {
    if (rejected.size === 0) ensureProductSheet(ports, 'rejected');
    appendRejected(ports, raw, verdict);
    const outcome = afterRejected(ports, raw, verdict, ctx);
    rejected.add(version);
    rememberSnapshot(ports, token, fields, { ...known, stored, rejected }, extra);
    return outcome;
  }

  // The same rule as «Сверить ответы»: what «Данные» holds, plus this version.
  if (stored.rows.length === 0) ensureProductSheet(ports, 'data', fields);
  const previous = dataEntries(stored);
  const incoming = { row: raw.row, timestamp: raw.timestamp, data: verdict.data };
  const next = settleData([...previous, incoming], previous);
  const written = updateDataSheet(ports, stored, next, incoming, fields);
  // What «Данные» holds now, without reading it again (unless rows were deleted: read).
  const now = written.deleted ? undefined : placed(stored, written.sheetRow, incoming);
  rememberSnapshot(ports, token, fields, { ...known, stored: now, rejected }, extra);
  if (!written.outcome) {
    journalKnown(ports, JOURNAL.superseded, JOURNAL.rowLabel(raw.row));
    return 'superseded';
  }
  // No toast: a trigger has nobody watching, and a toast is one more round trip per response.
  return written.outcome;
}

/** «Данные» as read, with the incoming version at `sheetRow` (null: it went nowhere). */
function placed(stored: StoredData, sheetRow: number | null, incoming: DataEntry): StoredData {
  if (sheetRow === null) return stored;
  const row = {
    sheetRow,
    rawRow: incoming.row,
    timestamp: incoming.timestamp,
    data: incoming.data,
  };
  return { rows: [...stored.rows.filter((r) => r.sheetRow !== sheetRow), row] };
}

/**
 * After the sheets decided: the snapshot as they are now, for the next submissions, under the
 * token read at the start (a token taken since by an edit leaves it unread).
 */
function rememberSnapshot(
  ports: Ports,
  token: string,
  fields: readonly FieldDef[],
  known: Parameters<typeof buildSnapshot>[3] | null,
  extra: Record<string, string>,
): void {
  if (!ports.cache) return;
  const use = token || bumpIntakeVersion(ports);
  saveSnapshot(ports.cache, buildSnapshot(ports, use, fields, known ?? undefined), extra);
}

/**
 * Brings «Данные» from `stored` to `next` with the fewest writes: the incoming version over
 * the row of its school and period (or a row freed by a response that moved), rows that left
 * «Данные» deleted. Returns how the incoming version went in, or null when it did not.
 */
function updateDataSheet(
  ports: Pick<Ports, 'sheets'>,
  stored: StoredData,
  next: readonly DataEntry[],
  incoming: DataEntry,
  fields: readonly FieldDef[],
): { outcome: 'accepted' | 'replaced' | null; sheetRow: number | null; deleted: boolean } {
  const sameVersion = (r: StoredData['rows'][number], e: DataEntry) =>
    r.timestamp !== null &&
    r.rawRow === e.row &&
    r.timestamp.getTime() === e.timestamp.getTime() &&
    dataKey(r.data) === dataKey(e.data);
  const kept = new Set<number>();
  const changed: DataEntry[] = [];
  for (const e of next) {
    const row = stored.rows.find((r) => sameVersion(r, e));
    if (row) kept.add(row.sheetRow);
    else changed.push(e);
  }
  // Rows without a readable timestamp are not the rule's to judge: they stay as they are.
  const freed = stored.rows.filter((r) => r.timestamp !== null && !kept.has(r.sheetRow));
  const isIncoming = (e: DataEntry) => e.row === incoming.row && e.timestamp === incoming.timestamp;
  let outcome: 'accepted' | 'replaced' | null = null;
  let sheetRow: number | null = null;
  for (const e of changed) {
    // Only the incoming version can be new here: every other entry is one «Данные» held.
    if (!isIncoming(e)) continue;
    const cells = dataRowCells(e.row, e.timestamp, e.data, fields);
    const sameKey = freed.findIndex((r) => dataKey(r.data) === dataKey(e.data));
    const slot = sameKey >= 0 ? sameKey : freed.length > 0 ? 0 : -1;
    outcome = sameKey >= 0 ? 'replaced' : 'accepted';
    if (slot < 0) {
      ports.sheets.append(SHEETS.data, [cells]);
      sheetRow = stored.rows.reduce((m, r) => Math.max(m, r.sheetRow), 1) + 1;
    } else {
      sheetRow = freed.splice(slot, 1)[0].sheetRow;
      ports.sheets.writeRow(SHEETS.data, sheetRow, cells);
    }
  }
  for (const r of freed.sort((a, b) => b.sheetRow - a.sheetRow)) {
    ports.sheets.deleteRow(SHEETS.data, r.sheetRow);
  }
  return { outcome, sheetRow, deleted: freed.length > 0 };
}

/**
 * What to fix, with the edit link: to the school's registry address, and to the respondent's
 * only when the response proved it came from the school (noticeAddresses). The subject names
 * the school as the registry does and a period only when it is one: no respondent text.
 */
function notifyRespondent(
  ports: Ports,
  raw: RawResponse,
  schoolId: string,
  period: string,
  reasons: readonly string[],
  ctx: IntakeContext,
): void {
  const school = ctx.schools.find((s) => s.school_id === schoolId);
  const addresses = noticeAddresses(raw, ctx, schoolId, period);
  if (!school || addresses.length === 0) return;
  const formId = ports.properties.get(FORM_ID_KEY);
  const answered = String(raw.answers.school_id ?? '').trim();
  const itemId = Number(ports.properties.get(SCHOOL_ITEM_KEY) ?? '');
  const editUrl = formId
    ? ports.forms.editUrl(
        formId,
        raw.timestamp,
        answered,
        Number.isInteger(itemId) && itemId > 0 ? itemId : undefined,
      )
    : null;
  const shownPeriod = /^\d{4}-\d{4}$/.test(period) ? period : '';
  addresses.forEach((to, i) =>
    sendOrQueue(ports, {
      key: `rejected|${versionKey(raw.row, raw.timestamp)}${i === 0 ? '' : `|${i}`}`,
      to,
      subject: INTAKE.rejectedSubject(school.name, shownPeriod),
      body: INTAKE.rejectedBody(school.name, shownPeriod, reasons, editUrl),
    }),
  );
}
