/**
 * State shared by every object of one emulated SpreadsheetApp: the runtime, the registry of
 * spreadsheets, and the counting rules (one record per public call; pending writes make the next
 * value read cost a round trip, `flush()` pays for them).
 */
import type { Runtime } from '../../runtime';

export const SERVICE = 'SpreadsheetApp';

/** Writes a spreadsheet has not yet sent to the server. */
export class PendingWrites {
  dirty = false;
  cells = 0;
}

export class SheetsContext {
  private silentDepth = 0;
  private counter = 0;

  constructor(readonly rt: Runtime) {}

  get silent(): boolean {
    return this.silentDepth > 0;
  }

  /** Counts a call that only reads or builds. */
  call(method: string, cells?: { read?: number; written?: number }): void {
    if (!this.silent) this.rt.record(SERVICE, method, cells);
  }

  /** Counts a mutating call, refusing it in read-only (custom function) mode first. */
  mutate(method: string, cells?: { written?: number }): void {
    if (this.silent) return;
    this.rt.assertWritable(method);
    this.rt.record(SERVICE, method, cells);
  }

  /** Marks `cells` more cells as written but not yet flushed. */
  wrote(pending: PendingWrites, cells: number): void {
    if (this.silent) return;
    pending.dirty = true;
    pending.cells += cells;
  }

  /** A value read: while writes are pending it costs an extra round trip that flushes them. */
  reading(pending: PendingWrites): void {
    if (this.silent || !pending.dirty) return;
    this.rt.record(SERVICE, 'readAfterWrite');
    pending.dirty = false;
    pending.cells = 0;
  }

  /** A fresh positive integer (chart ids, sheet ids). */
  nextNumber(): number {
    this.counter += 1;
    return this.counter;
  }

  /** Runs `fn` without counting calls or pending writes: Google itself acting (forms, exports). */
  silently<T>(fn: () => T): T {
    this.silentDepth += 1;
    try {
      return fn();
    } finally {
      this.silentDepth -= 1;
    }
  }
}
