import vm from 'node:vm';
import { bindGlobals, globalsOf } from '../../emulator/fast-globals';

describe('the script globals bound for speed (emulator/fast-globals.ts)', () => {
  function context() {
    const sandbox: Record<string, unknown> = { Date, console };
    const bound = bindGlobals(vm.createContext(sandbox));
    vm.runInContext('function biggest(a, b) { return Math.max(a, b); }', sandbox);
    return { sandbox, globals: globalsOf(sandbox, bound) };
  }

  it('leaves what the script sees unchanged and adds no global of its own', () => {
    const { sandbox } = context();
    expect(Object.keys(sandbox).sort()).toEqual(['Date', 'biggest', 'console']);
    expect(vm.runInContext('biggest(2, 5)', sandbox)).toBe(5);
    expect(vm.runInContext('Date === this.Date && globalThis === this', sandbox)).toBe(true);
  });

  it('a global replaced from outside is what the script reads next', () => {
    const { sandbox, globals } = context();
    globals.Math = { max: () => 'replaced' };
    expect(vm.runInContext('biggest(2, 5)', sandbox)).toBe('replaced');
    // Without the replacement the context's own Math answers again.
    delete globals.Math;
    expect(vm.runInContext('biggest(2, 5)', sandbox)).toBe(5);
  });
});
