/**
 * Every response row accounted for (domain spec 9, rev 2): each row of «Ответы формы» ends as
 * accepted (its version is in «Данные»), superseded (valid, but a later response of the same
 * school and period replaced it), rejected, held for the inspector, or blank.
 */
export type RowOutcome = 'accepted' | 'superseded' | 'rejected' | 'held' | 'blank';

export interface RowsAccount {
  read: number;
  accepted: number;
  superseded: number;
  rejected: number;
  held: number;
  blank: number;
}

export interface JournalState {
  row: number;
  timestamp: Date;
  /** What the latest judgement of the row said. */
  outcome: 'rejected' | 'held' | 'accepted';
}

/** The outcome of each raw row (by its row number in «Ответы формы»). */
export function rowOutcomes(
  rows: ReadonlyArray<{ row: number; blank: boolean }>,
  inData: ReadonlySet<number>,
  journal: readonly JournalState[],
): Map<number, RowOutcome> {
  const latest = new Map<number, JournalState>();
  for (const j of journal) {
    const seen = latest.get(j.row);
    if (!seen || j.timestamp.getTime() >= seen.timestamp.getTime()) latest.set(j.row, j);
  }
  const out = new Map<number, RowOutcome>();
  for (const { row, blank } of rows) {
    const judged = latest.get(row)?.outcome;
    if (blank) out.set(row, 'blank');
    else if (inData.has(row)) out.set(row, 'accepted');
    else if (judged === 'rejected' || judged === 'held') out.set(row, judged);
    else out.set(row, 'superseded');
  }
  return out;
}

/** The counts, with `read` the sum of the others. */
export function countRows(outcomes: Iterable<RowOutcome>): RowsAccount {
  const account: RowsAccount = {
    read: 0,
    accepted: 0,
    superseded: 0,
    rejected: 0,
    held: 0,
    blank: 0,
  };
  for (const o of outcomes) {
    account[o] += 1;
    account.read += 1;
  }
  return account;
}
