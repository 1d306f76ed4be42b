/**
 * Every input row accounted for (domain spec 9, rev 2), as a property: for any mix of valid,
 * invalid, duplicate, other-period, blank and overlong rows, `rows.read` is the sum of its parts
 * and the number of data rows in the file, and each part is what the rows make it.
 */
import fc from 'fast-check';
import { cli, readSummary } from './helpers';
import {
  PERIOD,
  PREVIOUS,
  RESPONSE_HEADER,
  csvText,
  offlineCase,
  responseCells,
} from './offline-files';

type Kind =
  | 'valid'
  | 'invalid'
  | 'other-period'
  | 'blank'
  | 'overlong-number'
  | 'overlong-comment'
  | 'bad-yes-no'
  | 'short';

const SCHOOLS = 3;

/** What a row should end as, and the school and period it counts for when valid. */
function expected(kind: Kind): 'valid' | 'rejected' | 'blank' {
  if (kind === 'blank') return 'blank';
  if (kind === 'valid' || kind === 'other-period' || kind === 'overlong-comment') return 'valid';
  return 'rejected';
}

function cells(kind: Kind, school: number, n: number): string[] {
  const timestamp = `2025-05-01T${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00Z`;
  const row = (over: Record<string, string> = {}) => responseCells(school, { timestamp, ...over });
  switch (kind) {
    case 'valid':
      return row();
    case 'invalid':
      return row({ students_total: 'много' });
    case 'other-period':
      return row({ period: PREVIOUS });
    case 'blank':
      return RESPONSE_HEADER.map(() => '');
    case 'overlong-number':
      return row({ students_total: '7'.repeat(60_000) });
    case 'overlong-comment':
      return row({ comment: 'ж'.repeat(60_000) });
    case 'bad-yes-no':
      return row({ has_tutoring: '+' });
    case 'short':
      return row().slice(0, 4);
  }
}

const kinds: Kind[] = [
  'valid',
  'invalid',
  'other-period',
  'blank',
  'overlong-number',
  'overlong-comment',
  'bad-yes-no',
  'short',
];

describe('rows accounting', () => {
  it('read = accepted + superseded + rejected + held + blank = the data rows of the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            school: fc.integer({ min: 1, max: SCHOOLS }),
          }),
          { minLength: 0, maxLength: 7 },
        ),
        async (rows) => {
          // One valid row first, so that the run always has a report period.
          const all = [{ kind: 'valid' as Kind, school: 1 }, ...rows];
          const c = offlineCase(
            SCHOOLS,
            csvText([RESPONSE_HEADER, ...all.map((r, n) => cells(r.kind, r.school, n))]),
          );
          const r = await cli(...c.args());
          expect(r.code).toBe(0);
          const s = readSummary(c.out);
          const { read, accepted, superseded, rejected, held, blank } = s.rows;
          expect(read).toBe(all.length);
          expect(accepted + superseded + rejected + held + blank).toBe(read);
          const valid = all.filter((x) => expected(x.kind) === 'valid');
          const keys = new Set(
            valid.map((x) => `${x.school}|${x.kind === 'other-period' ? PREVIOUS : PERIOD}`),
          );
          expect(accepted).toBe(keys.size);
          expect(superseded).toBe(valid.length - keys.size);
          expect(rejected).toBe(all.filter((x) => expected(x.kind) === 'rejected').length);
          expect(blank).toBe(all.filter((x) => x.kind === 'blank').length);
          expect(held).toBe(0);
          expect(s.rejected).toHaveLength(rejected);
          expect(s.rejected.every((e) => e.file === 'responses.csv' && (e.line ?? 0) >= 2)).toBe(
            true,
          );
          expect(r.stdout).toContain(`прочитано ${read} =`);
        },
      ),
      { numRuns: 8 },
    );
  });
});
