/** ItemResponse: one answer to one item, created by `item.createResponse(...)`. */
import type { ItemContext } from './item-base';
import type { AnswerValue } from './model';
import { gasError } from '../gas';

/** Google's error when an answer does not fit its item (a choice not offered, a scale value out of range). */
export function invalidResponseError(): Error {
  return gasError('Invalid response submitted to item.');
}

export class ItemResponseImpl implements Pick<
  GoogleAppsScript.Forms.ItemResponse,
  'getItem' | 'getResponse'
> {
  constructor(
    readonly ctx: ItemContext,
    readonly value: AnswerValue,
  ) {}

  getItem(): GoogleAppsScript.Forms.Item {
    this.ctx.store.rt.record('FormApp', 'ItemResponse.getItem');
    return this.ctx.store.views.item(this.ctx);
  }

  /** A string for text, choice and scale items (a scale answer reads "3"); a list for checkboxes. */
  getResponse(): string | string[] {
    this.ctx.store.rt.record('FormApp', 'ItemResponse.getResponse');
    return Array.isArray(this.value) ? [...this.value] : this.value;
  }
}
