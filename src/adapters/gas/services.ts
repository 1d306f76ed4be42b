import {
  addOn,
  forgetTrigger,
  keepTriggerSpreadsheet,
  monitoredSpreadsheet,
  spreadsheetTriggers,
} from './spreadsheet';
import { accessCodeFromBytes, accessCodeMessage } from '../../core/access';
import type {
  AccessCodes,
  CacheStore,
  Clock,
  KeyValueStore,
  Lock,
  Mailer,
  MailMessage,
  TriggerInfo,
  Triggers,
  Ui,
} from '../../ports';

export class GasMailer implements Mailer {
  remainingQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }

  send(message: MailMessage): void {
    // Plain text only: respondent text can never become markup.
    MailApp.sendEmail({
      to: message.to,
      subject: message.subject,
      body: message.body,
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    });
  }
}

export class GasTriggers implements Triggers {
  ensureFormSubmit(handler: string): boolean {
    if (this.count(handler) > 0) return false;
    ScriptApp.newTrigger(handler).forSpreadsheet(monitoredSpreadsheet()).onFormSubmit().create();
    return true;
  }

  ensureDaily(handler: string, hour: number): boolean {
    const exists = spreadsheetTriggers().some(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
    if (exists) return false;
    const trigger = ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
    if (addOn()) keepTriggerSpreadsheet(trigger.getUniqueId());
    return true;
  }

  remove(handler: string): number {
    const mine = spreadsheetTriggers().filter((t) => t.getHandlerFunction() === handler);
    for (const t of mine) {
      forgetTrigger(t);
      ScriptApp.deleteTrigger(t);
    }
    return mine.length;
  }

  list(): TriggerInfo[] {
    const types = ScriptApp.EventType;
    return spreadsheetTriggers().map((t) => {
      const type = t.getEventType();
      return {
        id: t.getUniqueId(),
        handler: t.getHandlerFunction(),
        kind:
          type === types.CLOCK ? 'clock' : type === types.ON_FORM_SUBMIT ? 'formSubmit' : 'other',
      };
    });
  }

  removeById(id: string): boolean {
    const trigger = spreadsheetTriggers().find((t) => t.getUniqueId() === id);
    if (!trigger) return false;
    forgetTrigger(trigger);
    ScriptApp.deleteTrigger(trigger);
    return true;
  }

  once(handler: string, afterMs: number): string {
    const uid = ScriptApp.newTrigger(handler).timeBased().after(afterMs).create().getUniqueId();
    keepTriggerSpreadsheet(uid);
    return uid;
  }

  createDaily(handler: string, hour: number): string {
    const uid = ScriptApp.newTrigger(handler)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .create()
      .getUniqueId();
    keepTriggerSpreadsheet(uid);
    return uid;
  }

  createFormSubmit(handler: string): string {
    return this.onSpreadsheet(handler).onFormSubmit().create().getUniqueId();
  }

  createChange(handler: string): string {
    return this.onSpreadsheet(handler).onChange().create().getUniqueId();
  }

  private onSpreadsheet(handler: string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return ScriptApp.newTrigger(handler).forSpreadsheet(monitoredSpreadsheet());
  }

  count(handler?: string): number {
    return spreadsheetTriggers().filter(
      (t) =>
        (!handler || t.getHandlerFunction() === handler) &&
        t.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
    ).length;
  }
}

export class GasDocumentProperties implements KeyValueStore {
  private readonly store = PropertiesService.getDocumentProperties();

  get(key: string): string | null {
    return this.store.getProperty(key);
  }

  set(key: string, value: string): void {
    this.store.setProperty(key, value);
  }

  all(): Record<string, string> {
    return this.store.getProperties();
  }

  setAll(entries: Record<string, string>): void {
    this.store.setProperties(entries);
  }
}

/** The spreadsheet's document cache (CacheService); entries expire after at most 6 hours. */
export class GasDocumentCache implements CacheStore {
  private handle: GoogleAppsScript.Cache.Cache | null = null;

  private get cache(): GoogleAppsScript.Cache.Cache {
    this.handle ??= CacheService.getDocumentCache() ?? CacheService.getScriptCache();
    return this.handle;
  }

  getAll(keys: readonly string[]): Record<string, string> {
    return keys.length === 0 ? {} : this.cache.getAll(keys.slice());
  }

  putAll(entries: Record<string, string>, seconds: number): void {
    if (Object.keys(entries).length > 0) this.cache.putAll(entries, seconds);
  }
}

export class GasLock implements Lock {
  /**
   * `document`: the spreadsheet's lock (submissions, mail); `script`: long jobs' chunks.
   * `acquired` runs once the lock is held (the add-on's sheet store reads afresh then).
   */
  constructor(
    private readonly kind: 'document' | 'script' = 'document',
    private readonly acquired: () => void = () => {},
  ) {}

  withLock<T>(
    timeoutMs: number,
    fn: () => T,
    untilEnd = false,
  ): { ok: true; value: T } | { ok: false } {
    const lock =
      this.kind === 'script'
        ? LockService.getScriptLock()
        : (LockService.getDocumentLock() ?? LockService.getScriptLock());
    if (!lock.tryLock(timeoutMs)) return { ok: false };
    // Kept to the end: Apps Script commits the writes, then releases the lock (Lock docs: a
    // release before the end needs SpreadsheetApp.flush() first, or the next holder may read
    // the sheet without them).
    if (untilEnd) {
      this.acquired();
      return { ok: true, value: fn() };
    }
    try {
      this.acquired();
      return { ok: true, value: fn() };
    } finally {
      lock.releaseLock();
    }
  }
}

export class GasClock implements Clock {
  now(): Date {
    return new Date();
  }

  timeZone(): string {
    return Session.getScriptTimeZone();
  }

  format(date: Date, pattern: string): string {
    return Utilities.formatDate(date, this.timeZone(), pattern);
  }
}

/** Dialogs where a person is looking; where none is (a trigger), only the toast/log. */
export class GasUi implements Ui {
  alert(title: string, message: string): void {
    try {
      const ui = SpreadsheetApp.getUi();
      ui.alert(title, message, ui.ButtonSet.OK);
    } catch {
      console.log(`${title}: ${message}`);
    }
  }

  toast(message: string): void {
    monitoredSpreadsheet().toast(message);
  }
}

const SECRET_KEY = 'access.secret';

function scriptStore(): KeyValueStore {
  const store = PropertiesService.getScriptProperties();
  return {
    get: (key) => store.getProperty(key),
    set: (key, value) => void store.setProperty(key, value),
  };
}

/**
 * The secret lives in script properties: the spreadsheet's editors cannot read it there (the
 * script's editors can, see README). An add-on is one script for every installation, so the
 * add-on build keeps one secret per spreadsheet, in the spreadsheet's own store (`perSpreadsheet`,
 * adapters/gas/sheet-properties.ts), which its time-driven triggers can reach too.
 */
export class GasAccessCodes implements AccessCodes {
  private secret: string | null = null;

  constructor(private readonly perSpreadsheet: KeyValueStore | null = null) {}

  code(schoolId: string, period: string): string {
    if (this.secret === null) {
      const store = this.perSpreadsheet ?? scriptStore();
      this.secret = store.get(SECRET_KEY);
      if (!this.secret) {
        this.secret = Utilities.getUuid() + Utilities.getUuid();
        store.set(SECRET_KEY, this.secret);
      }
    }
    const bytes = Utilities.computeHmacSha256Signature(
      accessCodeMessage(schoolId, period),
      this.secret,
    );
    return accessCodeFromBytes(bytes);
  }
}
