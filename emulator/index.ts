/**
 * Our embedded Google: one call builds every emulated service over one shared runtime.
 * The loader installs these objects as the globals of a fresh script scope.
 */
import { Runtime, type RuntimeOptions } from './runtime';
import { createSpreadsheetApp } from './services/spreadsheet';
import type { EmulatedSpreadsheetApp } from './services/spreadsheet/app';
import { createFormApp } from './services/forms';
import { createScriptApp } from './services/script';
import { createDocumentApp } from './services/documents';
import { createDriveApp } from './services/drive';
import { createMailApp } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createLockService } from './services/lock';
import { createCacheService } from './services/cache';
import { createUtilities } from './services/utilities';
import { createSession } from './services/session';
import { createHtmlService } from './services/html';
import { createLogger } from './services/logger';
import { createCharts } from './services/charts';
import { createAdvancedDrive } from './services/advanced-drive';

export function createGoogle(options: RuntimeOptions = {}) {
  const runtime = new Runtime(options);
  const DriveApp = createDriveApp(runtime);
  const SpreadsheetApp = createSpreadsheetApp(runtime);
  const FormApp = createFormApp(runtime, SpreadsheetApp);
  const ScriptApp = createScriptApp(runtime);
  const DocumentApp = createDocumentApp(runtime, DriveApp);
  return {
    runtime,
    SpreadsheetApp,
    FormApp,
    ScriptApp,
    DocumentApp,
    DriveApp,
    /** The advanced Drive service (v3): a global only when the manifest enables it (loader). */
    Drive: createAdvancedDrive(runtime, DriveApp, DocumentApp),
    MailApp: createMailApp(runtime),
    PropertiesService: createPropertiesService(
      runtime,
      () => (SpreadsheetApp as unknown as EmulatedSpreadsheetApp).__active()?.id ?? null,
    ),
    LockService: createLockService(runtime),
    CacheService: createCacheService(runtime),
    Utilities: createUtilities(runtime),
    Session: createSession(runtime),
    HtmlService: createHtmlService(runtime),
    Logger: createLogger(runtime),
    Charts: createCharts(runtime),
  };
}

export type Google = ReturnType<typeof createGoogle>;
export { Runtime } from './runtime';
