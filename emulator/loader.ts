/**
 * Loads the built Apps Script project (`dist/`) the way Apps Script does: every `.js` file
 * evaluated as a classic script in one fresh global scope whose globals are our emulated
 * services. `gas-local` does the evaluation; two of its known issues are handled here:
 * - separate realm: a `vm` context has its own `Date`, so `instanceof Date` would fail for
 *   dates the emulator makes. The context gets a `Date` that answers `instanceof` for host
 *   dates, reads the virtual clock for "now", and creates host dates; likewise host errors.
 * - silent console: the context gets a real console (or the one the caller passes).
 */
import * as gasLocal from 'gas-local';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Google } from './index';
import type { VirtualClock } from './runtime';
import { ScopeGuard } from './scopes';
import { recalculate } from './custom-functions';
import { inTimeZone } from './script-zone';
import { bindGlobals, globalsOf } from './fast-globals';
import type { EmulatedSpreadsheetApp } from './services/spreadsheet/app';

/**
 * Globals the built script fills during an execution and reads back only in the same one:
 * Apps Script starts every execution in a fresh global scope, the emulator keeps one, so it
 * deletes these when an execution starts. `__shnorTexts`: the decoded texts of the bundle
 * (scripts/pack-texts.mjs, CACHE).
 */
const TEXTS_GLOBAL = '__shnorTexts';
export const EXECUTION_GLOBALS: readonly string[] = [TEXTS_GLOBAL];

export interface LoadedProject {
  google: Google;
  /** The script's global scope. */
  globals: Record<string, unknown>;
  /** Names of the top-level functions the script declares (what Apps Script lists). */
  functionNames(): string[];
  /** Calls a top-level function as a menu item or the script editor would. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /** Calls a custom function as a sheet cell would: read-only mode. */
  callCustomFunction<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Recalculates the cells calling custom functions whose arguments changed (done after every
   * execution; call it after editing cells from a test). Returns how many were recalculated.
   */
  recalculate(): number;
}

export interface LoadOptions {
  distDir?: string;
  console?: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
  /**
   * The OAuth scopes the script has. Default: the `oauthScopes` of the manifest in `distDir`,
   * enforced as Google does (a call outside them throws Google's permission error).
   */
  scopes?: readonly string[];
  /** Loads the Editor add-on build: clock triggers run with no active spreadsheet. */
  addOn?: boolean;
}

/** A `Date` for the script scope: `new Date()` is the virtual clock's now. */
export function virtualDate(clock: VirtualClock): DateConstructor {
  const HostDate = Date;
  class ScriptDate extends HostDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [string | number | Date]));
      // Hand out plain host dates so the emulator and the script share one Date type.
      return new HostDate(this.getTime()) as ScriptDate;
    }
    static override now(): number {
      return clock.nowMs();
    }
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof HostDate;
    }
  }
  return ScriptDate as unknown as DateConstructor;
}

/**
 * The user symbols of the advanced services the manifest enables
 * (`dependencies.enabledAdvancedServices`). The emulator models Drive v3 only.
 */
function advancedServices(manifestPath: string): string[] {
  if (!fs.existsSync(manifestPath)) return [];
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    dependencies?: {
      enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }>;
    };
  };
  const enabled = manifest.dependencies?.enabledAdvancedServices ?? [];
  for (const s of enabled) {
    if (s.serviceId !== 'drive' || s.version !== 'v3')
      throw new Error(`the emulator models no advanced service ${s.serviceId} ${s.version}`);
  }
  return enabled.map((s) => s.userSymbol);
}

