#!/usr/bin/env node
// `npx shnor-monitor`: builds dist/ (the Apps Script bundle the emulator runs) and dist-cli/
// (the command line, cli/main.ts, as one CommonJS file) when either is missing or older than
// the sources, then runs the command line in this process.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const outputs = [
  path.join(root, 'dist', 'Code.js'),
  path.join(root, 'dist-cli', 'cli.cjs'),
  path.join(root, 'dist-cli', 'xlsx-worker.cjs'),
];
const sources = ['src', 'cli', 'emulator'].map((d) => path.join(root, d));

function fail(text) {
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

/** The newest modification time of the files under `dir` (0 when there is none). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** The Russian texts, from the TypeScript messages module (through tsx: only to build). */
function messages() {
  try {
    require('tsx/cjs/api').register();
  } catch {
    // The one text not in cli/messages.ts: without tsx that TypeScript file cannot load.
    fail('Не найдены зависимости для разработки (tsx): выполните npm ci в папке проекта');
  }
  return require('../src/core/messages.ts').CLI_RUN;
}

const missing = outputs.some((file) => !fs.existsSync(file));
const built = missing ? 0 : Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
if (missing || sources.some((dir) => fs.existsSync(dir) && newest(dir) > built)) {
  const CLI_RUN = missing ? messages() : null;
  if (CLI_RUN) process.stderr.write(`${CLI_RUN.buildMissing}\n`);
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, QUIET_BUILD: '1' },
  });
  if (build.status !== 0) fail((CLI_RUN ?? messages()).buildFailed);
}

// The heap grows by at most 30 % between full collections (V8 picks up to several times the
// live heap): a municipality's run makes much short-lived garbage (documents, workbook XML),
// and this keeps the process near its live memory (2,000 schools: ≈ 400 MB instead of
// ≈ 600 MB at the peak) for a few per cent more time in the collector.
require('node:v8').setFlagsFromString('--heap-growing-percent=30');
const { main } = require('../dist-cli/cli.cjs');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  },
);
