/**
 * onFormSubmit: one raw response row of «Ответы формы» becomes a typed row of «Данные», or a
 * row of «Отклонено» (rejected with its reasons, or held for the inspector). The raw row is
 * never edited. Idempotent: the same response delivered twice (same row, same timestamp) is
 * ingested once; an edited response (same row, later timestamp) replaces its earlier version.
 * The rules are intake.ts's, shared with «Сверить ответы».
 */
import { INTAKE, JOURNAL, UI } from '../core/messages';
import { FORM_ID_KEY, RESPONSES_SHEET_KEY, SHEETS, TITLE_MAP_KEY } from '../sheets/schema';
import { settingBool } from '../core/settings';
import type { Cell, Ports } from '../ports';
import { renamedTitles } from './titles';
import {
  isBlankRow,
  isKnownTitle,
  isNewer,
  judge,
  rawResponse,
  versionKey,
  type IntakeContext,
  type RawResponse,
} from '../core/intake';
import { journal } from './journal';
import { sendOrQueue } from './mail';
import { ensureDataLayout, ensureProductSheet } from '../sheets/product';
import {
  dataRowCells,
  readData,
  readRegistry,
  readSettingsSheet,
  rejectedRowCells,
} from '../sheets/workbook';

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

export function ingestSubmission(ports: Ports, submission: Submission | null): IngestOutcome {
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
  const result = ports.lock.withLock(LOCK_TIMEOUT_MS, () => ingestLocked(ports, submission));
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
): Record<string, string> {
  const stored = parseTitleMap(ports.properties.get(TITLE_MAP_KEY));
  const formId = ports.properties.get(FORM_ID_KEY);
  if (!formId || header.every((h) => isKnownTitle(String(h).trim(), stored))) return stored;
  const fresh = renamedTitles(ports.forms.titleMap(formId));
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
  ports: Pick<Ports, 'sheets' | 'accessCodes' | 'clock'>,
): IntakeContext {
  const { settings } = readSettingsSheet(ports.sheets);
  const { schools } = readRegistry(ports.sheets);
  const check = settingBool(settings, 'access_code_check');
  return {
    schools,
    settings,
    expectedCode: check ? (id, period) => ports.accessCodes.code(id, period) : null,
    now: ports.clock.now(),
  };
}

function ingestLocked(ports: Ports, submission: Submission): IngestOutcome {
  const { sheets } = ports;
  const titleMap = currentTitleMap(ports, submission.header);
  const raw = rawResponse(submission.row, submission.header, submission.values, titleMap);
  if (!raw) {
    journal(ports, JOURNAL.blank, JOURNAL.rowLabel(submission.row));
    return 'blank';
  }
  ensureProductSheet(ports, SHEETS.data);
  ensureDataLayout(ports);
  ensureProductSheet(ports, SHEETS.rejected);
  const stored = readData(sheets, true);
  const version = versionKey(raw.row, raw.timestamp);
  const seen = sheets
    .readColumns(SHEETS.rejected, 2)
    .slice(1)
    .some((r) => r[1] instanceof Date && versionKey(Number(r[0]), r[1]) === version);
  if (
    seen ||
    stored.rows.some((r) => r.timestamp && versionKey(r.rawRow, r.timestamp) === version)
  ) {
    journal(ports, JOURNAL.duplicate, JOURNAL.rowLabel(raw.row));
    return 'duplicate';
  }

  const ctx = intakeContext(ports);
  const verdict = judge(raw, ctx);
  if (verdict.kind !== 'accepted') {
    const school = verdict.kind === 'held' ? verdict.data.school_id : verdict.school_id;
    const period = verdict.kind === 'held' ? verdict.data.period : verdict.period;
    sheets.append(SHEETS.rejected, [
      rejectedRowCells({
        row: raw.row,
        timestamp: raw.timestamp,
        school_id: school,
        period,
        reasons: verdict.reasons,
        state: verdict.kind === 'held' ? INTAKE.stateHeld : INTAKE.stateRejected,
        decision: '',
      }),
    ]);
    const what = verdict.kind === 'held' ? JOURNAL.held : JOURNAL.rejected;
    journal(ports, what, `${JOURNAL.rowLabel(raw.row)}: ${verdict.reasons.join('; ')}`);
    if (verdict.kind === 'rejected')
      notifyRespondent(ports, raw, school, period, verdict.reasons, ctx);
    return verdict.kind;
  }

  const data = verdict.data;
  const current = stored.rows.find(
    (r) => r.data.school_id === data.school_id && r.data.period === data.period,
  );
  if (
    current &&
    current.timestamp &&
    !isNewer(raw, { timestamp: current.timestamp, row: current.rawRow })
  ) {
    journal(ports, JOURNAL.superseded, JOURNAL.rowLabel(raw.row));
    return 'superseded';
  }
  const cells = dataRowCells(raw.row, raw.timestamp, data);
  // An edit that changed the school or period takes the response away from its old key.
  const moved = stored.rows.find(
    (r) =>
      r.rawRow === raw.row &&
      (r.data.school_id !== data.school_id || r.data.period !== data.period),
  );
  if (current) sheets.writeRow(SHEETS.data, current.sheetRow, cells);
  else if (moved) sheets.writeRow(SHEETS.data, moved.sheetRow, cells);
  else sheets.append(SHEETS.data, [cells]);
  if (current && moved) sheets.deleteRow(SHEETS.data, moved.sheetRow);
  journal(
    ports,
    current ? JOURNAL.replaced : JOURNAL.accepted,
    `${data.school_id}, ${data.period}, ${JOURNAL.rowLabel(raw.row)}`,
  );
  ports.ui.toast(UI.toastIngested(data.school_id));
  return current ? 'replaced' : 'accepted';
}

/** What to fix, to the respondent's address (or the school's), with the edit link. */
function notifyRespondent(
  ports: Ports,
  raw: RawResponse,
  schoolId: string,
  period: string,
  reasons: readonly string[],
  ctx: IntakeContext,
): void {
  const school = ctx.schools.find((s) => s.school_id === schoolId);
  const given = String(raw.answers.respondent_email ?? '').trim();
  const to = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(given) ? given : (school?.email ?? '');
  if (!to) return;
  const formId = ports.properties.get(FORM_ID_KEY);
  const editUrl = formId ? ports.forms.editUrl(formId, raw.timestamp) : null;
  const name = school?.name ?? schoolId;
  sendOrQueue(ports, {
    key: `rejected|${versionKey(raw.row, raw.timestamp)}`,
    to,
    subject: INTAKE.rejectedSubject(name, period),
    body: INTAKE.rejectedBody(name, period, reasons, editUrl),
  });
}
