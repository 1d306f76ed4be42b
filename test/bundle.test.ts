/**
 * The built dist/Code.js as Apps Script sees it: classic scripts in one fresh global scope.
 * (`npm test` builds first.)
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import * as gasLocal from 'gas-local';
import { buildSync } from 'esbuild';
import { inflateRawSync } from 'node:zlib';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readEntryPoints } = require('../scripts/entry-points.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const googleGlobals: string[] = require('../scripts/google-globals.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { codeBuildOptions } = require('../scripts/bundle-options.cjs');

const dist = path.join(__dirname, '..', 'dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const entries: Array<{ name: string; params: string[]; jsDoc: string }> = readEntryPoints(
  fs.readFileSync(path.join(__dirname, '..', 'src', 'entry', 'index.ts'), 'utf8'),
);

/** A global scope where touching any Google service throws. */
function trappedScope(touched: string[]): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const name of googleGlobals) {
    scope[name] = new Proxy(
      {},
      {
        get(_t, prop) {
          touched.push(`${name}.${String(prop)}`);
          throw new Error(`${name} touched at load time`);
        },
      },
    );
  }
  return scope;
}

describe('dist/Code.js', () => {
  it('parses as an ES2020 classic script: no import/export left, nothing newer than es2020', () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares every entry point as a global function and runs nothing at top level', () => {
    const touched: string[] = [];
    const globals = gasLocal.require(dist, trappedScope(touched), {
      filter: (f) => f.endsWith('.js'),
    });
    expect(touched).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const entry of entries) {
      expect(typeof globals[entry.name]).toBe('function');
      expect((globals[entry.name] as (...a: unknown[]) => unknown).length).toBe(
        entry.params.length,
      );
    }
    for (const name of [
      'onOpen',
      'onInstall',
      'onFormSubmit',
      'menuSetup',
      'menuRecompute',
      'menuReport',
    ]) {
      expect(entries.map((e) => e.name)).toContain(name);
    }
  });

  it('keeps each entry point as a top-level declaration with its JSDoc and real parameter names', () => {
    const program = acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as {
      body: Array<{
        type: string;
        id?: { name: string };
        params?: Array<{ name: string }>;
        start: number;
      }>;
    };
    const declared = new Map(
      program.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => [n.id!.name, n]),
    );
    for (const entry of entries) {
      const node = declared.get(entry.name);
      expect(node).toBeDefined();
      expect(node!.params!.map((p) => p.name)).toEqual(entry.params);
      const before = code.slice(0, node!.start).trimEnd();
      if (entry.jsDoc) expect(before.endsWith(entry.jsDoc.split('\n').pop()!.trim())).toBe(true);
    }
    const custom = entries.filter((e) => e.jsDoc.includes('@customfunction'));
    for (const entry of custom) expect(code).toContain(`${entry.jsDoc}\nfunction ${entry.name}(`);
  });

  it('ships the manifest and the dialog pages with their script inlined', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.oauthScopes.length).toBeGreaterThan(0);
    const about = fs.readFileSync(path.join(dist, 'about.html'), 'utf8');
    expect(about).not.toMatch(/<script src=/);
    expect(about).toMatch(/<script>[\s\S]*addEventListener[\s\S]*<\/script>/);
  });

  it('keeps the names of its functions, so an error in the execution log says where it was', () => {
    const script = new vm.Script(code, { filename: 'Code.js' });
    const scope = vm.createContext({});
    script.runInContext(scope);
    const bundle = (scope as { ShnorMonitor: Record<string, unknown> }).ShnorMonitor;
    expect(typeof bundle.onFormSubmit).toBe('function');
    // The core's own function names survive the minified build (see stack-names.test.ts).
    expect(code).toMatch(/function computeMonitoring\(/);
    expect(code).toMatch(/function ingestSubmission\(/);
  });
});

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Every node of a parsed script, depth first. */
function* nodes(node: unknown): Generator<Node> {
  if (!node || typeof (node as Node).type !== 'string') return;
  yield node as Node;
  for (const value of Object.values(node as Node)) {
    if (Array.isArray(value)) for (const v of value) yield* nodes(v);
    else if (value && typeof (value as Node).type === 'string') yield* nodes(value);
  }
}

/** The non-ASCII strings of a script: string literals and template parts. */
function userTexts(js: string): Set<string> {
  const texts = new Set<string>();
  for (const n of nodes(acorn.parse(js, { ecmaVersion: 2020 }))) {
    const text =
      n.type === 'Literal' && typeof n.value === 'string'
        ? n.value
        : n.type === 'TemplateElement'
          ? (n.value as { cooked: string | null }).cooked
          : null;
    if (text !== null && /[\u0080-\uffff]/.test(text)) texts.add(text);
  }
  return texts;
}

describe('packed texts (scripts/pack-texts.mjs)', () => {
  const program = acorn.parse(code, { ecmaVersion: 2020 });
  const decoder = [...nodes(program)].find(
    (n) => n.type === 'FunctionExpression' && (n.id as { name?: string })?.name === 'builtText',
  );
  const packed = (): string[] => {
    const payload = [...nodes(decoder)]
      .filter((n) => n.type === 'Literal' && typeof n.value === 'string')
      .map((n) => n.value as string)
      .sort((a, b) => b.length - a.length)[0];
    return JSON.parse(inflateRawSync(Buffer.from(payload, 'base64')).toString('utf8'));
  };

  it('keeps every user text of the source bundle, packed or plain', () => {
    // The same esbuild step as scripts/build.mjs, without packing and minifying names.
    const plain = buildSync(codeBuildOptions()).outputFiles![0].text;
    const source = userTexts(plain);
    const list = packed();
    const left = userTexts(code);
    expect(source.size).toBeGreaterThan(1000);
    expect([...source].filter((t) => !left.has(t) && !list.includes(t))).toEqual([]);
    // Nothing else was packed, and no text twice.
    expect(list.filter((t) => !source.has(t))).toEqual([]);
    expect(new Set(list).size).toBe(list.length);
    // Most of the text is packed: what stays plain is read at load or by every submission.
    const bytes = (texts: Iterable<string>) =>
      [...texts].reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(bytes(list)).toBeGreaterThan(bytes(left));
  });

  it('decodes inside the script, with no Google service, and names its decoder in traces', () => {
    expect(decoder).toBeDefined();
    const body = code.slice(decoder!.start, decoder!.end);
    expect(body).not.toMatch(/\b(Utilities|eval|Function)\b/);
    // Loading decodes nothing (the load test above traps every Google service; this traps
    // the decoder itself).
    const scope = vm.createContext({});
    new vm.Script(code).runInContext(scope);
    expect(vm.runInContext('globalThis.__shnorTexts', scope)).toBeUndefined();
  });
});

describe('the size of what clasp pushes', () => {
  // Counted as scripts/bench.ts `bundleKb()` counts it: bytes of dist/*.js + dist/*.html, in
  // KiB. Issue 14 asks for < 200 KB, which today's features do not fit (about 275 KB with
  // names kept). This ceiling catches a build that stops minifying (≈ 345 KB then) or a heavy
  // dependency pulled into the bundle; when a feature needs more, raise it in the same commit
  // and say by how much.
  const CEILING_KB = 300;

  it(`stays under ${CEILING_KB} KB`, () => {
    let bytes = 0;
    for (const f of fs.readdirSync(dist))
      if (f.endsWith('.js') || f.endsWith('.html')) bytes += fs.statSync(path.join(dist, f)).size;
    expect(bytes / 1024).toBeLessThan(CEILING_KB);
  });
});
