/**
 * The emulated Form: settings, items, responses and the responses sheet.
 *
 * Non-Google: `form.__editResponse(responseId, itemResponses)` does what a respondent does with
 * the edit link (Google offers scripts no way to change a stored response): the answers given
 * replace the old ones, the id stays, the timestamp becomes now, the response's row in the
 * responses sheet is rewritten in place and the submit triggers fire again. It needs
 * `setAllowResponseEdits(true)`, as the edit link does.
 */
import { ANSWERABLE_TYPES, type ItemTypeName } from './enums';
import { attachDestination, noDestinationError, syncHeader } from './destination';
import { ItemView, type ItemContext } from './item-base';
import { genericItem, typedItem } from './item-generic';
import { ItemResponseImpl } from './item-response';
import { newItemData, type FormData, type FormStore } from './model';
import {
  FormResponseImpl,
  newResponseData,
  responseView,
  type EmulatedFormResponse,
} from './responses';
import { publishSubmission } from './submission';
import { editUrl, publishedUrl, summaryUrl } from './urls';
import { asGas, gasEnumMember, unchecked, gasError, invalidArgument } from '../gas';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type FormResponse = GoogleAppsScript.Forms.FormResponse;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

export interface FormExtras {
  __editResponse(responseId: string, answers: ItemResponse[]): FormResponse;
}
/** Google's Form, whose `createResponse()` builder shows the non-Google helpers. */
export type EmulatedForm = Omit<Form, 'createResponse'> &
  FormExtras & { createResponse(): EmulatedFormResponse };

type Emulated =
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getConfirmationMessage'
  | 'setConfirmationMessage'
  | 'getCustomClosedFormMessage'
  | 'setCustomClosedFormMessage'
  | 'getEditUrl'
  | 'getPublishedUrl'
  | 'getSummaryUrl'
  | 'shortenFormUrl'
  | 'collectsEmail'
  | 'setCollectEmail'
  | 'canEditResponse'
  | 'setAllowResponseEdits'
  | 'hasLimitOneResponsePerUser'
  | 'setLimitOneResponsePerUser'
  | 'isAcceptingResponses'
  | 'setAcceptingResponses'
  | 'hasProgressBar'
  | 'setProgressBar'
  | 'getItems'
  | 'getItemById'
  | 'deleteItem'
  | 'moveItem'
  | 'addTextItem'
  | 'addParagraphTextItem'
  | 'addMultipleChoiceItem'
  | 'addListItem'
  | 'addCheckboxItem'
  | 'addScaleItem'
  | 'addSectionHeaderItem'
  | 'addPageBreakItem'
  | 'setDestination'
  | 'getDestinationId'
  | 'getDestinationType'
  | 'removeDestination'
  | 'createResponse'
  | 'getResponses'
  | 'getResponse'
  | 'deleteAllResponses'
  | 'deleteResponse';

export class FormView implements Pick<Form, Emulated>, FormExtras {
  constructor(
    private readonly store: FormStore,
    readonly data: FormData,
  ) {}

  private read(method: string): void {
    this.store.rt.record('FormApp', `Form.${method}`);
  }

  private write(method: string): void {
    this.store.rt.assertWritable(`Form.${method}`);
    this.store.rt.record('FormApp', `Form.${method}`);
  }

  private self(): EmulatedForm {
    return asGas<EmulatedForm>(this);
  }

  private ctx(index: number): ItemContext {
    return { store: this.store, form: this.data, data: this.data.items[index] };
  }

