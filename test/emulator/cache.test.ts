import { Runtime } from '../../emulator/runtime';
import { createCacheService } from '../../emulator/services/cache';

function setup() {
  const rt = new Runtime();
  return { rt, service: createCacheService(rt) };
}

describe('CacheService', () => {
  test('put then get; a missing key reads null', () => {
    const { service } = setup();
    service.getScriptCache().put('summary', '{"n":18}');
    expect(service.getScriptCache().get('summary')).toBe('{"n":18}');
    expect(service.getScriptCache().get('other')).toBeNull();
    expect(service.getUserCache().get('summary')).toBeNull();
  });

  test('entries expire by the virtual clock, 600 s by default', () => {
    const { rt, service } = setup();
    const cache = service.getScriptCache();
    cache.put('a', '1');
    rt.clock.advance(599_000);
    expect(cache.get('a')).toBe('1');
    rt.clock.advance(2_000);
    expect(cache.get('a')).toBeNull();
  });

  test('an explicit TTL is honoured and capped at 6 hours', () => {
    const { rt, service } = setup();
    const cache = service.getDocumentCache();
    cache.put('short', '1', 5);
    cache.put('long', '2', 100_000);
    rt.clock.advance(6_000);
    expect(cache.get('short')).toBeNull();
    rt.clock.advance(21_600_000 - 7_000);
    expect(cache.get('long')).toBe('2');
    rt.clock.advance(2_000);
    expect(cache.get('long')).toBeNull();
  });

  test('getAll returns only present keys; putAll, remove and removeAll work', () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  test('values over 100 KB and keys over 250 characters are refused', () => {
    const { service } = setup();
    const cache = service.getScriptCache();
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.putAll({ ok: '1', big: 'x'.repeat(200_000) })).toThrow(
      'Argument too large: value',
    );
    expect(cache.get('ok')).toBeNull();
  });

  test('holds at most 1,000 items: past that the oldest by creation go, a hundred at a time', () => {
    const { service } = setup();
    const cache = service.getDocumentCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, String(i), 21_600);
    // Reading an old entry does not save it; putting it again does (a new creation).
    expect(cache.get('k0')).toBe('0');
    cache.put('k1', 'again', 21_600);
    cache.put('k1000', '1000', 21_600);
    const present = (keys: string[]) => Object.keys(cache.getAll(keys)).length;
    const all = Array.from({ length: 1001 }, (_, i) => `k${i}`);
    expect(present(all)).toBe(901);
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k1')).toBe('again');
    expect(cache.get('k101')).toBe('101');
    expect(cache.get('k1000')).toBe('1000');
  });

  test('expired entries go first when the cache is full', () => {
    const { rt, service } = setup();
    const cache = service.getScriptCache();
    cache.putAll(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`old${i}`, 'x'])), 10);
    cache.putAll(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`new${i}`, 'y'])), 600);
    rt.clock.advance(11_000);
    cache.put('one-more', 'z');
    expect(
      Object.keys(cache.getAll(Array.from({ length: 500 }, (_, i) => `new${i}`))),
    ).toHaveLength(500);
    expect(cache.get('one-more')).toBe('z');
  });
});
