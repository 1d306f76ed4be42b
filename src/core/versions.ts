/**
 * Which version of each response «Данные» holds: the one rule for the submit trigger (one new
 * version against what the sheet holds) and for «Сверить ответы» (every version in the
 * responses sheet), so the two agree by construction.
 *
 * - A response (a row of «Ответы формы») counts by its current version: the latest one.
 * - If the current version is accepted, it is the response's candidate, under the school and
 *   period it names now (an edit that changed them moves the response).
 * - If it is not accepted (an edit made it invalid, or it waits for the inspector), the
 *   response keeps the earlier accepted version «Данные» held.
 * - Of the candidates for one school and period, the latest wins; the others are superseded.
 */
import type { DataRow } from './types';

/** An accepted response as «Данные» holds it: its row in «Ответы формы», its version. */
export interface DataEntry {
  row: number;
  timestamp: Date;
  data: DataRow;
}

/** One version of a response as judged: its data when accepted, null otherwise. */
export interface JudgedVersion {
  row: number;
  timestamp: Date;
  data: DataRow | null;
}

/** A response version's place in time: later timestamp wins, then the later row. */
export function isNewer(
  a: { timestamp: Date; row: number },
  b: { timestamp: Date; row: number },
): boolean {
  const ta = a.timestamp.getTime();
  const tb = b.timestamp.getTime();
  return ta !== tb ? ta > tb : a.row > b.row;
}

export const versionKey = (row: number, timestamp: Date): string => `${row}|${timestamp.getTime()}`;

export const dataKey = (data: Pick<DataRow, 'school_id' | 'period'>): string =>
  `${data.school_id}|${data.period}`;

/**
 * «Данные» after these versions, given what it held (`previous`). A response none of the
 * versions speaks for is left out: pass every response's current version (the trigger passes
 * what «Данные» holds plus the new version). Sorted by period, then school.
 */
export function settleData(
  versions: readonly JudgedVersion[],
  previous: readonly DataEntry[],
): DataEntry[] {
  const current = new Map<number, JudgedVersion>();
  for (const v of versions) {
    const seen = current.get(v.row);
    if (!seen || v.timestamp.getTime() > seen.timestamp.getTime()) current.set(v.row, v);
  }
  const candidates: DataEntry[] = [];
  for (const v of current.values()) {
    if (v.data) candidates.push({ row: v.row, timestamp: v.timestamp, data: v.data });
  }
  for (const kept of previous) {
    const now = current.get(kept.row);
    if (now && !now.data && now.timestamp.getTime() > kept.timestamp.getTime())
      candidates.push(kept);
  }
  const latest = new Map<string, DataEntry>();
  for (const c of candidates) {
    const key = dataKey(c.data);
    const held = latest.get(key);
    if (!held || isNewer(c, held)) latest.set(key, c);
  }
  return [...latest.values()].sort((a, b) =>
    a.data.period !== b.data.period
      ? a.data.period.localeCompare(b.data.period)
      : a.data.school_id.localeCompare(b.data.school_id),
  );
}
