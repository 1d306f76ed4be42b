/**
 * The state behind the emulated forms. Google objects (Form, Item, FormResponse) are thin
 * views over these records, so two `getItemById` calls see the same item, as in Apps Script.
 */
import type { Runtime } from '../../runtime';
import type { ItemTypeName, PageNavigationName } from './enums';
import type { EmulatedForm } from './form';
import type { ItemContext } from './item-base';
import type { EmulatedFormResponse } from './responses';
import type { ValidationData } from './validation';

export interface ChoiceData {
  value: string;
  isCorrect: boolean;
  navigation: PageNavigationName | null;
  goToPageId: number | null;
}

export interface ItemData {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: ChoiceData[];
  hasOtherOption: boolean;
  lowerBound: number;
  upperBound: number;
  leftLabel: string;
  rightLabel: string;
  validation: ValidationData | null;
}

/** A text-like answer is a string; a checkbox answer is the list of ticked choices. */
export type AnswerValue = string | string[];

export interface ResponseData {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  /** Answers by item id, in the order they were given. */
  answers: Map<number, AnswerValue>;
  /** 1-based row in the destination sheet, once written there. */
  row: number | null;
}

/** One column of the responses sheet. Columns never move once created (as in Google). */
export type DestinationColumn =
  { kind: 'timestamp' } | { kind: 'email' } | { kind: 'item'; itemId: number; lastTitle: string };

export interface DestinationState {
  spreadsheetId: string;
  /** Remembered by id: the product renames the sheet. */
  sheetId: number;
  columns: DestinationColumn[];
  /** The header as last written, so only changes are written again. */
  writtenHeader: string[];
  /** The spreadsheet's locale and time zone when linked: how event values are displayed. */
  locale: string;
  timeZone: string;
}

/**
 * What FormApp emits on the runtime bus as `formSubmit` after a response is stored (and again
 * after it is edited); ScriptApp turns it into trigger events.
 */
export interface FormSubmitPayload {
  formId: string;
  form: GoogleAppsScript.Forms.Form;
  response: GoogleAppsScript.Forms.FormResponse;
  /** True when an existing response was edited (its sheet row was updated in place). */
  isEdit: boolean;
  /** The rest is present only when the form has a spreadsheet destination. */
  spreadsheetId?: string;
  sheetId?: number;
  row?: number;
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  range?: GoogleAppsScript.Spreadsheet.Range;
  /** The row as displayed strings, as Google passes them to `e.values`. */
  values?: string[];
  namedValues?: Record<string, string[]>;
}

export interface FormData {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  confirmationMessage: string;
  customClosedFormMessage: string;
  collectEmail: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  acceptingResponses: boolean;
  /**
   * Since mid-2026 a form created through the API starts unpublished and takes no responses
   * until `setPublished(true)` (or `FormApp.create(title, true)`).
   */
  published: boolean;
  progressBar: boolean;
  items: ItemData[];
  responses: ResponseData[];
  destination: DestinationState | null;
}

/** All FormApp needs from SpreadsheetApp: Google's public API, nothing internal. */
export type SpreadsheetOpener = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'openById'> & {
  /** The spreadsheet emulator's non-Google hook: run without counting (Google acting itself). */
  __silently?: <T>(fn: () => T) => T;
};

/**
 * What Google Forms does to its destination spreadsheet happens on Google's side, not in the
 * script's execution: it is not counted against the script's calls.
 */
export function asGoogle<T>(store: { spreadsheetApp: SpreadsheetOpener }, fn: () => T): T {
  const silently = store.spreadsheetApp.__silently;
  return silently ? (silently.call(store.spreadsheetApp, fn) as T) : fn();
}

/**
 * The views over the data that lower modules hand out (an answer's item, a submission's form
 * and response). Built in views.ts, so no module imports one above it.
 */
export interface FormViews {
  item(ctx: ItemContext): GoogleAppsScript.Forms.Item;
  form(data: FormData): EmulatedForm;
  response(form: FormData, data: ResponseData): EmulatedFormResponse;
}

/** Everything the FormApp instance knows, shared by its views. */
export interface FormStore {
  rt: Runtime;
  spreadsheetApp: SpreadsheetOpener;
  forms: Map<string, FormData>;
  activeFormId: string | null;
  nextItemId(): number;
  views: FormViews;
}

export function newItemData(id: number, type: ItemTypeName): ItemData {
  return {
    id,
    type,
    title: '',
    helpText: '',
    required: false,
    choices: [],
    hasOtherOption: false,
    lowerBound: 1,
    upperBound: 5,
    leftLabel: '',
    rightLabel: '',
    validation: null,
  };
}
