/**
 * onFormSubmit: one raw response row of «Ответы формы» becomes a typed row of «Данные», or a
 * row of «Отклонено» (rejected with its reasons, or held for the inspector). The raw row is
 * never edited. Idempotent: the same response delivered twice (same row, same timestamp) is
 * ingested once; an edited response (same row, later timestamp) replaces its earlier version.
 * The rules are intake.ts's, shared with «Сверить ответы».
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
import { dataKey, settleData, versionKey, type DataEntry } from '../core/versions';
import type { Cell, Ports } from '../ports';
import { ensureDataLayout, ensureProductSheet } from '../sheets/product';
import {
  CODES_FROM_LINKS_KEY,
  FORM_ID_KEY,
  RESPONSES_SHEET_KEY,
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
import { journal } from './journal';
import { sendOrQueue } from './mail';
import { renamedTitles } from './titles';

/** The submitted row as the adapter read it from the responses sheet. */
export interface Submission {
  /** 1-based row in «Ответы формы». */
  row: number;
  header: readonly Cell[];
  values: readonly Cell[];
  /** The sheet the row is in: only the monitoring form's responses sheet is ingested. */
  sheetId?: number;
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
  const expected = ports.properties.get(RESPONSES_SHEET_KEY);
  if (
    submission &&
    submission.sheetId !== undefined &&
    expected &&
    Number(expected) !== submission.sheetId
  ) {
    journal(ports, JOURNAL.otherForm, String(submission.sheetId));
    return 'blank';
  }
  if (!submission || isBlankRow(submission.header, submission.values)) {
    journal(ports, JOURNAL.blank, submission ? JOURNAL.rowLabel(submission.row) : '—');
    return 'blank';
  }
  const result = ports.lock.withLock(LOCK_TIMEOUT_MS, () =>
    ingestLocked(ports, submission, catalogue),
  );
  if (!result.ok) {
    journal(ports, JOURNAL.lockTimeout, JOURNAL.rowLabel(submission.row));
    return 'lock-timeout';
  }
  return result.value;
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
  const { settings } = readSettingsSheet(ports.sheets);
  const { schools } = readRegistry(ports.sheets);
  const check = settingBool(settings, 'access_code_check');
  const issued = ports.properties.get(CODES_FROM_LINKS_KEY) ? readIssuedCodes(ports.sheets) : null;
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

function ingestLocked(ports: Ports, submission: Submission, catalogue: Catalogue): IngestOutcome {
  const { sheets } = ports;
  const { fields } = catalogue;
  const titleMap = currentTitleMap(ports, submission.header, catalogue);
  const raw = rawResponse(
    submission.row,
    submission.header,
    submission.values,
    titleMap,
    catalogue,
  );
  if (!raw) {
    journal(ports, JOURNAL.blank, JOURNAL.rowLabel(submission.row));
    return 'blank';
  }
  ensureProductSheet(ports, 'data', fields);
  ensureDataLayout(ports, fields);
  ensureProductSheet(ports, 'rejected');
  const stored = readData(sheets, true, fields);
  const version = versionKey(raw.row, raw.timestamp);
  const seen = rejectedVersions(sheets).has(version);
  if (
    seen ||
    stored.rows.some((r) => r.timestamp && versionKey(r.rawRow, r.timestamp) === version)
  ) {
    journal(ports, JOURNAL.duplicate, JOURNAL.rowLabel(raw.row));
    return 'duplicate';
  }

  const ctx = intakeContext(ports, catalogue);
  const verdict = judge(raw, ctx);
  if (verdict.kind !== 'accepted') {
    const { school_id, period } = verdict.kind === 'held' ? verdict.data : verdict;
    sheets.append(SHEETS.rejected, [
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
    const what = verdict.kind === 'held' ? JOURNAL.held : JOURNAL.rejected;
    journal(ports, what, `${JOURNAL.rowLabel(raw.row)}: ${verdict.reasons.join('; ')}`);
    if (verdict.kind === 'rejected')
      notifyRespondent(ports, raw, school_id, period, verdict.reasons, ctx);
    return verdict.kind;
  }

  // The same rule as «Сверить ответы»: what «Данные» holds, plus this version.
  const previous = dataEntries(stored);
  const incoming = { row: raw.row, timestamp: raw.timestamp, data: verdict.data };
  const next = settleData([...previous, incoming], previous);
  const written = updateDataSheet(ports, stored, next, incoming, fields);
  if (!written) {
    journal(ports, JOURNAL.superseded, JOURNAL.rowLabel(raw.row));
    return 'superseded';
  }
  const data = verdict.data;
  journal(
    ports,
    written === 'replaced' ? JOURNAL.replaced : JOURNAL.accepted,
    `${data.school_id}, ${data.period}, ${JOURNAL.rowLabel(raw.row)}`,
  );
  // No toast: a trigger has nobody watching, and a toast is one more round trip per response.
  return written;
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
): 'accepted' | 'replaced' | null {
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
  for (const e of changed) {
    // Only the incoming version can be new here: every other entry is one «Данные» held.
    if (!isIncoming(e)) continue;
    const cells = dataRowCells(e.row, e.timestamp, e.data, fields);
    const sameKey = freed.findIndex((r) => dataKey(r.data) === dataKey(e.data));
    const slot = sameKey >= 0 ? sameKey : freed.length > 0 ? 0 : -1;
    outcome = sameKey >= 0 ? 'replaced' : 'accepted';
    if (slot < 0) ports.sheets.append(SHEETS.data, [cells]);
    else ports.sheets.writeRow(SHEETS.data, freed.splice(slot, 1)[0].sheetRow, cells);
  }
  for (const r of freed.sort((a, b) => b.sheetRow - a.sheetRow)) {
    ports.sheets.deleteRow(SHEETS.data, r.sheetRow);
  }
  return outcome;
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
  const editUrl = formId ? ports.forms.editUrl(formId, raw.timestamp, answered) : null;
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
