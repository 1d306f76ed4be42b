import { monitoredSpreadsheet } from './spreadsheet';
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
    const exists = ScriptApp.getProjectTriggers().some(
      (t) => t.getHandlerFunction() === handler && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
    if (exists) return false;
    ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).create();
    return true;
  }

  remove(handler: string): number {
    const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
    for (const t of mine) ScriptApp.deleteTrigger(t);
    return mine.length;
  }

  list(): TriggerInfo[] {
    const types = ScriptApp.EventType;
    return ScriptApp.getProjectTriggers().map((t) => {
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
    const trigger = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === id);
    if (!trigger) return false;
    ScriptApp.deleteTrigger(trigger);
    return true;
  }

  once(handler: string, afterMs: number): string {
    return ScriptApp.newTrigger(handler).timeBased().after(afterMs).create().getUniqueId();
  }

  createDaily(handler: string, hour: number): string {
    return ScriptApp.newTrigger(handler)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .create()
      .getUniqueId();
  }

  createFormSubmit(handler: string): string {
    return ScriptApp.newTrigger(handler)
      .forSpreadsheet(monitoredSpreadsheet())
      .onFormSubmit()
      .create()
      .getUniqueId();
  }

  count(handler?: string): number {
    return ScriptApp.getProjectTriggers().filter(
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
  /** `document`: the spreadsheet's lock (submissions, mail); `script`: long jobs' chunks. */
  constructor(private readonly kind: 'document' | 'script' = 'document') {}

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
    if (untilEnd) return { ok: true, value: fn() };
    try {
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

/** Set by the build: true when built to be published as an Editor add-on. */
declare const __ADDON__: boolean | undefined;

/**
 * The secret lives in script properties: the spreadsheet's editors cannot read it there (the
 * script's editors can, see README). An add-on is one script for every installation, so the
 * add-on build keeps one secret per spreadsheet, in its document properties.
 */
export class GasAccessCodes implements AccessCodes {
  private secret: string | null = null;

  constructor(private readonly perSpreadsheet = typeof __ADDON__ !== 'undefined' && __ADDON__) {}

  code(schoolId: string, period: string): string {
    if (this.secret === null) {
      const store = this.perSpreadsheet
        ? PropertiesService.getDocumentProperties()
        : PropertiesService.getScriptProperties();
      this.secret = store.getProperty(SECRET_KEY);
      if (!this.secret) {
        this.secret = Utilities.getUuid() + Utilities.getUuid();
        store.setProperty(SECRET_KEY, this.secret);
      }
    }
    const bytes = Utilities.computeHmacSha256Signature(
      accessCodeMessage(schoolId, period),
      this.secret,
    );
    return accessCodeFromBytes(bytes);
  }
}
