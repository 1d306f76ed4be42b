/**
 * The one rule that decides which version of each response «Данные» holds, for the submit
 * trigger and for «Сверить ответы» alike.
 */
import { settleData, type DataEntry, type JudgedVersion } from '../../src/core/versions';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));
const row = (school_id: string, period = '2025-2026') => ({
  school_id,
  period,
  values: {},
  response_id: '',
  timestamp: '',
});
const accepted = (r: number, minute: number, school: string): JudgedVersion => ({
  row: r,
  timestamp: at(minute),
  data: row(school),
});
const refused = (r: number, minute: number): JudgedVersion => ({
  row: r,
  timestamp: at(minute),
  data: null,
});
const held = (entries: DataEntry[]) => entries.map((e) => [e.row, e.data.school_id]);

describe('settleData', () => {
  it('keeps the latest response of a school and period; an earlier one is superseded', () => {
    const data = settleData([accepted(2, 0, 'A'), accepted(3, 5, 'A'), accepted(4, 1, 'B')], []);
    expect(held(data)).toEqual([
      [3, 'A'],
      [4, 'B'],
    ]);
  });

  it('counts a response by its latest version: an edit that names another school moves it', () => {
    const before = settleData([accepted(2, 0, 'A')], []);
    const after = settleData([...before, accepted(2, 9, 'B')], before);
    expect(held(after)).toEqual([[2, 'B']]);
  });

  it('keeps the accepted version when a later edit is invalid, and drops it when the row is gone', () => {
    const before = settleData([accepted(2, 0, 'A')], []);
    expect(held(settleData([refused(2, 9)], before))).toEqual([[2, 'A']]);
    expect(held(settleData([], before))).toEqual([]);
  });

  it('gives the trigger (what «Данные» holds + one version) what reconcile gives from all', () => {
    const versions = [accepted(2, 0, 'A'), accepted(3, 1, 'B'), accepted(4, 2, 'A')];
    let incremental: DataEntry[] = [];
    for (const v of versions) incremental = settleData([...incremental, v], incremental);
    expect(incremental).toEqual(settleData(versions, []));
    // An edit of row 3 that names A: A's latest response now, B left without one — whether
    // it arrives on its own or among all the versions.
    expect(held(settleData([...incremental, { ...accepted(3, 3, 'A') }], incremental))).toEqual([
      [3, 'A'],
    ]);
    const late = { ...accepted(3, 1, 'A'), timestamp: at(3) };
    const wayOne = settleData([...incremental, late], incremental);
    const wayTwo = settleData([accepted(2, 0, 'A'), late, accepted(4, 2, 'A')], []);
    expect(wayOne).toEqual(wayTwo);
  });
});
