/** Submission times: Russian and ISO, local time in the municipality's zone. */
import { parseTimestamp } from '../../cli/timestamp';

const MSK = 'Europe/Moscow';
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('parseTimestamp', () => {
  it('reads Russian-locale times as Moscow time', () => {
    expect(iso(parseTimestamp('15.05.2022 9:05:00', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('15.05.2022 9:05', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('5.5.2022 23:59:59', MSK))).toBe('2022-05-05T20:59:59.000Z');
    expect(iso(parseTimestamp('15.05.2022', MSK))).toBe('2022-05-14T21:00:00.000Z');
  });

  it('follows the zone’s history (Moscow was UTC+4 in summer 2010)', () => {
    expect(iso(parseTimestamp('15.05.2010 12:00:00', MSK))).toBe('2010-05-15T08:00:00.000Z');
  });

  it('reads local times in another zone when settings say so', () => {
    expect(iso(parseTimestamp('15.05.2022 9:05:00', 'Asia/Krasnoyarsk'))).toBe(
      '2022-05-15T02:05:00.000Z',
    );
  });

  it('reads ISO with Z, with an offset, and without a zone (local)', () => {
    expect(iso(parseTimestamp('2022-05-15T06:05:00Z', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('2022-05-15T09:05:00+03:00', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('2022-05-15T13:05:00+0700', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('2022-05-15T09:05:00', MSK))).toBe('2022-05-15T06:05:00.000Z');
    expect(iso(parseTimestamp('2022-05-15 09:05:00.250', MSK))).toBe('2022-05-15T06:05:00.250Z');
  });

  it('refuses what is not a real date and time', () => {
    for (const bad of [
      '31.02.2022 10:00',
      '15.05.2022 25:00',
      '15.13.2022',
      '12 мая',
      '2022-05-15T09:60',
      '',
    ]) {
      expect(parseTimestamp(bad, MSK)).toBeNull();
    }
  });
});
