import type { Ports } from '../../ports';
import { GasDocumentWriter } from './documents';
import { GasFormBuilder } from './forms';
import { GasSheetStore } from './sheets';
import {
  GasAccessCodes,
  GasClock,
  GasDocumentProperties,
  GasLock,
  GasMailer,
  GasTriggers,
  GasUi,
} from './services';

/** The ports over the real (or emulated) Apps Script services, made per execution. */
export function gasPorts(): Ports {
  const properties = new GasDocumentProperties();
  return {
    sheets: new GasSheetStore(),
    forms: new GasFormBuilder(),
    documents: new GasDocumentWriter(),
    mailer: new GasMailer(),
    triggers: new GasTriggers(),
    properties,
    lock: new GasLock('document'),
    jobLock: new GasLock('script'),
    clock: new GasClock(),
    ui: new GasUi(),
    accessCodes: new GasAccessCodes(),
  };
}
