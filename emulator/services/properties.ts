/**
 * Emulated PropertiesService: script, document and user stores of string values, with Google's
 * size limits (9 KB per value, 500 KB per store) and no writes from custom functions.
 */
import type { Runtime } from '../runtime';
import { asGas, gasError } from './gas';

export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function storeSize(entries: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of entries) total += byteLength(k) + byteLength(v);
  return total;
}

/** Each store's size in bytes as last committed; recounted when the store changed otherwise. */
const sizes = new WeakMap<Map<string, string>, number>();
const counts = new WeakMap<Map<string, string>, number>();

function sizeOf(store: Map<string, string>): number {
  const known = sizes.get(store);
  if (known !== undefined && counts.get(store) === store.size) return known;
  const size = storeSize(store);
  sizes.set(store, size);
  counts.set(store, store.size);
  return size;
}

export class EmulatedProperties implements Pick<
  GoogleAppsScript.Properties.Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly store: Map<string, string>,
  ) {}

  private read(method: string): void {
    this.rt.record('PropertiesService', `Properties.${method}`);
  }

  private write(method: string): void {
    this.rt.assertWritable(`Properties.${method}`);
    this.rt.record('PropertiesService', `Properties.${method}`);
  }

  /**
   * Checks the limits on the store as it would be with `changes` (a value, or null to delete),
   * then applies them: all or nothing. The store's size is kept beside it, so a write costs
   * its own keys and values, not the whole store (letters keep thousands of document ids).
   */
  private commit(changes: Iterable<[string, string | null]>, clearFirst = false): void {
    let size = clearFirst ? 0 : sizeOf(this.store);
    const next = new Map<string, string | null>();
    for (const [k, v] of changes) next.set(k, v);
    for (const [k, v] of next) {
      if (v !== null && byteLength(v) > PROPERTY_VALUE_LIMIT_BYTES) {
        throw gasError('Argument too large: value');
      }
      const old = clearFirst ? undefined : this.store.get(k);
      if (old !== undefined) size -= byteLength(k) + byteLength(old);
      if (v !== null) size += byteLength(k) + byteLength(v);
    }
    if (size > PROPERTY_STORE_LIMIT_BYTES) throw gasError(QUOTA_MESSAGE);
    if (clearFirst) this.store.clear();
    for (const [k, v] of next) {
      if (v === null) this.store.delete(k);
      else this.store.set(k, v);
    }
    sizes.set(this.store, size);
    counts.set(this.store, this.store.size);
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.write('deleteAllProperties');
    this.commit([], true);
    return asGas(this);
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.write('deleteProperty');
    this.commit([[String(key), null]]);
    return asGas(this);
  }

  getKeys(): string[] {
    this.read('getKeys');
    return [...this.store.keys()];
  }

  getProperties(): { [key: string]: string } {
    this.read('getProperties');
    return Object.fromEntries(this.store);
  }

  getProperty(key: string): string | null {
    this.read('getProperty');
    return this.store.get(String(key)) ?? null;
  }

  setProperties(
    properties: { [key: string]: unknown },
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this.write('setProperties');
    this.commit(
      Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]),
      deleteAllOthers === true,
    );
    return asGas(this);
  }

  setProperty(key: string, value: unknown): GoogleAppsScript.Properties.Properties {
    this.write('setProperty');
    this.commit([[String(key), String(value)]]);
    return asGas(this);
  }
}

export class EmulatedPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  private readonly scriptStore = new Map<string, string>();
  private readonly documentStore = new Map<string, string>();
  private readonly userStore = new Map<string, string>();
  /** The Editor add-on's document stores, one per spreadsheet it is used in (by id). */
  private readonly documentStores = new Map<string, Map<string, string>>();

  /**
   * `openDocumentId`: the id of the document open in this execution, null when none is (the
   * add-on's clock triggers). Only the add-on build asks it: a container-bound script has one
   * document, its container, whose store is there even in its clock triggers.
   */
  constructor(
    private readonly rt: Runtime,
    private readonly openDocumentId: () => string | null = () => null,
  ) {}

  /**
   * Google: «Gets a property store (for this script only) that all users can access within
   * the open document, spreadsheet, or form. It is only available if the script is published
   * and executing as an add-on or if it is bound to a Google file type. When document
   * properties are not available this method returns null.» (reference page of
   * PropertiesService). An add-on's store is the open document's, so its time-driven
   * triggers, which run with no document open, get null.
   */
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.record('PropertiesService', 'PropertiesService.getDocumentProperties');
    if (!this.rt.addOn) return asGas(new EmulatedProperties(this.rt, this.documentStore));
    const id = this.rt.execution() === 'clockTrigger' ? null : this.openDocumentId();
    if (id === null) return null as unknown as GoogleAppsScript.Properties.Properties;
    let store = this.documentStores.get(id);
    if (!store) this.documentStores.set(id, (store = new Map()));
    return asGas(new EmulatedProperties(this.rt, store));
  }

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.record('PropertiesService', 'PropertiesService.getScriptProperties');
    return asGas(new EmulatedProperties(this.rt, this.scriptStore));
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.record('PropertiesService', 'PropertiesService.getUserProperties');
    return asGas(new EmulatedProperties(this.rt, this.userStore));
  }
}

export function createPropertiesService(
  rt: Runtime,
  openDocumentId?: () => string | null,
): EmulatedPropertiesService {
  return new EmulatedPropertiesService(rt, openDocumentId);
}
