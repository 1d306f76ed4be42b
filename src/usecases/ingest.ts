/**
 * onFormSubmit: one raw response row of «Ответы формы» becomes a typed row of «Данные» or a
 * row of «Отклонено» with its reasons. The raw row is never edited. Idempotent: the same
 * response delivered twice (same row, same timestamp) is ingested once; an edited response
 * (same row, later timestamp) replaces its earlier version.
 */
import { FIELDS } from '../core/catalogue';
import { JOURNAL, SHEETS, UI } from '../core/messages';
import { validateResponse } from '../core/validation';
import type { Cell, Ports } from '../ports';
import { journal } from './journal';
import { SCHOOL_FIELD, TITLE_MAP_KEY, schoolIdFromChoice } from './setup';
import { dataRowCells, readData, readRegistry, readSettingsSheet } from './workbook';

/** The submitted row as the adapter read it from the responses sheet. */
export interface Submission {
  /** 1-based row in «Ответы формы». */
  row: number;
  header: readonly Cell[];
  values: readonly Cell[];
}

export type IngestOutcome =
  'accepted' | 'replaced' | 'superseded' | 'rejected' | 'duplicate' | 'blank' | 'lock-timeout';

export const LOCK_TIMEOUT_MS = 30_000;
const TIMESTAMP_TITLES = new Set(['timestamp', 'отметка времени']);

const labelToCode: ReadonlyMap<string, string> = new Map(
  FIELDS.map((f) => [f.label.toLowerCase(), f.code]),
);

export function ingestSubmission(ports: Ports, submission: Submission | null): IngestOutcome {
  if (!submission || isBlank(submission)) {
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

function isBlank(submission: Submission): boolean {
  return submission.values.every((v, i) => v === '' || isTimestampColumn(submission.header[i]));
}

function isTimestampColumn(header: Cell | undefined): boolean {
  return TIMESTAMP_TITLES.has(
    String(header ?? '')
      .trim()
      .toLowerCase(),
  );
}

/** Answers keyed by field code; the header is matched by the form's titles, not positions. */
export function answersByCode(
  submission: Submission,
  titleMap: Readonly<Record<string, string>>,
): { answers: Record<string, unknown>; timestamp: Date | null } {
  const answers: Record<string, unknown> = {};
  let timestamp: Date | null = null;
  submission.header.forEach((h, i) => {
    const title = String(h).trim();
    const value = submission.values[i];
    if (isTimestampColumn(title)) {
      timestamp = value instanceof Date ? value : value ? new Date(String(value)) : null;
      return;
    }
    const code = titleMap[title] ?? labelToCode.get(title.toLowerCase());
    if (code) answers[code] = value instanceof Date ? value.toISOString() : value;
  });
  if (typeof answers[SCHOOL_FIELD] === 'string') {
    answers[SCHOOL_FIELD] = schoolIdFromChoice(answers[SCHOOL_FIELD] as string);
  }
  return { answers, timestamp };
}

function ingestLocked(ports: Ports, submission: Submission): IngestOutcome {
  const { sheets } = ports;
  const titleMap = parseTitleMap(ports.properties.get(TITLE_MAP_KEY));
  const { answers, timestamp: submittedAt } = answersByCode(submission, titleMap);
  const timestamp = submittedAt ?? ports.clock.now();
  const stored = readData(sheets, true);
  const rejected = sheets.readColumns(SHEETS.rejected, 2);

  const sameVersion = (rawRow: number, ts: Cell | Date | null) =>
    rawRow === submission.row && ts instanceof Date && ts.getTime() === timestamp.getTime();
  if (
    stored.rows.some((r) => sameVersion(r.rawRow, r.timestamp)) ||
    rejected.slice(1).some((r) => sameVersion(Number(r[0]), r[1]))
  ) {
    journal(ports, JOURNAL.duplicate, JOURNAL.rowLabel(submission.row));
    return 'duplicate';
  }

  const { settings } = readSettingsSheet(sheets);
  const { schools } = readRegistry(sheets);
  const period = String(answers.period ?? '').trim() || String(settings.period ?? '');
  const validation = validateResponse(answers, schools, { period });
  if (!validation.ok) {
    sheets.append(SHEETS.rejected, [
      [
        submission.row,
        timestamp,
        validation.school_id,
        validation.period,
        validation.errors.join('\n'),
        JOURNAL.stateRejected,
      ],
    ]);
    journal(
      ports,
      JOURNAL.rejected,
      `${JOURNAL.rowLabel(submission.row)}: ${validation.errors.join('; ')}`,
    );
    return 'rejected';
  }

  const data = {
    school_id: validation.school_id,
    period: validation.period,
    values: validation.values,
    response_id: String(submission.row),
    timestamp: timestamp.toISOString(),
  };
  const current = stored.rows.find(
    (r) => r.data.school_id === data.school_id && r.data.period === data.period,
  );
  if (current && current.timestamp && current.timestamp.getTime() > timestamp.getTime()) {
    // A late delivery of an older response: the newer accepted one stays.
    journal(ports, JOURNAL.duplicate, JOURNAL.rowLabel(submission.row));
    return 'superseded';
  }
  const cells = dataRowCells(submission.row, timestamp, data);
  if (current) sheets.writeRow(SHEETS.data, current.sheetRow, cells);
  else sheets.append(SHEETS.data, [cells]);
  journal(
    ports,
    current ? JOURNAL.replaced : JOURNAL.accepted,
    `${data.school_id}, ${data.period}, ${JOURNAL.rowLabel(submission.row)}`,
  );
  ports.ui.toast(UI.toastIngested(data.school_id));
  return current ? 'replaced' : 'accepted';
}

function parseTitleMap(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    return JSON.parse(json) as Record<string, string>;
  } catch {
    return {};
  }
}
