/**
 * Emulated CacheService: script, document and user caches whose entries expire by the virtual
 * clock (default 10 minutes, at most 6 hours), with Google's key and value size limits.
 */
import type { Runtime } from '../runtime';
import { asGas, gasError } from './gas';

export const CACHE_DEFAULT_TTL_SECONDS = 600;
export const CACHE_MAX_TTL_SECONDS = 21600;
export const CACHE_KEY_LIMIT_CHARS = 250;
export const CACHE_VALUE_LIMIT_BYTES = 100 * 1024;
/**
 * Items a cache holds: Google's reference page of Cache («a cache item cap of 1,000
 * entries»). Past it, the oldest entries by creation go, about a hundred at a time, whatever
 * their expiry and however recently read (measured by J. Poehnelt, «Exploring Apps Script
 * CacheService Limits»): a cache is never a store.
 */
export const CACHE_ITEM_CAP = 1000;
export const CACHE_EVICTION_BATCH = 100;

interface CacheEntry {
  value: string;
  expiresAtMs: number;
}

export class EmulatedCache implements Pick<
  GoogleAppsScript.Cache.Cache,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  private count(method: string): void {
    this.rt.record('CacheService', `Cache.${method}`);
  }

  private lookup(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.rt.clock.nowMs()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Validates every pair first, so a rejected putAll stores nothing. */
  private store(values: Array<[string, unknown]>, expirationInSeconds?: number): void {
    const ttl = Math.min(
      Math.max(1, expirationInSeconds ?? CACHE_DEFAULT_TTL_SECONDS),
      CACHE_MAX_TTL_SECONDS,
    );
    const prepared = values.map(([k, v]) => {
      const key = String(k);
      const value = String(v);
      if (key.length > CACHE_KEY_LIMIT_CHARS) throw gasError('Argument too large: key');
      if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_LIMIT_BYTES) {
        throw gasError('Argument too large: value');
      }
      return [key, value] as const;
    });
    const now = this.rt.clock.nowMs();
    const expiresAtMs = now + ttl * 1000;
    for (const [key, value] of prepared) {
      // A put creates the entry anew: it goes to the end of the creation order.
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAtMs });
    }
    if (this.entries.size <= CACHE_ITEM_CAP) return;
    for (const [key, entry] of this.entries) if (entry.expiresAtMs <= now) this.entries.delete(key);
    while (this.entries.size > CACHE_ITEM_CAP) {
      let n = CACHE_EVICTION_BATCH;
      for (const key of this.entries.keys()) {
        if (n-- <= 0) break;
        this.entries.delete(key);
      }
    }
  }

  get(key: string): string | null {
    this.count('get');
    return this.lookup(String(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.count('getAll');
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.lookup(String(key));
      if (value !== null) out[String(key)] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.count('put');
    this.store([[key, value]], expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    this.count('putAll');
    this.store(Object.entries(values), expirationInSeconds);
  }

  remove(key: string): void {
    this.count('remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.count('removeAll');
    for (const key of keys) this.entries.delete(String(key));
  }
}

export class EmulatedCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getScriptCache' | 'getUserCache'
> {
  private readonly scriptEntries = new Map<string, CacheEntry>();
  private readonly documentEntries = new Map<string, CacheEntry>();
  private readonly userEntries = new Map<string, CacheEntry>();

  constructor(private readonly rt: Runtime) {}

  /** The add-on is bound to its spreadsheet, so a document cache always exists. */
  getDocumentCache(): GoogleAppsScript.Cache.Cache {
    this.rt.record('CacheService', 'CacheService.getDocumentCache');
    return asGas(new EmulatedCache(this.rt, this.documentEntries));
  }

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    this.rt.record('CacheService', 'CacheService.getScriptCache');
    return asGas(new EmulatedCache(this.rt, this.scriptEntries));
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    this.rt.record('CacheService', 'CacheService.getUserCache');
    return asGas(new EmulatedCache(this.rt, this.userEntries));
  }
}

export function createCacheService(rt: Runtime): EmulatedCacheService {
  return new EmulatedCacheService(rt);
}
