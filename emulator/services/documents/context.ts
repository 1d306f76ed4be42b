/**
 * What every emulated document element carries: the runtime (for counting and the read-only
 * mode) and the handle of the open Document (saveAndClose ends it).
 */
import type { Runtime } from '../../runtime';
import { gasError } from '../gas';

export interface DocHandle {
  closed: boolean;
}

export interface DocContext {
  rt: Runtime;
  handle: DocHandle;
  nextListId: () => string;
}

/** Counts a read; the single place DocumentApp's reads are recorded. */
export function read(ctx: DocContext, method: string): void {
  ctx.rt.record('DocumentApp', method);
}

/** Checks a write is allowed, then counts it. */
export function write(ctx: DocContext, method: string): void {
  ctx.rt.assertWritable(method);
  if (ctx.handle.closed) throw gasError('Document is closed, its contents cannot be updated.');
  ctx.rt.record('DocumentApp', method);
}

/** Google's complaint when an argument has the wrong type. */
export function assertString(value: unknown, method: string): asserts value is string {
  if (typeof value !== 'string') {
    throw gasError(
      `The parameters (${describeType(value)}) don't match the method signature for DocumentApp.${method}.`,
    );
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const inner = value.map(describeType);
    const same = inner.length > 0 && inner.every((t) => t === inner[0]);
    return `${same ? inner[0] : 'Object'}[]`;
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}
