/**
 * The output folder is checked before anything is computed: a run that would fail at its
 * last step after minutes of work, with a stack trace, answers at once and in Russian.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OutputError, UsageError } from './errors';
import { CLI_OUTPUT } from './messages';

export function prepareOutDir(dir: string): void {
  if (dir.trim() === '') throw new UsageError(CLI_OUTPUT.empty);
  const existing = statOf(dir);
  if (existing && !existing.isDirectory()) throw new OutputError(dir, CLI_OUTPUT.isFile);
  try {
    makeFolders(dir);
    // Writing is the only sure test (permissions, read-only disks, a full quota).
    const probe = path.join(dir, `.shnor-monitor-${process.pid}.tmp`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new OutputError(dir, CLI_OUTPUT.cannotWrite(code));
  }
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir loops forever where the kernel
 * answers ENOENT for a folder whose parent exists (/proc), instead of failing.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!statOf(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) mkdirSync(folder);
}

function statOf(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
