/**
 * The common part of every emulated form item: a view over an `ItemData` record of one form.
 * `T` is the Google type the setters return (TextItem, ListItem, Item...), so each subclass
 * can declare `implements Pick<GoogleAppsScript.Forms.X, ...>` and the compiler checks it.
 */
import { ANSWERABLE_TYPES } from './enums';
import { syncHeader } from './destination';
import type { FormData, FormStore, ItemData } from './model';
import { unwrapValidation, type ValidationFamily } from './validation';
import { gasEnumMember, unchecked, gasError, invalidArgument } from '../gas';

export interface ItemContext {
  store: FormStore;
  form: FormData;
  data: ItemData;
}

export abstract class ItemView<T> {
  constructor(
    protected readonly ctx: ItemContext,
    /** The Google class name used in call counts, e.g. `TextItem`. */
    protected readonly cls: string,
  ) {}

  protected get data(): ItemData {
    return this.ctx.data;
  }

  /** Counts a read-only call. */
  protected read(method: string): void {
    this.ctx.store.rt.record('FormApp', `${this.cls}.${method}`);
  }

  /** Checks the execution may write, then counts the call. */
  protected write(method: string): void {
    this.ctx.store.rt.assertWritable(`${this.cls}.${method}`);
    this.ctx.store.rt.record('FormApp', `${this.cls}.${method}`);
  }

  protected self(): T {
    return unchecked<T>(this);
  }

  /** Emulator-internal access for the form's own code (not a Google method). */
  get __context(): ItemContext {
    return this.ctx;
  }

  getId(): number {
    this.read('getId');
    return this.data.id;
  }

  getTitle(): string {
    this.read('getTitle');
    return this.data.title;
  }

  setTitle(title: string): T {
    this.write('setTitle');
    this.data.title = String(title);
    // Google renames the question's column in the responses sheet.
    if (ANSWERABLE_TYPES.has(this.data.type)) syncHeader(this.ctx.store, this.ctx.form);
    return this.self();
  }

  getHelpText(): string {
    this.read('getHelpText');
    return this.data.helpText;
  }

  setHelpText(text: string): T {
    this.write('setHelpText');
    this.data.helpText = String(text);
    return this.self();
  }

  getType(): GoogleAppsScript.Forms.ItemType {
    this.read('getType');
    return gasEnumMember<GoogleAppsScript.Forms.ItemType>(this.data.type);
  }

  getIndex(): number {
    this.read('getIndex');
    const index = this.ctx.form.items.indexOf(this.data);
    if (index < 0) throw gasError('This item has been deleted from the form.');
    return index;
  }
}

/** Items that collect an answer: they can be required. */
export abstract class AnswerableView<T> extends ItemView<T> {
  isRequired(): boolean {
    this.read('isRequired');
    return this.data.required;
  }

  setRequired(enabled: boolean): T {
    this.write('setRequired');
    if (typeof enabled !== 'boolean') throw invalidArgument('enabled');
    this.data.required = enabled;
    return this.self();
  }

  /** `setValidation` of the items that have one; `family` is the validation kind they take. */
  protected applyValidation(validation: unknown, family: ValidationFamily): T {
    this.write('setValidation');
    this.data.validation = unwrapValidation(validation, family);
    return this.self();
  }

  /** `clearValidation` of the items that have one. */
  protected removeValidation(): T {
    this.write('clearValidation');
    this.data.validation = null;
    return this.self();
  }
}