  getId(): string {
    this.read('getId');
    return this.data.id;
  }
  getTitle(): string {
    this.read('getTitle');
    return this.data.title;
  }
  setTitle(title: string): EmulatedForm {
    this.write('setTitle');
    this.data.title = String(title);
    return this.self();
  }
  getDescription(): string {
    this.read('getDescription');
    return this.data.description;
  }
  setDescription(description: string): EmulatedForm {
    this.write('setDescription');
    this.data.description = String(description);
    return this.self();
  }
  getConfirmationMessage(): string {
    this.read('getConfirmationMessage');
    return this.data.confirmationMessage;
  }
  setConfirmationMessage(message: string): EmulatedForm {
    this.write('setConfirmationMessage');
    this.data.confirmationMessage = String(message);
    return this.self();
  }
  getCustomClosedFormMessage(): string {
    this.read('getCustomClosedFormMessage');
    return this.data.customClosedFormMessage;
  }
  setCustomClosedFormMessage(message: string): EmulatedForm {
    this.write('setCustomClosedFormMessage');
    this.data.customClosedFormMessage = String(message);
    return this.self();
  }
  getEditUrl(): string {
    this.read('getEditUrl');
    return editUrl(this.data);
  }
  getPublishedUrl(): string {
    this.read('getPublishedUrl');
    return publishedUrl(this.data);
  }
  getSummaryUrl(): string {
    this.read('getSummaryUrl');
    return summaryUrl(this.data);
  }
  /** A stable short link per long one (Google's forms.gle links). */
  shortenFormUrl(url: string): string {
    this.read('shortenFormUrl');
    if (typeof url !== 'string' || !url.startsWith('https://docs.google.com/forms/'))
      throw invalidArgument('url');
    let hash = 0;
    for (const ch of url) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `https://forms.gle/${hash.toString(36)}`;
  }

  collectsEmail(): boolean {
    this.read('collectsEmail');
    return this.data.collectEmail;
  }
  setCollectEmail(collect: boolean): EmulatedForm {
    this.write('setCollectEmail');
    this.data.collectEmail = Boolean(collect);
    syncHeader(this.store, this.data);
    return this.self();
  }
  canEditResponse(): boolean {
    this.read('canEditResponse');
    return this.data.allowResponseEdits;
  }
  setAllowResponseEdits(enabled: boolean): EmulatedForm {
    this.write('setAllowResponseEdits');
    this.data.allowResponseEdits = Boolean(enabled);
    return this.self();
  }
  hasLimitOneResponsePerUser(): boolean {
    this.read('hasLimitOneResponsePerUser');
    return this.data.limitOneResponsePerUser;
  }
  setLimitOneResponsePerUser(enabled: boolean): EmulatedForm {
    this.write('setLimitOneResponsePerUser');
    this.data.limitOneResponsePerUser = Boolean(enabled);
    return this.self();
  }
  /** Not yet in @types/google-apps-script: Google's since 2026. */
  isPublished(): boolean {
    this.read('isPublished');
    return this.data.published;
  }
  setPublished(published: boolean): EmulatedForm {
    this.write('setPublished');
    this.data.published = Boolean(published);
    return this.self();
  }
  isAcceptingResponses(): boolean {
    this.read('isAcceptingResponses');
    return this.data.acceptingResponses;
  }
  setAcceptingResponses(enabled: boolean): EmulatedForm {
    this.write('setAcceptingResponses');
    this.data.acceptingResponses = Boolean(enabled);
    return this.self();
  }
  hasProgressBar(): boolean {
    this.read('hasProgressBar');
    return this.data.progressBar;
  }
  setProgressBar(enabled: boolean): EmulatedForm {
    this.write('setProgressBar');
    this.data.progressBar = Boolean(enabled);
    return this.self();
  }

  getItems(itemType?: GoogleAppsScript.Forms.ItemType): Item[] {
    this.read('getItems');
    const type = itemType as unknown as ItemTypeName | undefined;
    return this.data.items
      .map((_, i) => this.ctx(i))
      .filter((c) => type === undefined || c.data.type === type)
      .map((c) => genericItem(c));
  }

  /** Null when no item has this id, as in Google. */
  getItemById(id: number): Item {
    this.read('getItemById');
    const index = this.data.items.findIndex((i) => i.id === Number(id));
    return index < 0 ? asGas<Item>(null) : genericItem(this.ctx(index));
  }

  private indexOf(itemOrIndex: number | Item, name: string): number {
    const index =
      typeof itemOrIndex === 'number'
        ? itemOrIndex
        : itemOrIndex instanceof ItemView && itemOrIndex.__context.form === this.data
          ? this.data.items.indexOf(itemOrIndex.__context.data)
          : -1;
    if (!Number.isInteger(index) || index < 0 || index >= this.data.items.length)
      throw invalidArgument(name);
    return index;
  }

  /** The item's column in the responses sheet stays, with its answers (as in Google). */
  deleteItem(itemOrIndex: number | Item): void {
    this.write('deleteItem');
    this.data.items.splice(this.indexOf(itemOrIndex, 'index'), 1);
  }

