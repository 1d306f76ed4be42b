/** Text, paragraph, scale, section header and page break items. */
import { AnswerableView, ItemView, type ItemContext } from './item-base';
import { ItemResponseImpl, invalidResponseError } from './item-response';
import { asGas, gasError, invalidArgument } from '../gas';

type Common =
  'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex';
type Answerable = Common | 'isRequired' | 'setRequired' | 'createResponse';
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

function textAnswer(value: unknown): string {
  if (value === null || value === undefined) throw invalidArgument('response');
  return String(value);
}

/** What short-answer and paragraph items share: a free-text answer and a text validation. */
abstract class FreeTextItemView<T> extends AnswerableView<T> {
  constructor(
    ctx: ItemContext,
    cls: string,
    private readonly family: 'TEXT' | 'PARAGRAPH_TEXT',
  ) {
    super(ctx, cls);
  }
  setValidation(
    validation:
      GoogleAppsScript.Forms.TextValidation | GoogleAppsScript.Forms.ParagraphTextValidation,
  ): T {
    return this.applyValidation(validation, this.family);
  }
  clearValidation(): T {
    return this.removeValidation();
  }
  createResponse(response: string): ItemResponse {
    this.read('createResponse');
    return asGas<ItemResponse>(new ItemResponseImpl(this.ctx, textAnswer(response)));
  }
}

type TextItem = GoogleAppsScript.Forms.TextItem;

export class TextItemView
  extends FreeTextItemView<TextItem>
  implements Pick<TextItem, Answerable | 'setValidation' | 'clearValidation'>
{
  constructor(ctx: ItemContext) {
    super(ctx, 'TextItem', 'TEXT');
  }
}

type ParagraphTextItem = GoogleAppsScript.Forms.ParagraphTextItem;

export class ParagraphTextItemView
  extends FreeTextItemView<ParagraphTextItem>
  implements Pick<ParagraphTextItem, Answerable | 'setValidation' | 'clearValidation'>
{
  constructor(ctx: ItemContext) {
    super(ctx, 'ParagraphTextItem', 'PARAGRAPH_TEXT');
  }
}

type ScaleItem = GoogleAppsScript.Forms.ScaleItem;

export class ScaleItemView
  extends AnswerableView<ScaleItem>
  implements
    Pick<
      ScaleItem,
      | Answerable
      | 'setBounds'
      | 'getLowerBound'
      | 'getUpperBound'
      | 'setLabels'
      | 'getLeftLabel'
      | 'getRightLabel'
    >
{
  constructor(ctx: ItemContext) {
    super(ctx, 'ScaleItem');
  }
  /** Google allows a lower bound of 0 or 1 and an upper bound from 3 to 10. */
  setBounds(lower: number, upper: number): ScaleItem {
    this.write('setBounds');
    if (lower !== 0 && lower !== 1) throw gasError('Invalid data updating form.');
    if (!Number.isInteger(upper) || upper < 3 || upper > 10)
      throw gasError('Invalid data updating form.');
    this.data.lowerBound = lower;
    this.data.upperBound = upper;
    return this.self();
  }
  getLowerBound(): number {
    this.read('getLowerBound');
    return this.data.lowerBound;
  }
  getUpperBound(): number {
    this.read('getUpperBound');
    return this.data.upperBound;
  }
  setLabels(lower: string, upper: string): ScaleItem {
    this.write('setLabels');
    this.data.leftLabel = String(lower);
    this.data.rightLabel = String(upper);
    return this.self();
  }
  getLeftLabel(): string {
    this.read('getLeftLabel');
    return this.data.leftLabel;
  }
  getRightLabel(): string {
    this.read('getRightLabel');
    return this.data.rightLabel;
  }
  createResponse(response: number): ItemResponse {
    this.read('createResponse');
    const n = Number(response);
    if (!Number.isInteger(n) || n < this.data.lowerBound || n > this.data.upperBound)
      throw invalidResponseError();
    return asGas<ItemResponse>(new ItemResponseImpl(this.ctx, String(n)));
  }
}

type SectionHeaderItem = GoogleAppsScript.Forms.SectionHeaderItem;

export class SectionHeaderItemView
  extends ItemView<SectionHeaderItem>
  implements Pick<SectionHeaderItem, Common>
{
  constructor(ctx: ItemContext) {
    super(ctx, 'SectionHeaderItem');
  }
}

type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;

/** A page break starts a new section (page) of the form. */
export class PageBreakItemView
  extends ItemView<PageBreakItem>
  implements Pick<PageBreakItem, Common>
{
  constructor(ctx: ItemContext) {
    super(ctx, 'PageBreakItem');
  }
}
