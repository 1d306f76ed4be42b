import { instantOfWall, offsetMs, wallAsUtc, wallTime } from '../../emulator/services/timezone';

describe('wall-clock time in a zone', () => {
  test('reads the date, time, weekday and zone name a clock in the zone shows', () => {
    // 21:30 UTC on Tuesday 1 September is already Wednesday 00:30 in Moscow (UTC+3).
    const w = wallTime(new Date('2026-09-01T21:30:05Z'), 'Europe/Moscow');
    expect(w).toEqual({
      year: 2026,
      month: 9,
      day: 2,
      hour: 0,
      minute: 30,
      second: 5,
      weekday: 3,
      zoneName: 'GMT+3',
    });
  });

  test('gives the offset and the wall time read as UTC', () => {
    const at = new Date('2026-01-15T10:00:00.250Z');
    expect(offsetMs(at.getTime(), 'Asia/Krasnoyarsk')).toBe(7 * 3_600_000);
    expect(wallAsUtc(at, 'Asia/Krasnoyarsk').toISOString()).toBe('2026-01-15T17:00:00.250Z');
  });

  test('turns a wall time back into the instant it names', () => {
    const wall = Date.UTC(2026, 8, 1, 9, 0);
    expect(instantOfWall(wall, 'Europe/Moscow').toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(instantOfWall(wall, 'UTC').toISOString()).toBe('2026-09-01T09:00:00.000Z');
  });

  test('moves a wall time skipped by a daylight-saving jump forward by the jump', () => {
    // Berlin jumped from 02:00 CET to 03:00 CEST on 29 March 2026: 02:30 never showed.
    const skipped = instantOfWall(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin');
    expect(skipped.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTime(skipped, 'Europe/Berlin').hour).toBe(3);
  });

  test('takes the later instant of a wall time that showed twice', () => {
    // Berlin went back from 03:00 CEST to 02:00 CET on 25 October 2026: 02:30 showed twice.
    const twice = instantOfWall(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin');
    expect(twice.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});

describe('wall-clock time from the offset of its day', () => {
  const intl = (date: Date, timeZone: string) => {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    const p: Record<string, string> = {};
    for (const x of f.formatToParts(date)) p[x.type] = x.value;
    return [+p.year, +p.month, +p.day, +p.hour % 24, +p.minute, +p.second, p.timeZoneName];
  };
  const ours = (date: Date, timeZone: string) => {
    const w = wallTime(date, timeZone);
    return [w.year, w.month, w.day, w.hour, w.minute, w.second, w.zoneName];
  };

  test('agrees with Intl on transition days, at their edges and on ordinary days', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Europe/Moscow'];
    const instants = [
      // New York, London: spring forward and fall back 2026; Lord Howe: 30-minute shift.
      '2026-03-08T06:59:59Z',
      '2026-03-08T07:00:00Z',
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2026-11-01T05:59:59Z',
      '2026-11-01T06:00:00Z',
      '2026-04-04T14:59:59Z',
      '2026-04-04T15:00:00Z',
      // Moscow left DST in 2011 and came back to UTC+3 in 2014.
      '2014-10-25T21:59:59Z',
      '2014-10-25T22:00:00Z',
      '2026-09-01T21:30:05Z',
      '2026-12-31T23:59:59Z',
      '1970-01-01T00:00:00Z',
    ];
    for (const zone of zones) {
      for (const iso of instants) {
        const d = new Date(iso);
        expect([zone, iso, ...ours(d, zone)]).toEqual([zone, iso, ...intl(d, zone)]);
      }
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000 * 7 + 61_001) {
        const d = new Date(ms);
        expect([zone, ms, ...ours(d, zone)]).toEqual([zone, ms, ...intl(d, zone)]);
      }
    }
  });
});
