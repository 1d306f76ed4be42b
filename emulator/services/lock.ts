/**
 * Emulated LockService. One underlying lock per kind (script, document, user) is shared by every
 * Lock object of that kind, so a second getScriptLock() cannot take a lock the first one holds.
 * Contention from other executions is injected with rt.faults.lockContention; a failed wait
 * moves the virtual clock by its timeout, as the real wait would have taken that long.
 */
import type { Runtime } from '../runtime';
import { asGas, gasError } from './gas';

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface LockSlot {
  holder: EmulatedLock | null;
}

export class EmulatedLock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly slot: LockSlot,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    if (this.slot.holder === this) return true;
    const busy = this.rt.faults.lockContention > 0 || this.slot.holder !== null;
    if (busy) {
      if (this.rt.faults.lockContention > 0) this.rt.faults.lockContention -= 1;
      this.rt.clock.advance(Math.max(0, timeoutInMillis));
      return false;
    }
    this.slot.holder = this;
    return true;
  }

  hasLock(): boolean {
    this.rt.record('LockService', 'Lock.hasLock');
    return this.slot.holder === this;
  }

  releaseLock(): void {
    this.rt.record('LockService', 'Lock.releaseLock');
    if (this.slot.holder === this) this.slot.holder = null;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.rt.record('LockService', 'Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.rt.record('LockService', 'Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw gasError(TIMEOUT_MESSAGE);
  }
}

export class EmulatedLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  private readonly slots: Record<'script' | 'document' | 'user', LockSlot> = {
    script: { holder: null },
    document: { holder: null },
    user: { holder: null },
  };

  constructor(private readonly rt: Runtime) {}

  /** The add-on is bound to its spreadsheet, so a document lock always exists. */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    this.rt.record('LockService', 'LockService.getDocumentLock');
    return asGas(new EmulatedLock(this.rt, this.slots.document));
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    this.rt.record('LockService', 'LockService.getScriptLock');
    return asGas(new EmulatedLock(this.rt, this.slots.script));
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    this.rt.record('LockService', 'LockService.getUserLock');
    return asGas(new EmulatedLock(this.rt, this.slots.user));
  }

  /** Non-Google: an execution ended, so Google drops whatever locks it still held. */
  __releaseAll(): void {
    for (const slot of Object.values(this.slots)) slot.holder = null;
  }
}

export function createLockService(rt: Runtime): EmulatedLockService {
  return new EmulatedLockService(rt);
}
