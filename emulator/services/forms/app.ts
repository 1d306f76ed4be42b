/**
 * The emulated `FormApp` global.
 *
 * Non-Google helpers (for tests and the offline runner):
 * - `FormApp.__validateAnswer(item, value)` applies an item's required flag and stored
 *   validation rule as the form UI would (script submits never check them, as in Google).
 * - `FormApp.__getValidation(item)` returns the stored rule (Google has no getter).
 * - `FormApp.__setActiveForm(formOrId | null)` makes `getActiveForm()` return that form, as in a
 *   script bound to it (unbound, `getActiveForm()` is null).
 * See also `form.__editResponse` (form.ts) and `response.__setRespondentEmail` (responses.ts).
 */
import type { Runtime } from '../../runtime';
import { Alignment, DestinationType, FeedbackType, ItemType, PageNavigationType } from './enums';
import { FormView, formView, type EmulatedForm } from './form';
import { ItemView } from './item-base';
import type { FormData, FormStore, SpreadsheetOpener } from './model';
import {
  CheckboxValidationBuilderImpl,
  ParagraphTextValidationBuilderImpl,
  TextValidationBuilderImpl,
  checkAnswer,
  type AnswerCheck,
  type ValidationData,
} from './validation';
import { asGas, gasEnum, gasError, invalidArgument } from '../gas';
import { formViews } from './views';

type FormApp = GoogleAppsScript.Forms.FormApp;
type Emulated =
  | 'Alignment'
  | 'DestinationType'
  | 'FeedbackType'
  | 'ItemType'
  | 'PageNavigationType'
  | 'create'
  | 'openById'
  | 'openByUrl'
  | 'getActiveForm'
  | 'createTextValidation'
  | 'createParagraphTextValidation'
  | 'createCheckboxValidation';

const NOT_FOUND =
  'No item with the given ID could be found, or you do not have permission to access it.';

export class FormAppImpl implements Pick<FormApp, Emulated> {
  readonly Alignment = gasEnum<typeof GoogleAppsScript.Forms.Alignment>(Alignment);
  readonly DestinationType =
    gasEnum<typeof GoogleAppsScript.Forms.DestinationType>(DestinationType);
  readonly FeedbackType = gasEnum<typeof GoogleAppsScript.Forms.FeedbackType>(FeedbackType);
  readonly ItemType = gasEnum<typeof GoogleAppsScript.Forms.ItemType>(ItemType);
  readonly PageNavigationType =
    gasEnum<typeof GoogleAppsScript.Forms.PageNavigationType>(PageNavigationType);

  constructor(private readonly store: FormStore) {}

  private get rt(): Runtime {
    return this.store.rt;
  }

  /**
   * A script's form starts unpublished unless `isPublished` says otherwise; one made outside a
   * script (a test acting as the person who builds a form in the editor) starts published.
   */
  create(title: string, isPublished?: boolean): EmulatedForm {
    this.rt.assertWritable('FormApp.create');
    this.rt.record('FormApp', 'FormApp.create');
    if (typeof title !== 'string') throw invalidArgument('title');
    const data: FormData = {
      id: this.rt.nextId('1FormId'),
      publishedId: this.rt.nextId('1FAIpQLS'),
      title,
      description: '',
      confirmationMessage: '',
      customClosedFormMessage: '',
      collectEmail: false,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      acceptingResponses: true,
      published: isPublished ?? this.rt.execution() === null,
      progressBar: false,
      items: [],
      responses: [],
      destination: null,
    };
    this.store.forms.set(data.id, data);
    return formView(this.store, data);
  }

  openById(id: string): EmulatedForm {
    this.rt.record('FormApp', 'FormApp.openById');
    const data = this.store.forms.get(id);
    if (!data) throw gasError(NOT_FOUND);
    return formView(this.store, data);
  }

  /** Accepts the edit URL or the published URL of a form. */
  openByUrl(url: string): EmulatedForm {
    this.rt.record('FormApp', 'FormApp.openByUrl');
    const m = /\/forms\/d\/(e\/)?([^/?#]+)/.exec(String(url));
    const data = m
      ? m[1]
        ? [...this.store.forms.values()].find((f) => f.publishedId === m[2])
        : this.store.forms.get(m[2])
      : undefined;
    if (!data) throw gasError(NOT_FOUND);
    return formView(this.store, data);
  }

  /** Null unless the script is bound to a form (see `__setActiveForm`). */
  getActiveForm(): EmulatedForm {
    this.rt.record('FormApp', 'FormApp.getActiveForm');
    const data =
      this.store.activeFormId === null ? undefined : this.store.forms.get(this.store.activeFormId);
    return data ? formView(this.store, data) : asGas<EmulatedForm>(null);
  }

  createTextValidation(): GoogleAppsScript.Forms.TextValidationBuilder {
    this.rt.record('FormApp', 'FormApp.createTextValidation');
    return asGas<GoogleAppsScript.Forms.TextValidationBuilder>(
      new TextValidationBuilderImpl(this.rt),
    );
  }

  createParagraphTextValidation(): GoogleAppsScript.Forms.ParagraphTextValidationBuilder {
    this.rt.record('FormApp', 'FormApp.createParagraphTextValidation');
    return asGas<GoogleAppsScript.Forms.ParagraphTextValidationBuilder>(
      new ParagraphTextValidationBuilderImpl(this.rt),
    );
  }

  createCheckboxValidation(): GoogleAppsScript.Forms.CheckboxValidationBuilder {
    this.rt.record('FormApp', 'FormApp.createCheckboxValidation');
    return asGas<GoogleAppsScript.Forms.CheckboxValidationBuilder>(
      new CheckboxValidationBuilderImpl(this.rt),
    );
  }

  /** Non-Google: would the form UI accept `value` for this item? (Not counted.) */
  __validateAnswer(item: unknown, value: string | string[]): AnswerCheck {
    if (!(item instanceof ItemView)) throw invalidArgument('item');
    const data = item.__context.data;
    return checkAnswer(data.required, data.validation, value);
  }

  /** Non-Google: the validation rule stored on an item (Google has no getter), or null. */
  __getValidation(item: unknown): ValidationData | null {
    if (!(item instanceof ItemView)) throw invalidArgument('item');
    return item.__context.data.validation;
  }

  /** Non-Google: binds the script to a form (or unbinds it with null). */
  __setActiveForm(form: GoogleAppsScript.Forms.Form | string | null): void {
    if (form === null) this.store.activeFormId = null;
    else if (typeof form === 'string') this.store.activeFormId = form;
    else if (form instanceof FormView) this.store.activeFormId = form.data.id;
    else throw invalidArgument('form');
  }
}

export function createFormApp(rt: Runtime, spreadsheetApp: SpreadsheetOpener): FormAppImpl {
  let lastItemId = 1_000_000_000;
  const store: FormStore = {
    rt,
    spreadsheetApp,
    forms: new Map(),
    activeFormId: null,
    // Google's item ids are large integers, unique and stable.
    nextItemId: () => (lastItemId += 7919),
    get views() {
      return views;
    },
  };
  const views = formViews(store);
  return new FormAppImpl(store);
}
