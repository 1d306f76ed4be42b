/**
 * The generic `Item` that `form.getItems()` returns, with its `as*Item()` casts, and the
 * factory of typed views. Casting to the wrong type throws, as in Apps Script.
 */
import type { ItemTypeName } from './enums';
import { ItemView, type ItemContext } from './item-base';
import { CheckboxItemView, ListItemView, MultipleChoiceItemView } from './item-choices';
import {
  PageBreakItemView,
  ParagraphTextItemView,
  ScaleItemView,
  SectionHeaderItemView,
  TextItemView,
} from './item-typed';
import { asGas, unchecked, gasError } from '../gas';

type Item = GoogleAppsScript.Forms.Item;
type Common =
  'getId' | 'getTitle' | 'setTitle' | 'getHelpText' | 'setHelpText' | 'getType' | 'getIndex';
type Casts =
  | 'asTextItem'
  | 'asParagraphTextItem'
  | 'asMultipleChoiceItem'
  | 'asListItem'
  | 'asCheckboxItem'
  | 'asScaleItem'
  | 'asSectionHeaderItem'
  | 'asPageBreakItem';

/** The typed view for an item's own type (what `form.addXItem()` returns). */
export function typedItem(ctx: ItemContext): ItemView<unknown> {
  switch (ctx.data.type) {
    case 'TEXT':
      return new TextItemView(ctx);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItemView(ctx);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItemView(ctx);
    case 'LIST':
      return new ListItemView(ctx);
    case 'CHECKBOX':
      return new CheckboxItemView(ctx);
    case 'SCALE':
      return new ScaleItemView(ctx);
    case 'SECTION_HEADER':
      return new SectionHeaderItemView(ctx);
    case 'PAGE_BREAK':
      return new PageBreakItemView(ctx);
    default:
      throw gasError(`Items of type ${ctx.data.type} are not emulated.`);
  }
}

export class GenericItemView extends ItemView<Item> implements Pick<Item, Common | Casts> {
  constructor(ctx: ItemContext) {
    super(ctx, 'Item');
  }

  private cast<T>(method: string, type: ItemTypeName): T {
    this.read(method);
    if (this.data.type !== type) {
      throw gasError(
        `Item ${this.data.id} is of type ${this.data.type} and cannot be cast to ${type}.`,
      );
    }
    return unchecked<T>(typedItem(this.ctx));
  }

  asTextItem(): GoogleAppsScript.Forms.TextItem {
    return this.cast('asTextItem', 'TEXT');
  }
  asParagraphTextItem(): GoogleAppsScript.Forms.ParagraphTextItem {
    return this.cast('asParagraphTextItem', 'PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this.cast('asMultipleChoiceItem', 'MULTIPLE_CHOICE');
  }
  asListItem(): GoogleAppsScript.Forms.ListItem {
    return this.cast('asListItem', 'LIST');
  }
  asCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this.cast('asCheckboxItem', 'CHECKBOX');
  }
  asScaleItem(): GoogleAppsScript.Forms.ScaleItem {
    return this.cast('asScaleItem', 'SCALE');
  }
  asSectionHeaderItem(): GoogleAppsScript.Forms.SectionHeaderItem {
    return this.cast('asSectionHeaderItem', 'SECTION_HEADER');
  }
  asPageBreakItem(): GoogleAppsScript.Forms.PageBreakItem {
    return this.cast('asPageBreakItem', 'PAGE_BREAK');
  }
}

export function genericItem(ctx: ItemContext): Item {
  return asGas<Item>(new GenericItemView(ctx));
}
