/**
 * «Сверить ответы»: rebuilds «Данные» from «Ответы формы» with the same rules the submit
 * trigger applies — the recovery path after any failure (a lock timeout, a lost trigger, an
 * error), and the proof that ingestion is consistent. «Отклонено» keeps its history (earlier
 * versions of edited responses stay listed); new rejected or held versions are added, and the
 * inspector's decisions on held responses («принять» / «отклонить») are applied.
 */
import { COLUMNS, SHEETS } from '../sheets/schema';
import { INTAKE, JOURNAL } from '../core/messages';
import type { Ports } from '../ports';
import { currentTitleMap, intakeContext } from './ingest';
import {
  rebuild,
  stateOf,
  versionKey,
  type DataEntry,
  type JournalEntry,
  type RawResponse,
} from '../core/intake';
import { isBlankRow, rawResponse } from '../core/intake';
import { journal } from './journal';
import { RESPONSES_SHEET_KEY } from '../sheets/schema';
import { rememberDataLayout } from '../sheets/product';
import {
  dataHeader,
  dataRowCells,
  readData,
  readRejectedSheet,
  rejectedRowCells,
} from '../sheets/workbook';

export interface ReconcileResult {
  accepted: number;
  held: number;
  rejected: number;
}

/** Every raw response version in the responses sheet, blank rows left out. */
export function readRawResponses(
  ports: Pick<Ports, 'sheets' | 'properties' | 'forms'>,
): RawResponse[] {
  const id = ports.properties.get(RESPONSES_SHEET_KEY);
  const name = id ? ports.sheets.sheetNameById(Number(id)) : SHEETS.responses;
  // Without its responses there is nothing to rebuild from: stop rather than empty «Данные».
  if (name === null) throw new Error(INTAKE.responsesSheetMissing);
  const table = ports.sheets.read(name);
  if (table.length === 0) return [];
  const titleMap = currentTitleMap(ports, table[0]);
  const header = table[0];
  const raws: RawResponse[] = [];
  for (let i = 1; i < table.length; i++) {
    if (isBlankRow(header, table[i])) continue;
    const raw = rawResponse(i + 1, header, table[i], titleMap);
    if (raw) raws.push(raw);
  }
  return raws;
}

export function reconcile(ports: Ports): ReconcileResult {
  const result = ports.lock.withLock(120_000, () => reconcileLocked(ports));
  if (!result.ok) throw new Error(JOURNAL.lockTimeout);
  return result.value;
}

function reconcileLocked(ports: Ports): ReconcileResult {
  const raws = readRawResponses(ports);
  const history = readRejectedSheet(ports.sheets);
  const decisions = new Map(history.map((h) => [versionKey(h.row, h.timestamp), h.decision]));
  const previous: DataEntry[] = readData(ports.sheets).rows.flatMap((r) =>
    r.timestamp ? [{ row: r.rawRow, timestamp: r.timestamp, data: r.data }] : [],
  );
  // The period a version was accepted or listed under, for responses that did not name one.
  const periods = new Map<string, string>([
    ...history.map((h) => [versionKey(h.row, h.timestamp), h.period] as [string, string]),
    ...previous.map((p) => [versionKey(p.row, p.timestamp), p.data.period] as [string, string]),
  ]);
  const { data, journal: fresh } = rebuild(
    raws,
    intakeContext(ports),
    decisions,
    previous,
    periods,
  );
  const acceptedVersions = new Set(data.map((d) => versionKey(d.row, d.timestamp)));

  ports.sheets.replace(SHEETS.data, [
    dataHeader(),
    ...data.map((d) => dataRowCells(d.row, d.timestamp, d.data)),
  ]);
  rememberDataLayout(ports);

  const byVersion = new Map<string, JournalEntry>(
    history.map((h) => [versionKey(h.row, h.timestamp), h]),
  );
  for (const entry of fresh) byVersion.set(versionKey(entry.row, entry.timestamp), entry);
  // An accepted version cannot stay listed as held (e.g. the school fixed its access code).
  const merged = [...byVersion.values()].sort(
    (a, b) => a.row - b.row || a.timestamp.getTime() - b.timestamp.getTime(),
  );
  for (const m of merged) {
    if (acceptedVersions.has(versionKey(m.row, m.timestamp)) && m.decision !== 'принять') {
      m.state = INTAKE.stateAcceptedOnReconcile;
      continue;
    }
    if (
      m.state === INTAKE.stateHeld ||
      m.state === INTAKE.stateAcceptedByInspector ||
      m.state === INTAKE.stateRejectedByInspector
    ) {
      m.state = stateOf('held', m.decision);
    }
  }
  ports.sheets.replace(SHEETS.rejected, [
    COLUMNS.rejected.slice(),
    ...merged.map(rejectedRowCells),
  ]);

  const counts = {
    accepted: data.length,
    held: fresh.filter((f) => f.state === INTAKE.stateHeld).length,
    rejected: fresh.filter(
      (f) => f.state !== INTAKE.stateHeld && f.state !== INTAKE.stateAcceptedByInspector,
    ).length,
  };
  journal(
    ports,
    JOURNAL.reconcile,
    INTAKE.reconcileDone(counts.accepted, counts.held, counts.rejected),
  );
  return counts;
}
