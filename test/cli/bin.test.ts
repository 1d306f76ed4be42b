/**
 * The real executable, as `npx shnor-monitor` starts it: a separate Node process through
 * bin/shnor-monitor.cjs (tsx in-process), with its exit codes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { kansk, kanskArgs, readSummary, tempDir } from './helpers';

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'shnor-monitor.cjs');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/shnor-monitor.cjs', () => {
  it('is the package bin', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'shnor-monitor': 'bin/shnor-monitor.cjs' });
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('runs the Kansk files from another folder and exits 0 with a rejected row', () => {
    const out = tempDir('shnor-bin-');
    const r = run(kanskArgs(out), kansk('.'));
    expect(r.stderr).not.toMatch(/Ошибка|Error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Период 2021-2022: данные представили 18 из 18; отклонено ответов: 1.',
    );
    expect(readSummary(out).responded).toBe(18);
  });

  it('exits 1 with the file, row and column when a file cannot be read', () => {
    const dir = tempDir('shnor-bin-');
    const registry = path.join(dir, 'registry.csv');
    fs.writeFileSync(registry, 'code;title\n001;Школа\n');
    const r = run([
      'run',
      '--registry',
      registry,
      '--responses',
      kansk('responses.csv'),
      '--out',
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Файл «${registry}», строка 1, столбец «school_id»`);
  });

  it('exits 2 on a usage error and 0 on --help', () => {
    expect(run(['run']).code).toBe(2);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('English:');
  });
});
