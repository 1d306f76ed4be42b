import type { Ports } from '../../ports';
import { GasDocumentWriter } from './documents';
import { GasFormBuilder } from './forms';
import { GasSheetStore } from './sheets';
import {
  GasAccessCodes,
  GasClock,
  GasDocumentCache,
  GasDocumentProperties,
  GasLock,
  GasMailer,
  GasTriggers,
  GasUi,
} from './services';

/**
 * The ports over the real (or emulated) Apps Script services, made per execution; `ss` when
 * the event brings the spreadsheet (`e.source`), which saves looking it up.
 */
export function gasPorts(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Ports {
  const properties = new GasDocumentProperties();
  return {
    sheets: new GasSheetStore(ss),
    forms: new GasFormBuilder(),
    documents: new GasDocumentWriter(),
    mailer: new GasMailer(),
    triggers: new GasTriggers(),
    properties,
    cache: new GasDocumentCache(),
    lock: new GasLock('document'),
    jobLock: new GasLock('script'),
    clock: new GasClock(),
    ui: new GasUi(),
    accessCodes: new GasAccessCodes(),
  };
}
