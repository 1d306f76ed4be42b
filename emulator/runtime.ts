/**
 * The shared state of one emulated Google account: the virtual clock, the call counter used by
 * benchmarks, the execution mode (custom functions may only read), the event bus that lets a
 * form submission fire installable triggers, and the fault switches tests use to make Google
 * misbehave the way it sometimes does.
 */
import { COST_MS, costOf } from './cost';
import { gasError } from './services/gas';
import { inTimeZone } from './script-zone';

export type ExecutionMode = 'full' | 'customFunction';

/**
 * How the script function running now was started: from the editor or a menu, by an
 * installable trigger (a clock trigger apart: it has no document open), or as a custom function.
 */
export type ExecutionKind =
  'menu' | 'trigger' | 'submitTrigger' | 'clockTrigger' | 'customFunction';

/** The scopes a script may use (emulator/scopes): checked on every counted call it makes. */
export interface ScopeChecker {
  check(method: string): void;
}

/** One counted call: which service and which method, and how many cells it moved. */
export interface CallRecord {
  service: string;
  method: string;
  cellsRead: number;
  cellsWritten: number;
  /** Time the model charges that is not a service call (`Script.decodeTexts`). */
  charge?: boolean;
}

export class CallCounter {
  private readonly counts = new Map<string, CallRecord & { calls: number }>();
  /** Every call in order, while a trace is on (`trace()`): what a bench prints to explain a row. */
  private log: CallRecord[] | null = null;