export function loadProject(google: Google, options: LoadOptions = {}): LoadedProject {
  const distDir = path.resolve(options.distDir ?? path.join(__dirname, '..', 'dist'));
  if (!fs.existsSync(path.join(distDir, 'Code.js'))) {
    throw new Error(`${distDir}/Code.js not found: run "npm run build" first`);
  }
  const { runtime, ...services } = google;
  runtime.scopes = options.scopes
    ? new ScopeGuard(options.scopes)
    : ScopeGuard.fromManifest(path.join(distDir, 'appsscript.json'));
  runtime.addOn = options.addOn ?? false;
  const manifestPath = path.join(distDir, 'appsscript.json');
  if (!runtime.timeZoneGiven && fs.existsSync(manifestPath)) {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { timeZone?: string };
    if (manifest.timeZone) runtime.timeZone = manifest.timeZone;
  }
  const { Drive, ...builtIn } = services;
  const scope: Record<string, unknown> = {
    ...builtIn,
    // An advanced service is a global only when the manifest enables it, as on Google.
    ...Object.fromEntries(advancedServices(manifestPath).map((symbol) => [symbol, Drive])),
    console: options.console ?? console,
    Date: virtualDate(runtime.clock),
    Error,
    TypeError,
    RangeError,
  };
  // gas-local makes `scope` itself the script's global object: remember what we put there.
  const preset = new Set(Object.keys(scope));
  // The files' top-level code runs as script code too: in the script's time zone.
  // The context is made here so that the fast bindings come first (fast-globals.ts);
  // gas-local then loads the files into it (createContext of a context returns it).
  const bound = bindGlobals(vm.createContext(scope));
  const globals = inTimeZone(runtime.timeZone, () =>
    gasLocal.require(distDir, scope, { filter: (f) => f.endsWith('.js') }),
  );

  const pages: Record<string, string> = {};
  for (const file of fs.readdirSync(distDir)) {
    if (file.endsWith('.html'))
      pages[file.slice(0, -5)] = fs.readFileSync(path.join(distDir, file), 'utf8');
  }
  const html = services.HtmlService as unknown as {
    __setFiles?: (files: Record<string, string>) => void;
  };
  html.__setFiles?.(pages);

  const locks = services.LockService as unknown as { __releaseAll?: () => void };
  const sheets = services.SpreadsheetApp as unknown as { __silently?: <T>(f: () => T) => T };
  /**
   * One execution: when it ends, Apps Script sends the writes still pending and releases the
   * locks the script still holds (neither is a call of the script's).
   */
  const fn = (name: string): ((...args: unknown[]) => unknown) => {
    const value = globals[name];
    if (typeof value !== 'function') throw new Error(`Script function not found: ${name}`);
    return (...args: unknown[]) => {
      // A new execution starts with a fresh global scope in Apps Script; the script's own
      // per-execution caches in globals (the packed texts, scripts/pack-texts.mjs) go.
      // (Deleted inside the context: a vm context keeps its own copy of the global.)
      if (runtime.execution() === null)
        for (const key of EXECUTION_GLOBALS)
          vm.runInContext(`delete globalThis[${JSON.stringify(key)}]`, globals);
      try {
        return runtime.runScript(() => (value as (...a: unknown[]) => unknown)(...args));
      } finally {
        // The bundle decoded its packed texts in this execution: the model charges it.
        if (
          runtime.execution() === null &&
          vm.runInContext(`globalThis[${JSON.stringify(TEXTS_GLOBAL)}] !== undefined`, globals)
        )
          runtime.calls.charge('Script', 'decodeTexts');
        sheets.__silently?.(() => services.SpreadsheetApp.flush());
        locks.__releaseAll?.();
        // Then the spreadsheet recalculates what the execution's writes changed.
        if (runtime.execution() === null) recalc();
      }
    };
  };
  runtime.setHandlerInvoker((name, event) => fn(name)(event));
  const functionNames = () =>
    Object.keys(globals).filter((k) => typeof globals[k] === 'function' && !preset.has(k));
  /** One calling cell: counted, so the model charges its 0.5 s (emulator/cost.ts). */
  const callCustomFunction = <T>(name: string, ...args: unknown[]) => {
    runtime.record('CustomFunction', 'CustomFunction.call');
    return runtime.asCustomFunction(() => fn(name)(...args) as T);
  };
  let recalculating = false;
  function recalc(): number {
    if (recalculating) return 0;
    recalculating = true;
    const app = services.SpreadsheetApp as unknown as EmulatedSpreadsheetApp;
    try {
      return recalculate({
        runtime,
        spreadsheets: () => app.__spreadsheets(),
        functionNames,
        call: (name, args) => callCustomFunction(name, ...args),
        silently: (f) => app.__silently(f),
      });
    } finally {
      recalculating = false;
    }
  }

  return {
    google,
    globals: globalsOf(globals, bound),
    functionNames,
    call: <T>(name: string, ...args: unknown[]) => fn(name)(...args) as T,
    callCustomFunction,
    recalculate: recalc,
  };
}
