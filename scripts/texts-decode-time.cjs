// Cold decode time of dist/Code.js's packed texts: the bundle's own builtText run once in a
// fresh process (`node scripts/texts-decode-time.cjs`), the figure behind emulator/cost.ts
// textsDecode.
const fs = require('fs'),
  vm = require('vm'),
  acorn = require('acorn');
const code = fs.readFileSync('dist/Code.js', 'utf8');
let src = null;
(function walk(n) {
  if (!n || typeof n.type !== 'string' || src) return;
  if (n.type === 'FunctionExpression' && n.id && n.id.name === 'builtText') {
    src = code.slice(n.start, n.end);
    return;
  }
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v.type === 'string') walk(v);
  }
})(acorn.parse(code, { ecmaVersion: 2020 }));
const ctx = vm.createContext({});
const f = vm.runInContext(`(${src})`, ctx);
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const first = f(0);
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage(c0);
const list = vm.runInContext('globalThis.__shnorTexts', ctx);
console.log(
  JSON.stringify({
    ms: Number(t1 - t0) / 1e6,
    cpuMs: (c1.user + c1.system) / 1000,
    texts: list.length,
    chars: list.join('').length,
    first: first.slice(0, 30),
  }),
);
