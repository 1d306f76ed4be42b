/**
 * The script's global names (Math, Object, JSON, Date, …) read at engine speed.
 *
 * The emulator runs the bundle in a `vm` context, whose global object is backed by Node's
 * interceptors: every read of a global name from script code (`Math.max`, `new Map()`,
 * `String(x)`) calls into C++ and back, ≈ 100–250 ns instead of a few. Apps Script's V8 has
 * ordinary globals; the emulator's run paid this on every such read (a municipality's offline
 * run makes millions of them).
 *
 * Top-level lexical bindings of a classic script are found before the global object, without
 * the interceptor (the script context table). So a first script in the context declares
 * `let Math = this.Math`, … for the names below that the global object has when the bundle
 * loads; the bundle's own scripts then resolve them there. Same values, same objects.
 *
 * A global can still be replaced from outside, as before (a test's failing `Math`): the view
 * `globalsOf` hands out sets or deletes the global, then reads it again into its binding.
 */
import vm from 'node:vm';

/** The JavaScript built-ins and the emulator's own globals worth binding (read often). */
const NAMES = [
  'globalThis',
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Math',
  'JSON',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'RegExp',
  'Promise',
  'Reflect',
  'Proxy',
  'Intl',
  'BigInt',
  'ArrayBuffer',
  'DataView',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'Int32Array',
  'Float64Array',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'Date',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'console',
] as const;

export interface BoundGlobals {
  /** The names bound in the context. */
  names: ReadonlySet<string>;
  /** Reads a bound name's global again into its binding (after the global was set or deleted). */
  rebind(name: string): void;
}

/**
 * Binds the names in a fresh `vm` context before any script runs in it. Returns how to keep
 * a binding in step with its global.
 */
export function bindGlobals(context: vm.Context): BoundGlobals {
  const present = NAMES.filter(
    (name) =>
      name === 'globalThis' ||
      (vm.runInContext(`typeof this[${JSON.stringify(name)}]`, context) as string) !== 'undefined',
  );
  const declarations = present
    .map((name) => (name === 'globalThis' ? 'globalThis = this' : `${name} = this.${name}`))
    .join(', ');
  const cases = present
    .filter((name) => name !== 'globalThis')
    .map((name) => `case '${name}': ${name} = this.${name}; break;`)
    .join(' ');
  const rebind = vm.runInContext(
    `let ${declarations};\n(name) => { switch (name) { ${cases} } }`,
    context,
    { filename: 'emulator-globals.js' },
  ) as (name: string) => void;
  return { names: new Set(present), rebind };
}

/** The context as a record whose writes of a bound name reach the script's binding too. */
export function globalsOf(
  context: Record<string, unknown>,
  bound: BoundGlobals,
): Record<string, unknown> {
  return new Proxy(context, {
    set(target, key, value) {
      target[key as string] = value;
      if (typeof key === 'string' && bound.names.has(key)) bound.rebind(key);
      return true;
    },
    deleteProperty(target, key) {
      delete target[key as string];
      if (typeof key === 'string' && bound.names.has(key)) bound.rebind(key);
      return true;
    },
  });
}
