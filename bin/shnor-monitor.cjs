#!/usr/bin/env node
// `npx shnor-monitor`: builds dist/ (the Apps Script bundle the emulator runs) when it is
// missing, then runs the TypeScript command line (cli/main.ts) through tsx, in this process.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');

function fail(text) {
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

let register;
try {
  ({ register } = require('tsx/cjs/api'));
} catch {
  // The one text not in src/core/messages.ts: without tsx that TypeScript file cannot load.
  fail('Не найдены зависимости для разработки (tsx): выполните npm ci в папке проекта');
}
register();
const { CLI_RUN } = require('../src/core/messages.ts');

if (!fs.existsSync(path.join(root, 'dist', 'Code.js'))) {
  process.stderr.write(`${CLI_RUN.buildMissing}\n`);
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, QUIET_BUILD: '1' },
  });
  if (build.status !== 0) fail(CLI_RUN.buildFailed);
}

const { main } = require('../cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  },
);
