/**
 * The script's local time zone (issue 9, point 7). Apps Script runs a script's `Date` in the
 * script's time zone (appsscript.json `timeZone`): the local getters, `new Date(y, m, d)`,
 * `toString` and `getTimezoneOffset` follow it, whatever zone Google's servers keep. The
 * spreadsheet has its own zone, which the emulator applies itself (display, serial dates).
 *
 * V8 takes its local zone from the process's `TZ`, which Node applies at run time. So while a
 * script function runs, the process's zone is the script's, and afterwards it is the host's
 * again. Everything the emulator does itself names its zone (services/timezone.ts) and never
 * reads local time, so it behaves the same inside and outside a script and on any host.
 */
interface HostZone {
  get(): string | undefined;
  set(zone: string | undefined): void;
}

/**
 * The real process's `TZ`. Under jest, a test's `process.env` is a copy whose `TZ` changes
 * nothing; the suite's environment (scripts/jest-environment.cjs) hands over the real one.
 */
function hostZone(): HostZone {
  const g = globalThis as {
    __hostTZ?: () => string | undefined;
    __setHostTZ?: (zone: string | undefined) => void;
  };
  if (g.__hostTZ && g.__setHostTZ) return { get: g.__hostTZ, set: g.__setHostTZ };
  return {
    get: () => process.env.TZ,
    set: (zone) => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    },
  };
}

/** Runs `fn` with the process's local time zone set to `zone`, then restores the previous one. */
export function inTimeZone<T>(zone: string, fn: () => T): T {
  const host = hostZone();
  const before = host.get();
  if (before === zone) return fn();
  host.set(zone);
  try {
    return fn();
  } finally {
    host.set(before);
  }
}
