/**
 * The emulated FormApp (see forms/app.ts for the non-Google helpers, forms/destination.ts for
 * how the responses sheet is kept).
 */
export { createFormApp, FormAppImpl } from './forms/app';
export type { EmulatedForm, FormExtras } from './forms/form';
export type { EmulatedFormResponse, ResponseExtras } from './forms/responses';
export type { FormSubmitPayload, SpreadsheetOpener } from './forms/model';
export type { AnswerCheck, ValidationData, ValidationRule } from './forms/validation';
