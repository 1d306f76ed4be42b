import { Runtime } from '../../emulator/runtime';
import { createLockService } from '../../emulator/services/lock';

function setup() {
  const rt = new Runtime();
  return { rt, locks: createLockService(rt) };
}

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

describe('LockService', () => {
  test('tryLock takes a free lock; hasLock and releaseLock follow it', () => {
    const { locks } = setup();
    const lock = locks.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('two lock objects of one kind share the lock', () => {
    const { locks } = setup();
    const first = locks.getScriptLock();
    first.waitLock(1000);
    const second = locks.getScriptLock();
    expect(second.tryLock(0)).toBe(false);
    expect(() => second.waitLock(0)).toThrow(TIMEOUT);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
  });

  test('script, document and user locks are independent', () => {
    const { locks } = setup();
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
    expect(locks.getDocumentLock().tryLock(0)).toBe(true);
    expect(locks.getUserLock().tryLock(0)).toBe(true);
  });

  test('injected contention: the attempt fails, the wait takes its timeout, the counter goes down', () => {
    const { rt, locks } = setup();
    rt.faults.lockContention = 1;
    const before = rt.clock.nowMs();
    const lock = locks.getScriptLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(rt.clock.nowMs() - before).toBe(5000);
    expect(rt.faults.lockContention).toBe(0);
    expect(lock.tryLock(5000)).toBe(true);
    expect(rt.clock.nowMs() - before).toBe(5000);
  });

  test("waitLock under contention throws Google's timeout error after waiting", () => {
    const { rt, locks } = setup();
    rt.faults.lockContention = 2;
    const before = rt.clock.nowMs();
    expect(() => locks.getDocumentLock().waitLock(30000)).toThrow(TIMEOUT);
    expect(rt.clock.nowMs() - before).toBe(30000);
    expect(rt.faults.lockContention).toBe(1);
  });

  test('__releaseAll ends an execution: its locks are freed', () => {
    const { locks } = setup();
    locks.getScriptLock().waitLock(0);
    locks.__releaseAll();
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
  });
});