  moveItem(from: number | Item, toIndex: number): Item {
    this.write('moveItem');
    const index = this.indexOf(from, 'from');
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= this.data.items.length)
      throw invalidArgument('to');
    const [item] = this.data.items.splice(index, 1);
    this.data.items.splice(toIndex, 0, item);
    return genericItem(this.ctx(toIndex));
  }

  private addItem<T>(method: string, type: ItemTypeName): T {
    this.write(method);
    this.data.items.push(newItemData(this.store.nextItemId(), type));
    // Google adds the question's column to a linked responses sheet right away.
    if (ANSWERABLE_TYPES.has(type)) syncHeader(this.store, this.data);
    return unchecked<T>(typedItem(this.ctx(this.data.items.length - 1)));
  }

  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.addItem('addTextItem', 'TEXT');
  }
  addParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.addItem('addParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.addItem('addMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  addListItem(): GoogleAppsScript.Forms.ListItem {
    return this.addItem('addListItem', 'LIST');
  }
  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.addItem('addCheckboxItem', 'CHECKBOX');
  }
  addScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.addItem('addScaleItem', 'SCALE');
  }
  addSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.addItem('addSectionHeaderItem', 'SECTION_HEADER');
  }
  addPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.addItem('addPageBreakItem', 'PAGE_BREAK');
  }

  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): EmulatedForm {
    this.write('setDestination');
    if ((type as unknown as string) !== 'SPREADSHEET') throw invalidArgument('type');
    if (typeof id !== 'string' || id === '') throw invalidArgument('id');
    attachDestination(this.store, this.data, id);
    return this.self();
  }
  getDestinationId(): string {
    this.read('getDestinationId');
    if (!this.data.destination) throw noDestinationError();
    return this.data.destination.spreadsheetId;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    this.read('getDestinationType');
    if (!this.data.destination) throw noDestinationError();
    return gasEnumMember<GoogleAppsScript.Forms.DestinationType>('SPREADSHEET');
  }
  /** Unlinks; the sheet and its rows stay where they are. */
  removeDestination(): EmulatedForm {
    this.write('removeDestination');
    this.data.destination = null;
    for (const r of this.data.responses) r.row = null;
    return this.self();
  }

  createResponse(): EmulatedFormResponse {
    this.read('createResponse');
    return asGas<EmulatedFormResponse>(
      new FormResponseImpl(this.store, this.data, newResponseData(), false),
    );
  }
  /** In submission order; with a timestamp, only those submitted (or edited) at or after it. */
  getResponses(timestamp?: GoogleAppsScript.Base.Date): FormResponse[] {
    this.read('getResponses');
    const from = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this.data.responses
      .filter((r) => r.timestamp.getTime() >= from)
      .map((r) => responseView(this.store, this.data, r));
  }
  getResponse(responseId: string): FormResponse {
    this.read('getResponse');
    const r = this.data.responses.find((x) => x.id === responseId);
    if (!r) throw gasError(`No response with ID ${responseId} exists for this form.`);
    return responseView(this.store, this.data, r);
  }
  /** Forgets the responses; rows already in the responses sheet stay (as in Google). */
  deleteAllResponses(): EmulatedForm {
    this.write('deleteAllResponses');
    this.data.responses = [];
    return this.self();
  }
  deleteResponse(responseId: string): EmulatedForm {
    this.write('deleteResponse');
    const index = this.data.responses.findIndex((x) => x.id === responseId);
    if (index < 0) throw gasError(`No response with ID ${responseId} exists for this form.`);
    this.data.responses.splice(index, 1);
    return this.self();
  }

  __editResponse(responseId: string, answers: ItemResponse[]): FormResponse {
    this.store.rt.assertWritable('Form.__editResponse');
    if (!this.data.allowResponseEdits)
      throw gasError('This form does not allow respondents to edit their responses.');
    const r = this.data.responses.find((x) => x.id === responseId);
    if (!r) throw gasError(`No response with ID ${responseId} exists for this form.`);
    for (const a of answers) {
      if (!(a instanceof ItemResponseImpl) || a.ctx.form !== this.data)
        throw invalidArgument('answers');
    }
    for (const a of answers as unknown as ItemResponseImpl[]) r.answers.set(a.ctx.data.id, a.value);
    r.timestamp = this.store.rt.clock.now();
    publishSubmission(this.store, this.data, r, true);
    return responseView(this.store, this.data, r);
  }
}

export function formView(store: FormStore, data: FormData): EmulatedForm {
  return asGas<EmulatedForm>(new FormView(store, data));
}
