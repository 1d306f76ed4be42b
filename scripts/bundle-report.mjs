// What the minified bundle consists of, by source module and by kind (Russian text, other
// strings, property names, other names, syntax): `node scripts/bundle-report.mjs`. It runs the
// build's esbuild + terser steps without packing the texts (scripts/pack-texts.mjs), follows the
// source map to each token's module, and prints KiB. Notes: /work/notes/p17b.md.
import { Buffer } from 'node:buffer';
import { build } from 'esbuild';
import { minify } from 'terser';
import * as acorn from 'acorn';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { createRequire } from 'node:module';
const { codeBuildOptions, TERSER_OPTIONS } = createRequire(import.meta.url)('./bundle-options.cjs');
const r = await build({
  ...codeBuildOptions(),
  sourcemap: 'external',
  outfile: 'out.js',
});
const js = r.outputFiles.find((f) => f.path.endsWith('.js')).text;
const map = r.outputFiles.find((f) => f.path.endsWith('.map')).text;
const out = await minify(js, { ...TERSER_OPTIONS, sourceMap: { content: map } });
const code = out.code;
const tm = new TraceMap(out.map);
// line/col index for output
const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
function pos(off) {
  let lo = 0,
    hi = lineStarts.length - 1;
  while (lo < hi) {
    const m = (lo + hi + 1) >> 1;
    if (lineStarts[m] <= off) lo = m;
    else hi = m - 1;
  }
  return { line: lo + 1, column: off - lineStarts[lo] };
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const byMod = new Map();
const byKind = new Map();
function add(mod, kind, n) {
  const m = byMod.get(mod) || {};
  m[kind] = (m[kind] || 0) + n;
  m.total = (m.total || 0) + n;
  byMod.set(mod, m);
  byKind.set(kind, (byKind.get(kind) || 0) + n);
}
const toks = [...acorn.tokenizer(code, { ecmaVersion: 2020 })];
let last = 0;
let lastMod = '?';
for (let i = 0; i < toks.length; i++) {
  const t = toks[i];
  const p = originalPositionFor(tm, pos(t.start));
  let mod = p.source ? p.source.replace(/^.*?(src\/|node_modules\/)/, '$1') : lastMod;
  lastMod = mod;
  // gap (whitespace/punct missing) before token
  if (t.start > last) add(mod, 'syntax', bytes(code.slice(last, t.start)));
  const txt = code.slice(t.start, t.end);
  const b = bytes(txt);
  let kind;
  const tl = t.type.label;
  if (tl === 'string' || tl === 'template' || tl === '`') {
    kind = /[\u0400-\u04ff]/.test(txt) ? 'string-ru' : 'string-other';
  } else if (tl === 'name') {
    const prev = toks[i - 1],
      next = toks[i + 1];
    if (prev && (prev.type.label === '.' || prev.type.label === '?.')) kind = 'prop';
    else if (
      next &&
      next.type.label === ':' &&
      prev &&
      (prev.type.label === '{' || prev.type.label === ',')
    )
      kind = 'prop';
    else kind = txt.length <= 2 ? 'name-short' : 'name-long';
  } else if (t.type.keyword) kind = 'keyword';
  else if (tl === 'num') kind = 'number';
  else if (tl === 'regexp') kind = 'regexp';
  else kind = 'syntax';
  add(mod, kind, b);
  last = t.end;
}
console.log('total', bytes(code));
console.log(
  [...byKind]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.padEnd(14)} ${(v / 1024).toFixed(1)} KB`)
    .join('\n'),
);
const rows = [...byMod].sort((a, b) => b[1].total - a[1].total);
console.log('\nmodule'.padEnd(52), 'total  ru   str  prop nameL syn');
for (const [m, v] of rows.slice(0, +process.env.TOP || 70))
  console.log(
    m.padEnd(50),
    ...['total', 'string-ru', 'string-other', 'prop', 'name-long', 'syntax'].map((k) =>
      ((v[k] || 0) / 1024).toFixed(1).padStart(5),
    ),
  );
// group by dir
const dirs = new Map();
for (const [m, v] of rows) {
  const d = m
    .split('/')
    .slice(0, m.startsWith('node_modules') ? 2 : 3)
    .join('/');
  dirs.set(d, (dirs.get(d) || 0) + v.total);
}
console.log('\nby dir');
for (const [d, v] of [...dirs].sort((a, b) => b[1] - a[1]))
  console.log(d.padEnd(40), (v / 1024).toFixed(1));
