/** Multiple-choice, drop-down list and checkbox items, and their choices. */
import { PAGE_NAVIGATION_TYPES, type PageNavigationName } from './enums';
import { AnswerableView, type ItemContext } from './item-base';
import { ItemResponseImpl, invalidResponseError } from './item-response';
import { PageBreakItemView } from './item-typed';
import type { ChoiceData, FormData, FormStore } from './model';
import { asGas, gasEnumMember, gasError, invalidArgument } from '../gas';

type Choice = GoogleAppsScript.Forms.Choice;
type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;
type Common =
  'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex';
type WithChoices =
  | Common
  | 'isRequired'
  | 'setRequired'
  | 'createResponse'
  | 'createChoice'
  | 'getChoices'
  | 'setChoiceValues'
  | 'setChoices';

export class ChoiceImpl implements Pick<
  Choice,
  'getValue' | 'isCorrectAnswer' | 'getPageNavigationType' | 'getGotoPage'
> {
  constructor(
    private readonly store: FormStore,
    private readonly form: FormData,
    readonly data: Readonly<ChoiceData>,
  ) {}
  getValue(): string {
    this.store.rt.record('FormApp', 'Choice.getValue');
    return this.data.value;
  }
  isCorrectAnswer(): boolean {
    this.store.rt.record('FormApp', 'Choice.isCorrectAnswer');
    return this.data.isCorrect;
  }
  getPageNavigationType(): GoogleAppsScript.Forms.PageNavigationType {
    this.store.rt.record('FormApp', 'Choice.getPageNavigationType');
    return gasEnumMember<GoogleAppsScript.Forms.PageNavigationType>(this.data.navigation);
  }
  getGotoPage(): PageBreakItem {
    this.store.rt.record('FormApp', 'Choice.getGotoPage');
    const page = this.form.items.find((i) => i.id === this.data.goToPageId);
    const view = page
      ? new PageBreakItemView({ store: this.store, form: this.form, data: page })
      : null;
    return asGas<PageBreakItem>(view);
  }
}

type ChoiceTarget = boolean | PageBreakItem | GoogleAppsScript.Forms.PageNavigationType;

/** The second argument of `createChoice`: correctness, a page to go to, or a navigation type. */
function choiceData(value: string, second: ChoiceTarget | undefined): ChoiceData {
  const data: ChoiceData = {
    value: String(value),
    isCorrect: false,
    navigation: null,
    goToPageId: null,
  };
  if (second === undefined) return data;
  if (typeof second === 'boolean') return { ...data, isCorrect: second };
  if (typeof second === 'string' && (PAGE_NAVIGATION_TYPES as readonly string[]).includes(second)) {
    return { ...data, navigation: second as PageNavigationName };
  }
  if (second instanceof PageBreakItemView) {
    return { ...data, navigation: 'GO_TO_PAGE', goToPageId: second.__context.data.id };
  }
  throw invalidArgument('navigationItem');
}

abstract class ChoiceItemView<T> extends AnswerableView<T> {
  createChoice(value: string, second?: ChoiceTarget): Choice {
    this.read('createChoice');
    return asGas<Choice>(new ChoiceImpl(this.ctx.store, this.ctx.form, choiceData(value, second)));
  }

  getChoices(): Choice[] {
    this.read('getChoices');
    return this.data.choices.map((c) =>
      asGas<Choice>(new ChoiceImpl(this.ctx.store, this.ctx.form, c)),
    );
  }

  setChoiceValues(values: string[]): T {
    this.write('setChoiceValues');
    if (!Array.isArray(values)) throw invalidArgument('values');
    if (values.length === 0) throw gasError('Array is empty: values');
    this.data.choices = values.map((v) => choiceData(v, undefined));
    return this.self();
  }

  setChoices(choices: Choice[]): T {
    this.write('setChoices');
    if (!Array.isArray(choices)) throw invalidArgument('choices');
    if (choices.length === 0) throw gasError('Array is empty: choices');
    this.data.choices = choices.map((c) => {
      if (!(c instanceof ChoiceImpl)) throw invalidArgument('choices');
      return { ...c.data };
    });
    return this.self();
  }

  protected offers(value: string): boolean {
    return this.data.hasOtherOption || this.data.choices.some((c) => c.value === value);
  }

  protected singleResponse(response: string): ItemResponse {
    this.read('createResponse');
    const value = String(response);
    if (!this.offers(value)) throw invalidResponseError();
    return asGas<ItemResponse>(new ItemResponseImpl(this.ctx, value));
  }
}

/** Multiple-choice and checkbox items can offer an "Other" answer; a drop-down list cannot. */
abstract class OtherOptionItemView<T> extends ChoiceItemView<T> {
  showOtherOption(enabled: boolean): T {
    this.write('showOtherOption');
    this.data.hasOtherOption = Boolean(enabled);
    return this.self();
  }
  hasOtherOption(): boolean {
    this.read('hasOtherOption');
    return this.data.hasOtherOption;
  }
}

type MultipleChoiceItem = GoogleAppsScript.Forms.MultipleChoiceItem;

export class MultipleChoiceItemView
  extends OtherOptionItemView<MultipleChoiceItem>
  implements Pick<MultipleChoiceItem, WithChoices | 'showOtherOption' | 'hasOtherOption'>
{
  constructor(ctx: ItemContext) {
    super(ctx, 'MultipleChoiceItem');
  }
  createResponse(response: string): ItemResponse {
    return this.singleResponse(response);
  }
}

type ListItem = GoogleAppsScript.Forms.ListItem;

/** A drop-down list: no "other" option in Google Forms. */
export class ListItemView extends ChoiceItemView<ListItem> implements Pick<ListItem, WithChoices> {
  constructor(ctx: ItemContext) {
    super(ctx, 'ListItem');
  }
  createResponse(response: string): ItemResponse {
    return this.singleResponse(response);
  }
}

type CheckboxItem = GoogleAppsScript.Forms.CheckboxItem;

export class CheckboxItemView
  extends OtherOptionItemView<CheckboxItem>
  implements
    Pick<
      CheckboxItem,
      WithChoices | 'showOtherOption' | 'hasOtherOption' | 'setValidation' | 'clearValidation'
    >
{
  constructor(ctx: ItemContext) {
    super(ctx, 'CheckboxItem');
  }
  setValidation(validation: GoogleAppsScript.Forms.CheckboxValidation): CheckboxItem {
    return this.applyValidation(validation, 'CHECKBOX');
  }
  clearValidation(): CheckboxItem {
    return this.removeValidation();
  }
  createResponse(responses: string[]): ItemResponse {
    this.read('createResponse');
    if (!Array.isArray(responses)) throw invalidArgument('responses');
    const values = responses.map(String);
    if (!values.every((v) => this.offers(v))) throw invalidResponseError();
    return asGas<ItemResponse>(new ItemResponseImpl(this.ctx, values));
  }
}
