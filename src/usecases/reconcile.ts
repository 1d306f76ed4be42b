/**
 * «Сверить ответы»: rebuilds «Данные» from «Ответы формы» with the same rules the submit
 * trigger applies — the recovery path after any failure (a lock timeout, a lost trigger, an
 * error), and the proof that ingestion is consistent. «Отклонено» keeps its history (earlier
 * versions of edited responses stay listed); new rejected or held versions are added, and the
 * inspector's decisions on held responses («принять» / «отклонить») are applied.
 */
import { CATALOGUE, type Catalogue } from '../core/catalogue';
import { INTAKE, JOURNAL } from '../core/messages';
import {
  isBlankRow,
  rawResponse,
  rebuild,
  stateOf,
  type JournalEntry,
  type RawResponse,
} from '../core/intake';
import { versionKey } from '../core/versions';
import type { Cell, Ports } from '../ports';
import {
  FORM_ID_KEY,
  headerOf,
  REJECTED_SHEET,
  RESPONSES_SHEET_KEY,
  SHEETS,
} from '../sheets/schema';
import { dataHeader, rememberDataLayout } from '../sheets/product';
import {
  dataEntries,
  dataRowCells,
  readData,
  readRejectedSheet,
  rejectedRowCells,
} from '../sheets/workbook';
import { currentTitleMap, intakeContext } from './ingest';
import { HEADER_CACHE_KEY, warmIntakeCache } from './intakeCache';
import { journal } from './journal';

export interface ReconcileResult {
  accepted: number;
  held: number;
  rejected: number;
}

/**
 * The responses sheet: by the id setup kept, else the sheet the form sends its responses to
 * (Google names it in the spreadsheet's language: «Ответы на форму (1)», "Form Responses 1").
 */
export function responsesSheetName(ports: Pick<Ports, 'sheets' | 'properties'>): string | null {
  const id = ports.properties.get(RESPONSES_SHEET_KEY);
  const byId = id ? ports.sheets.sheetNameById(Number(id)) : null;
  if (byId !== null) return byId;
  const formId = ports.properties.get(FORM_ID_KEY);
  const sheetId = formId ? ports.sheets.responsesSheetId(formId) : null;
  return sheetId === null ? null : ports.sheets.sheetNameById(sheetId);
}

/** Every raw response version in the responses sheet, blank rows left out, and its header. */
export function readRawResponses(
  ports: Pick<Ports, 'sheets' | 'properties' | 'forms'>,
  catalogue: Catalogue = CATALOGUE,
): { raws: RawResponse[]; header: readonly Cell[] } {
  const name = responsesSheetName(ports);
  // Without its responses there is nothing to rebuild from: stop rather than empty «Данные».
  if (name === null) throw new Error(INTAKE.responsesSheetMissing);
  const table = ports.sheets.read(name);
  if (table.length === 0) return { raws: [], header: [] };
  const titleMap = currentTitleMap(ports, table[0], catalogue);
  const header = table[0];
  const raws: RawResponse[] = [];
  for (let i = 1; i < table.length; i++) {
    if (isBlankRow(header, table[i])) continue;
    const raw = rawResponse(i + 1, header, table[i], titleMap, catalogue);
    if (raw) raws.push(raw);
  }
  return { raws, header };
}

export function reconcile(ports: Ports, catalogue: Catalogue = CATALOGUE): ReconcileResult {
  const result = ports.lock.withLock(120_000, () => reconcileLocked(ports, catalogue));
  if (!result.ok) throw new Error(JOURNAL.lockTimeout);
  return result.value;
}

function reconcileLocked(ports: Ports, catalogue: Catalogue): ReconcileResult {
  const { fields } = catalogue;
  const { raws, header } = readRawResponses(ports, catalogue);
  const history = readRejectedSheet(ports.sheets);
  const decisions = new Map(history.map((h) => [versionKey(h.row, h.timestamp), h.decision]));
  const previous = dataEntries(readData(ports.sheets, false, fields));
  // The period a version was accepted or listed under, for responses that did not name one.
  const periods = new Map<string, string>([
    ...history.map((h) => [versionKey(h.row, h.timestamp), h.period] as [string, string]),
    ...previous.map((p) => [versionKey(p.row, p.timestamp), p.data.period] as [string, string]),
  ]);
  const { data, journal: fresh } = rebuild(
    raws,
    intakeContext(ports, catalogue),
    decisions,
    previous,
    periods,
  );
  const acceptedVersions = new Set(data.map((d) => versionKey(d.row, d.timestamp)));

  ports.sheets.replace(SHEETS.data, [
    dataHeader(fields),
    ...data.map((d) => dataRowCells(d.row, d.timestamp, d.data, fields)),
  ]);
  rememberDataLayout(ports, fields);

  const byVersion = new Map<string, JournalEntry>(
    history.map((h) => [versionKey(h.row, h.timestamp), h]),
  );
  for (const entry of fresh) byVersion.set(versionKey(entry.row, entry.timestamp), entry);
  // An accepted version cannot stay listed as held (e.g. the school fixed its access code).
  const merged = [...byVersion.values()].sort(
    (a, b) => a.row - b.row || a.timestamp.getTime() - b.timestamp.getTime(),
  );
  for (const m of merged) {
    if (acceptedVersions.has(versionKey(m.row, m.timestamp)) && m.decision !== 'accept') {
      m.state = 'accepted_on_reconcile';
      continue;
    }
    if (
      m.state === 'held' ||
      m.state === 'accepted_by_inspector' ||
      m.state === 'rejected_by_inspector'
    ) {
      m.state = stateOf('held', m.decision);
    }
  }
  ports.sheets.replace(SHEETS.rejected, [
    headerOf(REJECTED_SHEET),
    ...merged.map(rejectedRowCells),
  ]);

  const counts = {
    accepted: data.length,
    held: fresh.filter((f) => f.state === 'held').length,
    rejected: fresh.filter((f) => f.state !== 'held' && f.state !== 'accepted_by_inspector').length,
  };
  journal(
    ports,
    JOURNAL.reconcile,
    INTAKE.reconcileDone(counts.accepted, counts.held, counts.rejected),
  );
  // The header goes with the snapshot (one put): the next submission need not read it.
  warmIntakeCache(
    ports,
    fields,
    header.length > 0 ? { [HEADER_CACHE_KEY]: JSON.stringify(header) } : {},
  );
  return counts;
}