  record(service: string, method: string, cells: { read?: number; written?: number } = {}): void {
    this.log?.push({
      service,
      method,
      cellsRead: cells.read ?? 0,
      cellsWritten: cells.written ?? 0,
    });
    const key = `${service}.${method}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { service, method, cellsRead: 0, cellsWritten: 0, calls: 0 };
      this.counts.set(key, entry);
    }
    entry.calls += 1;
    entry.cellsRead += cells.read ?? 0;
    entry.cellsWritten += cells.written ?? 0;
  }

  /**
   * Work inside the script that the model charges but that calls no service: not counted by
   * `total()` nor as a call by `modelCost` (emulator/cost.ts).
   */
  charge(service: string, method: string): void {
    const key = `${service}.${method}`;
    const entry = this.counts.get(key) ?? {
      service,
      method,
      cellsRead: 0,
      cellsWritten: 0,
      calls: 0,
    };
    entry.charge = true;
    entry.calls += 1;
    this.counts.set(key, entry);
  }

  /** Calls by `Service.method`, sorted by key. */
  snapshot(): Array<CallRecord & { calls: number }> {
    return [...this.counts.values()]
      .map((e) => ({ ...e }))
      .sort((a, b) => `${a.service}.${a.method}`.localeCompare(`${b.service}.${b.method}`));
  }

  total(service?: string): number {
    let n = 0;
    for (const e of this.counts.values())
      if (!e.charge && (!service || e.service === service)) n += e.calls;
    return n;
  }

  get(service: string, method: string): number {
    return this.counts.get(`${service}.${method}`)?.calls ?? 0;
  }

  reset(): void {
    this.counts.clear();
    if (this.log) this.log = [];
  }

  /** Starts keeping every call in order (cleared by `reset`). */
  trace(): void {
    this.log = [];
  }

  /** The calls since the last reset, in order (empty unless `trace()` was called). */
  traced(): CallRecord[] {
    return [...(this.log ?? [])];
  }
}

/** A clock that only moves when told to, so runs are reproducible. */
export class VirtualClock {
  private ms: number;

  constructor(start: Date | string | number = '2026-09-01T09:00:00+03:00') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(at: Date | string | number): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Switches that make the emulated Google misbehave, as the real one sometimes does. */
export interface FaultSwitches {
  /** Fire every form-submit trigger twice with the same event (pitfall 6). */
  duplicateSubmitEvents: boolean;
  /** Fire one extra form-submit event with empty values before the real one. */
  blankSubmitEvents: boolean;
  /**
   * Fire no form-submit trigger at all: the response is stored and written to the responses
   * sheet, but the script never hears of it (a lost trigger run; «Сверить ответы» recovers).
   */
  lostSubmitEvents: boolean;
  /**
   * Lock contention: while > 0, each `tryLock`/`waitLock` finds the lock held by someone else
   * and the counter goes down by one. `waitLock`/`tryLock` with a timeout then fail.
   */
  lockContention: number;
  /**
   * Kills the execution the way Apps Script's time limit (or a crash) does: after this many
   * more counted calls, the next one throws and so does every later call of that execution,
   * so no catch or finally block can write anything more. `null`: off. The kill ends with the
   * script function it struck (`runScript`).
   */
  killAfterCalls: number | null;
}

/** The error a killed execution dies with (Google's text for the time limit). */
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

export type EventListener = (payload: unknown) => void;

/**
 * Runs a trigger's handler by function name. The loader sets it to look the name up among the
 * globals of the loaded bundle, as Apps Script does.
 */
export type HandlerInvoker = (functionName: string, event: unknown) => unknown;

export interface RuntimeOptions {
  clockStart?: Date | string | number;
  timeZone?: string;
  userEmail?: string;
  /** Daily mail quota per recipient: 100 for consumer accounts, 1,500 for Workspace. */
  mailDailyQuota?: number;
  /**
   * The virtual clock moves by each call's modelled cost (emulator/cost.ts) and by the
   * start-up of each script function, so time-budgeted code (the long-job runner) sees time
   * pass as on Google. Only the script's own calls move it: a test's or a person's do not.
   * Default: on. Off: the clock moves only when told (a test that pins every timestamp).
   */
  clockFollowsCost?: boolean;
}

export class Runtime {
  readonly clock: VirtualClock;
  readonly calls = new CallCounter();
  /**
   * The script's time zone (Session.getScriptTimeZone, the script's `Date`). The loader takes
   * it from the manifest's `timeZone` unless the runtime was given one.
   */
  timeZone: string;
  /** True when `timeZone` came from the options (a test's choice), not the default. */
  readonly timeZoneGiven: boolean;
  readonly userEmail: string;
  readonly mailDailyQuota: number;
  mode: ExecutionMode = 'full';
  readonly faults: FaultSwitches = {
    duplicateSubmitEvents: false,
    blankSubmitEvents: false,
    lostSubmitEvents: false,
    lockContention: 0,
    killAfterCalls: null,
  };
  readonly clockFollowsCost: boolean;
  private killed = false;
  private costCarry = 0;
  private readonly listeners = new Map<string, EventListener[]>();
  private invoker: HandlerInvoker | undefined;
  private uidCounter = 0;
  /** The manifest's scopes, enforced while a script function runs (set by the loader). */
  scopes: ScopeChecker | null = null;
  /** True for the Editor add-on build: clock triggers then run with no active document. */
  addOn = false;
  private readonly executions: ExecutionKind[] = [];
  private pendingTrigger: ExecutionKind | null = null;
  /** > 0 while a person (not the script) acts: their calls are not the script's to count. */
  private userDepth = 0;

  constructor(options: RuntimeOptions = {}) {
    this.clock = new VirtualClock(options.clockStart);
    this.timeZone = options.timeZone ?? 'Europe/Moscow';
    this.timeZoneGiven = options.timeZone !== undefined;
    this.userEmail = options.userEmail ?? 'inspector@example.org';
    this.mailDailyQuota = options.mailDailyQuota ?? 100;
    this.clockFollowsCost = options.clockFollowsCost ?? true;
  }

  /** Counts a call; every public emulated method calls this first. */
  record(service: string, method: string, cells?: { read?: number; written?: number }): void {
    if (this.userDepth > 0) return;
    this.checkKill();
    if (this.scopes && this.executions.length > 0) this.scopes.check(method);
    this.calls.record(service, method, cells);
    if (this.clockFollowsCost && this.executions.length > 0) {
      // Whole milliseconds only, as real clocks tick: fractions are carried to the next call.
      this.costCarry += costOf({
        service,
        method,
        calls: 1,
        cellsRead: cells?.read ?? 0,
        cellsWritten: cells?.written ?? 0,
      });
      const whole = Math.floor(this.costCarry);
      this.costCarry -= whole;
      this.clock.advance(whole);
    }
  }

  private checkKill(): void {
    if (!this.killed && this.faults.killAfterCalls !== null) {
      if (this.faults.killAfterCalls <= 0) {
        this.killed = true;
        this.faults.killAfterCalls = null;
      } else this.faults.killAfterCalls -= 1;
    }
    if (this.killed) throw gasError(EXECUTION_KILLED);
  }

  /** How the running script function was started; null when no script runs (a test, a user). */
  execution(): ExecutionKind | null {
    if (this.userDepth > 0) return null;
    return this.executions[this.executions.length - 1] ?? null;
  }

  /** Runs a script function (the loader calls this): menu, trigger or custom function. */
  runScript<T>(fn: () => T): T {
    const kind: ExecutionKind =
      this.pendingTrigger ?? (this.mode === 'customFunction' ? 'customFunction' : 'menu');
    this.pendingTrigger = null;
    this.executions.push(kind);
    if (this.executions.length === 1 && this.clockFollowsCost) this.clock.advance(COST_MS.startup);
    try {
      // The script's `Date` lives in the script's time zone (emulator/script-zone.ts).
      return inTimeZone(this.timeZone, fn);
    } finally {
      this.executions.pop();
      // A killed execution is over; the next one starts afresh.
      if (this.executions.length === 0) this.killed = false;
    }
  }

  /**
   * Runs `fn` as a person using Google (a school filling the form): its calls are not the
   * script's and are not counted, but the triggers it fires run as the script and are.
   */
  asUser<T>(fn: () => T): T {
    this.userDepth += 1;
    try {
      return fn();
    } finally {
      this.userDepth -= 1;
    }
  }

  /**
   * Throws Google's error when a custom function tries anything but reading
   * (`set*`, mail, documents, triggers, properties writes).
   */
  assertWritable(method: string): void {
    if (this.mode === 'customFunction') {
      throw gasError(`You do not have permission to call ${method}`);
    }
  }

  /** Runs `fn` as a custom function would run: read-only, then restores the mode. */
  asCustomFunction<T>(fn: () => T): T {
    const previous = this.mode;
    this.mode = 'customFunction';
    try {
      return fn();
    } finally {
      this.mode = previous;
    }
  }

  on(event: string, listener: EventListener): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  setHandlerInvoker(invoker: HandlerInvoker): void {
    this.invoker = invoker;
  }

  invokeHandler(functionName: string, event: unknown): unknown {
    if (!this.invoker) {
      throw new Error(`Script function not found: ${functionName}`);
    }
    const userDepth = this.userDepth;
    this.userDepth = 0;
    // A clock trigger's event carries the wall time of its run (`week-of-year` and the rest).
    // A form-submit event carries the response (`namedValues` or `response`).
    const has = (key: string) => typeof event === 'object' && event !== null && key in event;
    this.pendingTrigger = has('week-of-year')
      ? 'clockTrigger'
      : has('namedValues') || has('response')
        ? 'submitTrigger'
        : 'trigger';
    try {
      return this.invoker(functionName, event);
    } finally {
      this.pendingTrigger = null;
      this.userDepth = userDepth;
    }
  }

  /** A short unique id (trigger ids, response ids, document ids). */
  nextId(prefix: string): string {
    this.uidCounter += 1;
    return `${prefix}${this.uidCounter.toString(36).padStart(6, '0')}`;
  }
}
