// Keeps the bundle's user text (Russian, 2 bytes a letter in UTF-8) compressed in dist/Code.js.
//
// Every string literal and template part with a non-ASCII character becomes a call `T(i)`, an
// index into one list of texts that the build deflates and writes as base64. `T` (the function
// `builtText`, so named in traces) decodes the list on its first call in an execution, in plain
// script code (fflate), and answers from it afterwards. Only text is packed: code stays code,
// nothing is eval'd, function and class names are untouched.
//
// Text needed at load would make every execution decode. A text is therefore packed:
//   - inside a function (evaluated when the function runs): `T(i)`;
//   - as the value of an object property evaluated at load (the catalogues' help, the
//     messages): the property becomes a getter `get help(){return T(i)}`, read when used;
//   - never anywhere else at load (array elements, arguments of calls made at load), and never
//     when the bundle reads it while loading (found by loading a trial build, `packTexts`);
//   - never in the few places every form submission reads (PLAIN_PROPERTIES, PLAIN_TABLES), so
//     that a normal submission decodes nothing.
// test/bundle.test.ts checks that every text of an unpacked build is still in the packed one
// and that loading decodes nothing; test/e2e/packed-texts.test.ts, when decoding happens.
import { Buffer } from 'node:buffer';
import { parse } from 'acorn';
import { buildSync } from 'esbuild';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const NON_ASCII = /[\u0080-\uffff]/;
const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;

/** The name of the packer's function in the bundle and of the list's local variable. */
export const TEXT_FUNCTION = 'builtText';
/**
 * Properties whose texts stay plain, so that a normal form submission decodes nothing
 * (test/e2e/packed-texts.test.ts): `label` holds the questionnaire's questions, which every
 * submission matches its answers by (core/intake.ts); `menu…`, the menu's captions, so that
 * onOpen (AuthMode.NONE, every time the spreadsheet opens) decodes nothing either.
 */
const PLAIN_PROPERTIES = /^(label|menu[A-Z]\w*)$/;
/** Tables (top-level constants by their source name) kept plain whole: `JOURNAL` (messages.ts),
 * whose lines a submission writes for its unusual cases (a blank event, a lock timeout, …). */
const PLAIN_TABLES = new Set(['JOURNAL']);

/** The bundle-local variable the calls use (terser shortens it). */
const LOCAL = '__shnorText';
/**
 * The decoded list lives in a global: Apps Script gives every execution a fresh global scope, so
 * it is decoded once per execution; the emulator, which keeps one scope, drops it when an
 * execution starts (emulator/loader.ts).
 */
export const CACHE = '__shnorTexts';

function walk(node, parents, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parents);
  parents.push(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const v of value) walk(v, parents, visit);
    else if (value && typeof value.type === 'string') walk(value, parents, visit);
  }
  parents.pop();
}

/**
 * The bundle's `builtText(i)`: on its first call in an execution it turns the base64 text into
 * bytes, inflates them with fflate (bundled here, ≈ 4 KB) and parses the JSON list; later calls
 * read the list. Plain script code, no Google service: a text costs no service call, can be read
 * in AuthMode.NONE, and a submission makes no more calls than before. The emulator charges the
 * decoding to the model once per execution that decodes (emulator/cost.ts, textsDecode).
 */
