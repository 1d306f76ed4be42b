/**
 * FormResponse: both the builder a script fills (`form.createResponse()`) and a stored
 * response (`form.getResponses()`).
 *
 * Non-Google: `__setRespondentEmail(email)` on an unsubmitted response sets what
 * `getRespondentEmail()` returns (Google takes it from the signed-in respondent; a script
 * submit has none, so it is '' unless set).
 */
import { ItemView } from './item-base';
import { ItemResponseImpl } from './item-response';
import type { FormData, FormStore, ResponseData } from './model';
import { publishSubmission } from './submission';
import { editResponseUrl, prefilledUrl } from './urls';
import { asGas, gasError, invalidArgument } from '../gas';

type FormResponse = GoogleAppsScript.Forms.FormResponse;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

export interface ResponseExtras {
  __setRespondentEmail(email: string): EmulatedFormResponse;
}
/** Google's FormResponse, whose builder chain keeps the non-Google helper in view. */
export type EmulatedFormResponse = Omit<FormResponse, 'withItemResponse'> &
  ResponseExtras & { withItemResponse(response: ItemResponse): EmulatedFormResponse };

export function newResponseData(): ResponseData {
  return { id: '', timestamp: new Date(0), respondentEmail: '', answers: new Map(), row: null };
}

export class FormResponseImpl
  implements
    Pick<
      FormResponse,
      | 'getEditResponseUrl'
      | 'getId'
      | 'getItemResponses'
      | 'getRespondentEmail'
      | 'getResponseForItem'
      | 'getTimestamp'
      | 'submit'
      | 'toPrefilledUrl'
      | 'withItemResponse'
    >,
    ResponseExtras
{
  constructor(
    private readonly store: FormStore,
    private readonly form: FormData,
    private readonly data: ResponseData,
    private submitted: boolean,
  ) {}

  private read(method: string): void {
    this.store.rt.record('FormApp', `FormResponse.${method}`);
  }

  private self(): EmulatedFormResponse {
    return asGas<EmulatedFormResponse>(this);
  }

  private assertOpen(): void {
    if (this.submitted) throw gasError('This response has already been submitted.');
  }

  /** Null before submission, as in Google. */
  getId(): string {
    this.read('getId');
    return this.submitted ? this.data.id : asGas<string>(null);
  }

  getTimestamp(): GoogleAppsScript.Base.Date {
    this.read('getTimestamp');
    return this.submitted ? new Date(this.data.timestamp.getTime()) : asGas<Date>(null);
  }

  getRespondentEmail(): string {
    this.read('getRespondentEmail');
    return this.data.respondentEmail;
  }

  getEditResponseUrl(): string {
    this.read('getEditResponseUrl');
    return this.submitted ? editResponseUrl(this.form, this.data.id) : asGas<string>(null);
  }

  toPrefilledUrl(): string {
    this.read('toPrefilledUrl');
    return prefilledUrl(this.form, this.data.answers);
  }

  /** Answers in the order of the form's items (answers to deleted items are left out). */
  getItemResponses(): ItemResponse[] {
    this.read('getItemResponses');
    const out: ItemResponse[] = [];
    for (const item of this.form.items) {
      const value = this.data.answers.get(item.id);
      if (value === undefined) continue;
      out.push(
        asGas<ItemResponse>(
          new ItemResponseImpl({ store: this.store, form: this.form, data: item }, value),
        ),
      );
    }
    return out;
  }

  getResponseForItem(item: GoogleAppsScript.Forms.Item): ItemResponse {
    this.read('getResponseForItem');
    if (!(item instanceof ItemView)) throw invalidArgument('item');
    const ctx = item.__context;
    const value = ctx.form === this.form ? this.data.answers.get(ctx.data.id) : undefined;
    return asGas<ItemResponse>(value === undefined ? null : new ItemResponseImpl(ctx, value));
  }

  withItemResponse(response: ItemResponse): EmulatedFormResponse {
    this.store.rt.assertWritable('FormResponse.withItemResponse');
    this.read('withItemResponse');
    this.assertOpen();
    if (!(response instanceof ItemResponseImpl) || response.ctx.form !== this.form)
      throw invalidArgument('response');
    this.data.answers.set(response.ctx.data.id, response.value);
    return this.self();
  }

  __setRespondentEmail(email: string): EmulatedFormResponse {
    this.assertOpen();
    this.data.respondentEmail = String(email);
    return this.self();
  }

  /**
   * Stores the response, writes it to the responses sheet and fires the submit triggers.
   * Like Google, a script submit does not check required questions or validation rules; unlike
   * a respondent it is refused when the form no longer accepts responses.
   */
  submit(): FormResponse {
    this.store.rt.assertWritable('FormResponse.submit');
    this.read('submit');
    this.assertOpen();
    if (!this.form.published) throw gasError('This form is not published.');
    if (!this.form.acceptingResponses)
      throw gasError('This form is no longer accepting responses.');
    // The builder becomes the stored response (it can no longer change), as in Google.
    this.data.id = this.store.rt.nextId('2_ABaOnu');
    this.data.timestamp = this.store.rt.clock.now();
    this.submitted = true;
    this.form.responses.push(this.data);
    publishSubmission(this.store, this.form, this.data, false);
    return asGas<FormResponse>(this);
  }
}

export function responseView(
  store: FormStore,
  form: FormData,
  data: ResponseData,
): EmulatedFormResponse {
  return asGas<EmulatedFormResponse>(new FormResponseImpl(store, form, data, true));
}
