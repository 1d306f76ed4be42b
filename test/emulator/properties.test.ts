import { Runtime } from '../../emulator/runtime';
import { createPropertiesService } from '../../emulator/services/properties';

function setup() {
  const rt = new Runtime();
  return { rt, service: createPropertiesService(rt) };
}

describe('PropertiesService', () => {
  test('values are stored as strings; a missing key reads null', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperty('count', 42 as unknown as string);
    props.setProperty('flag', true as unknown as string);
    expect(props.getProperty('count')).toBe('42');
    expect(props.getProperty('flag')).toBe('true');
    expect(props.getProperty('missing')).toBeNull();
  });

  test('every call to getScriptProperties sees the same store; stores are separate', () => {
    const { service } = setup();
    service.getScriptProperties().setProperty('secret', 's1');
    expect(service.getScriptProperties().getProperty('secret')).toBe('s1');
    expect(service.getUserProperties().getProperty('secret')).toBeNull();
    expect(service.getDocumentProperties().getProperty('secret')).toBeNull();
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { service } = setup();
    const props = service.getDocumentProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' });
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'c']);
    props.setProperties({ d: '4' }, true);
    expect(props.getProperties()).toEqual({ d: '4' });
  });

  test('deleteProperty and deleteAllProperties remove keys', () => {
    const { service } = setup();
    const props = service.getUserProperties().setProperties({ a: '1', b: '2' });
    props.deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('getProperties returns a copy, not a live view', () => {
    const { service } = setup();
    const props = service.getScriptProperties().setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('a value over 9 KB is refused and nothing is written', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(() => props.setProperties({ ok: '1', big: 'я'.repeat(5000) })).toThrow(
      'Argument too large: value',
    );
    expect(props.getKeys()).toEqual([]);
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(props.getProperty('fits')).toHaveLength(9216);
  });

  test("a store over 500 KB in total fails with Google's quota message", () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    for (let i = 0; i < 56; i += 1) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('one_more', 'x'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('one_more')).toBeNull();
  });

  test('the quota counts what the store holds after overwrites, deletes and a full replace', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    const quota =
      'You have exceeded the property storage quota. Please remove some properties and try again.';
    for (let i = 0; i < 56; i += 1) props.setProperty(`k${i}`, 'x'.repeat(9000));
    // Overwriting a value with a shorter one frees the difference.
    props.setProperty('k0', 'x');
    props.setProperty('one_more', 'x'.repeat(8000));
    expect(() => props.setProperty('two_more', 'x'.repeat(9000))).toThrow(quota);
    // A deleted key frees its bytes; a failed batch writes nothing.
    props.deleteProperty('k1');
    expect(() => props.setProperties({ a: 'x'.repeat(9000), b: 'x'.repeat(9000) })).toThrow(quota);
    expect(props.getProperty('a')).toBeNull();
    props.setProperty('two_more', 'x'.repeat(9000));
    // Replacing everything counts only the new values.
    props.setProperties({ only: 'x'.repeat(9000) }, true);
    expect(props.getKeys()).toEqual(['only']);
    for (let i = 0; i < 55; i += 1) props.setProperty(`n${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('n55', 'x'.repeat(9000))).toThrow(quota);
    props.deleteAllProperties();
    for (let i = 0; i < 56; i += 1) props.setProperty(`m${i}`, 'x'.repeat(9000));
  });

  test('custom functions may read properties but not write them', () => {
    const { rt, service } = setup();
    service.getScriptProperties().setProperty('a', '1');
    expect(rt.asCustomFunction(() => service.getScriptProperties().getProperty('a'))).toBe('1');
    expect(() =>
      rt.asCustomFunction(() => service.getScriptProperties().setProperty('a', '2')),
    ).toThrow(/permission to call Properties\.setProperty/);
  });

  test('each get and set is counted once', () => {
    const { rt, service } = setup();
    const props = service.getScriptProperties();
    rt.calls.reset();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    expect(rt.calls.get('PropertiesService', 'Properties.setProperty')).toBe(1);
    expect(rt.calls.get('PropertiesService', 'Properties.getProperty')).toBe(2);
  });
});
