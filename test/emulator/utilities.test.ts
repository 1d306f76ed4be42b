import { Runtime } from '../../emulator/runtime';
import { createUtilities } from '../../emulator/services/utilities';
import type { EmulatedBlob } from '../../emulator/services/blob';

function setup() {
  const rt = new Runtime();
  return { rt, u: createUtilities(rt) };
}

function hex(bytes: number[]): string {
  return Buffer.from(bytes.map((b) => b & 0xff)).toString('hex');
}

describe('Utilities.formatDate', () => {
  // 21:30 UTC on 1 September is already 00:30 on 2 September in Moscow.
  const lateEvening = new Date('2026-09-01T21:30:05.007Z');

  test('honours the time zone around midnight', () => {
    const { u } = setup();
    expect(u.formatDate(lateEvening, 'Europe/Moscow', 'yyyy-MM-dd HH:mm')).toBe('2026-09-02 00:30');
    expect(u.formatDate(lateEvening, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-09-01 21:30');
    expect(u.formatDate(lateEvening, 'GMT+3', 'dd.MM.yyyy')).toBe('02.09.2026');
  });

  test('supports the common SimpleDateFormat letters and quoted literals', () => {
    const { u } = setup();
    const tz = 'Europe/Moscow';
    expect(u.formatDate(lateEvening, tz, 'd.M.yy')).toBe('2.9.26');
    expect(u.formatDate(lateEvening, tz, 'dd MMM yyyy, EEE')).toBe('02 Sep 2026, Wed');
    expect(u.formatDate(lateEvening, tz, 'MMMM EEEE')).toBe('September Wednesday');
    expect(u.formatDate(lateEvening, tz, "HH:mm:ss.SSS 'at' h a")).toBe('00:30:05.007 at 12 AM');
    expect(u.formatDate(lateEvening, tz, "'It''s' yyyy")).toBe("It's 2026");
    expect(u.formatDate(lateEvening, tz, 'Z XXX X')).toBe('+0300 +03:00 +03');
    expect(u.formatDate(lateEvening, 'UTC', 'XXX')).toBe('Z');
    expect(u.formatDate(lateEvening, tz, "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-09-02T00:30:05+03:00',
    );
  });

  test('an unknown pattern letter is refused', () => {
    const { u } = setup();
    expect(() => u.formatDate(lateEvening, 'UTC', 'yyyy q')).toThrow(
      "Illegal pattern character 'q'",
    );
  });

  test("a non-date argument fails with Google's signature message", () => {
    const { u } = setup();
    expect(() => u.formatDate('2026-09-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      /don't match the method signature for Utilities\.formatDate/,
    );
  });
});

describe('Utilities crypto and encoding', () => {
  test('getUuid returns distinct version-4 UUIDs', () => {
    const { u } = setup();
    const a = u.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(a);
  });

  test('computeHmacSha256Signature returns Java signed bytes (RFC 4231 case 2)', () => {
    const { u } = setup();
    const sig = u.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
    expect(hex(sig)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(sig.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(sig.some((b) => b < 0)).toBe(true);
  });

  test('computeDigest SHA_256 and MD5 match the published values', () => {
    const { u } = setup();
    expect(hex(u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(u.computeDigest(u.DigestAlgorithm.MD5, 'abc'))).toBe(
      '900150983cd24fb0d6963f7d28e17f72',
    );
  });

  test('base64 round-trips strings (UTF-8) and signed byte arrays; web-safe uses - and _', () => {
    const { u } = setup();
    expect(u.base64Encode('Школа')).toBe(Buffer.from('Школа').toString('base64'));
    const bytes = [-5, -1, 0, 127];
    const encoded = u.base64Encode(bytes);
    expect(encoded).toBe('+/8Afw==');
    expect(u.base64EncodeWebSafe(bytes)).toBe('-_8Afw==');
    expect(u.base64Decode(encoded)).toEqual(bytes);
    expect(u.base64DecodeWebSafe('-_8Afw==')).toEqual(bytes);
  });

  test('newBlob keeps data, content type and name', () => {
    const { u } = setup();
    const blob = u.newBlob('id;name\n1;СОШ', 'text/csv', 'registry.csv');
    expect(blob.getDataAsString()).toBe('id;name\n1;СОШ');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.getName()).toBe('registry.csv');
    blob.setName('other.csv');
    expect(blob.getName()).toBe('other.csv');
    expect(u.newBlob([-1, 65]).getBytes()).toEqual([-1, 65]);
  });

  test('a blob made from text answers its bytes and text alike however it changes', () => {
    const { u } = setup();
    const blob = u.newBlob('Яа', 'text/plain');
    expect(blob.getBytes()).toEqual([-48, -81, -48, -80]);
    expect(blob.getDataAsString()).toBe('Яа');
    // Bytes handed out (the emulator's raw view) and changed: the text follows them.
    (blob as unknown as EmulatedBlob).rawBytes()[3] = 0xb1;
    expect(blob.getDataAsString()).toBe('Яб');
    blob.setDataFromString('ok');
    expect(blob.getBytes()).toEqual([111, 107]);
    expect(blob.copyBlob().getDataAsString()).toBe('ok');
    blob.setBytes([0xd0, 0x96]);
    expect(blob.getDataAsString()).toBe('Ж');
    expect(blob.getDataAsString('US-ASCII')).toBe(Buffer.from([0xd0, 0x96]).toString('latin1'));
  });
});

describe('Utilities misc', () => {
  test('sleep moves the virtual clock instead of waiting', () => {
    const { rt, u } = setup();
    const before = rt.clock.nowMs();
    const started = Date.now();
    u.sleep(60_000);
    expect(rt.clock.nowMs() - before).toBe(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('parseCsv handles quotes, doubled quotes and other delimiters', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c","say ""hi"""\n1,2,3')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
    expect(u.parseCsv('x;y', ';')).toEqual([['x', 'y']]);
  });

  test('formatString substitutes like Java String.format', () => {
    const { u } = setup();
    expect(u.formatString('%s: %d школ (%.1f%%)', 'ШНОР', 7, 38.88)).toBe('ШНОР: 7 школ (38.9%)');
  });

  test('each call is counted under Utilities', () => {
    const { rt, u } = setup();
    u.getUuid();
    u.formatDate(new Date(), 'UTC', 'yyyy');
    expect(rt.calls.get('Utilities', 'Utilities.getUuid')).toBe(1);
    expect(rt.calls.get('Utilities', 'Utilities.formatDate')).toBe(1);
  });
});
