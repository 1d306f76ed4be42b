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

  /** Checks the limits on the store as it would be, then swaps it in: all or nothing. */
  private commit(next: Map<string, string>): void {
    for (const v of next.values()) {
      if (byteLength(v) > PROPERTY_VALUE_LIMIT_BYTES) {
        throw gasError('Argument too large: value');
      }
    }
    if (storeSize(next) > PROPERTY_STORE_LIMIT_BYTES) throw gasError(QUOTA_MESSAGE);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.write('deleteAllProperties');
    this.store.clear();
    return asGas(this);
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.write('deleteProperty');
    this.store.delete(String(key));
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
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.commit(next);
    return asGas(this);
  }

  setProperty(key: string, value: unknown): GoogleAppsScript.Properties.Properties {
    this.write('setProperty');
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.commit(next);
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