function decoderSource(payload) {
  const inflate = buildSync({
    stdin: {
      contents:
        "import { inflateSync, strFromU8 } from 'fflate';\n" +
        'export const inflateText = (b) => strFromU8(inflateSync(b));',
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    globalName: 'inflate',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Names as fflate writes them (`inflt`, `hMap`): terser keeps function names, so a
    // failure while decoding reads in a trace like the rest of the bundle.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text.trim();
  return (
    `function ${TEXT_FUNCTION}(i){var t=globalThis.${CACHE};if(!t){` +
    `var s=${JSON.stringify(payload)},b=new Uint8Array(s.length*3>>2),v=0,n=0,k=0,j=0,c;` +
    'for(;k<s.length;k++){c=s.charCodeAt(k);if(c==61)break;' +
    'v=(v<<6|(c>96?c-71:c>64?c-65:c>47?c+4:c==43?62:63))&16777215;n+=6;' +
    'if(n>=8){n-=8;b[j++]=v>>n&255}}' +
    `${inflate}t=globalThis.${CACHE}=JSON.parse(inflate.inflateText(b.subarray(0,j)))}return t[i]}`
  );
}

/** Template literal source with the given quasis replaced by `${T(i)}`. */
function templateSource(src, node, replaced) {
  let out = '`';
  node.quasis.forEach((q, k) => {
    out += replaced.has(k) ? `\${${LOCAL}(${replaced.get(k)})}` : src(q.start, q.end);
    if (k < node.expressions.length) {
      const e = node.expressions[k];
      out += `\${${src(e.start, e.end)}}`;
    }
  });
  return `${out}\``;
}

/**
 * `js`: esbuild's IIFE output. Returns the code with texts packed, and the texts (for tests
 * and the build's report). `T` is a local of the bundle's IIFE.
 */
function packWith(js, keep, trial) {
  if (js.includes(LOCAL)) throw new Error(`pack-texts: ${LOCAL} is already used`);
  const program = parse(js, { ecmaVersion: 2020 });
  const iife = program.body.find((s) => s.type === 'VariableDeclaration')?.declarations?.[0]?.init
    ?.callee;
  if (!iife || !FUNCTION.test(iife.type) || iife.body.type !== 'BlockStatement')
    throw new Error('pack-texts: expected `var ShnorMonitor = (() => { ... })();`');

  const texts = [];
  const index = new Map();
  const counts = new Map();
  const id = (text) => {
    counts.set(text, (counts.get(text) ?? 0) + 1);
    if (!index.has(text)) {
      index.set(text, texts.length);
      texts.push(text);
    }
    return index.get(text);
  };
  // Indices are assigned after the walk (most used texts get the shortest numbers), so the
  // edits carry the text and are rendered at the end.
  const pending = [];

  walk(program, [], (node, parents) => {
    const parent = parents[parents.length - 1];
    const inFunction = parents.some((p) => p !== iife && FUNCTION.test(p.type));
    if (parents.some((p) => p.type === 'VariableDeclarator' && PLAIN_TABLES.has(p.id.name ?? '')))
      return;
    const isString = node.type === 'Literal' && typeof node.value === 'string';
    const plainTemplate =
      node.type === 'TemplateLiteral' &&
      node.expressions.length === 0 &&
      parent?.type !== 'TaggedTemplateExpression';
    const text = isString ? node.value : plainTemplate ? node.quasis[0].value.cooked : null;
    if (text !== null) {
      if (!NON_ASCII.test(text) || keep.has(text)) return;
      if (parent?.type === 'ExpressionStatement' && parent.directive) return;
      if (
        (parent?.type === 'Property' || parent?.type === 'MethodDefinition') &&
        parent.key === node &&
        !parent.computed
      )
        return;
      if (
        parent?.type === 'Property' &&
        parent.value === node &&
        !parent.computed &&
        PLAIN_PROPERTIES.test(parent.key.name ?? parent.key.value)
      )
        return;
      if (inFunction) {
        // `return"x"` and `case"x"` have no space before the literal: the call needs one.
        const gap = /[\w$]/.test(js[node.start - 1] ?? '') ? ' ' : '';
        pending.push({
          start: node.start,
          end: node.end,
          render: (i) => `${gap}${LOCAL}(${i(text)})`,
        });
        id(text);
        return;
      }
      if (
        parent?.type === 'Property' &&
        parent.value === node &&
        parent.kind === 'init' &&
        !parent.method &&
        !parent.shorthand
      ) {
        const key = parent.computed
          ? `[${js.slice(parent.key.start, parent.key.end)}]`
          : js.slice(parent.key.start, parent.key.end);
        pending.push({
          start: parent.start,
          end: parent.end,
          render: (i) => `get ${key}(){return ${LOCAL}(${i(text)})}`,
        });
        id(text);
      }
      return;
    }
    if (
      node.type === 'TemplateLiteral' &&
      inFunction &&
      parent?.type !== 'TaggedTemplateExpression'
    ) {
      const parts = node.quasis
        .map((q, k) => [k, q.value.cooked])
        .filter(([, cooked]) => cooked !== null && NON_ASCII.test(cooked) && !keep.has(cooked));
      if (parts.length === 0) return;
      for (const [, cooked] of parts) id(cooked);
      pending.push({
        start: node.start,
        end: node.end,
        render: (i, src) => templateSource(src, node, new Map(parts.map(([k, c]) => [k, i(c)]))),
      });
    }
  });

  // Most used first: short indices where they repeat.
  const order = [...texts].sort((a, b) => counts.get(b) - counts.get(a));
  const at = new Map(order.map((t, k) => [t, k]));
  const indexOf = (t) => at.get(t);
  // A template's expressions may hold packed literals of their own: `source(a, b)` renders a
  // range with the edits inside it applied, innermost first.
  pending.sort((a, b) => a.start - b.start || b.end - a.end);
  const source = (from, to) => {
    let out = '';
    let pos = from;
    for (const p of pending) {
      if (p.start < pos || p.end > to) continue;
      out += js.slice(pos, p.start) + p.render(indexOf, source);
      pos = p.end;
    }
    return out + js.slice(pos, to);
  };
  if (order.length === 0) return { js, texts: [] };
  const payload = deflateRawSync(Buffer.from(JSON.stringify(order), 'utf8'), { level: 9 }).toString(
    'base64',
  );
  const decoder = trial
    ? `var ${LOCAL}=function ${TEXT_FUNCTION}(i){__readAtLoad.push(i);return __texts[i]};`
    : `var ${LOCAL}=${decoderSource(payload)};`;
  let out = source(0, js.length);
  const bodyStart = iife.body.start + 1;
  out = out.slice(0, bodyStart) + decoder + out.slice(bodyStart);
  return { js: out, texts: order };
}

/**
 * Packs the texts of `js`, except those the bundle reads while it loads (tables built by
 * functions called at load, such as the settings catalogue's ISB weights): those stay
 * literals, so that loading decodes nothing and touches no Google service. Which texts are read
 * at load is found by loading a trial build in a fresh context; loading needs no Google
 * service (test/bundle.test.ts), so the trial sees what every execution does.
 */
export function packTexts(js) {
  const keep = new Set();
  for (let round = 0; round < 5; round++) {
    const trial = packWith(js, keep, true);
    const context = { __readAtLoad: [], __texts: trial.texts };
    vm.runInNewContext(trial.js, context, { filename: 'pack-texts-trial.js' });
    if (context.__readAtLoad.length === 0) {
      const packed = packWith(js, keep, false);
      return { ...packed, keptAtLoad: [...keep] };
    }
    for (const i of context.__readAtLoad) keep.add(trial.texts[i]);
  }
  throw new Error('pack-texts: texts still read at load after 5 rounds');
}
