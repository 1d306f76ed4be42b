/**
 * Emulated Logger: messages kept in memory, readable with getLog() (one message per line).
 */
import type { Runtime } from '../runtime';
import { asGas } from './gas';

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return String(value);
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** Logger.log(format, values...) substitutes %s (and %d) in order. */
function render(data: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof data !== 'string') return describe(data);
  let next = 0;
  return data.replace(/%[sd]/g, (m) => (next < values.length ? describe(values[next++]) : m));
}

export interface LogEntry {
  at: Date;
  message: string;
}

export class EmulatedLogger implements Pick<
  GoogleAppsScript.Base.Logger,
  'clear' | 'getLog' | 'log'
> {
  private entries: LogEntry[] = [];

  constructor(private readonly rt: Runtime) {}

  clear(): void {
    this.rt.record('Logger', 'Logger.clear');
    this.entries = [];
  }

  getLog(): string {
    this.rt.record('Logger', 'Logger.getLog');
    return this.entries.map((e) => e.message).join('\n');
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.rt.record('Logger', 'Logger.log');
    this.entries.push({ at: this.rt.clock.now(), message: render(data, values) });
    return asGas(this);
  }

  /** Non-Google: the entries with their virtual-clock time stamps. */
  __entries(): LogEntry[] {
    return this.entries.map((e) => ({ at: new Date(e.at.getTime()), message: e.message }));
  }
}

export function createLogger(rt: Runtime): EmulatedLogger {
  return new EmulatedLogger(rt);
}
