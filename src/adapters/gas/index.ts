import type { Ports } from '../../ports';
import { GasDocumentWriter } from './documents';
import { GasFormBuilder } from './forms';
import { GasSheetProperties } from './sheet-properties';
import { GasSheetStore } from './sheets';
import { addOn } from './spreadsheet';
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
 * the event brings the spreadsheet (`e.source`), which saves looking it up. The add-on build
 * keeps its state in a hidden sheet (sheet-properties.ts), read again under each lock.
 */
export function gasPorts(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Ports {
  const sheetStore = addOn() ? new GasSheetProperties() : null;
  const properties = sheetStore ?? new GasDocumentProperties();
  const fresh = () => sheetStore?.invalidate();
  return {
    sheets: new GasSheetStore(ss),
    forms: new GasFormBuilder(),
    documents: new GasDocumentWriter(),
    mailer: new GasMailer(),
    triggers: new GasTriggers(),
    properties,
    cache: new GasDocumentCache(),
    lock: new GasLock('document', fresh),
    jobLock: new GasLock('script', fresh),
    clock: new GasClock(),
    ui: new GasUi(),
    accessCodes: new GasAccessCodes(sheetStore),
  };
}
