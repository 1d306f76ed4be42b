/**
 * What all emulated document elements share: the type, the `asX()` casts (Google's do not check
 * the type either; a wrong cast fails at the next call) and the counting helpers.
 */
import { read, write, type DocContext } from './context';
import { ElementType, type ElementTypeName } from './enums';
import { gasEnumMember, unchecked, gasError } from '../gas';

export abstract class ElementBase {
  protected abstract readonly className: string;
  protected abstract readonly elementType: ElementTypeName;

  constructor(protected readonly ctx: DocContext) {}

  protected read(method: string): void {
    read(this.ctx, `${this.className}.${method}`);
  }

  protected write(method: string): void {
    write(this.ctx, `${this.className}.${method}`);
  }

  getType(): GoogleAppsScript.Document.ElementType {
    this.read('getType');
    return gasEnumMember(ElementType[this.elementType]);
  }

  private cast<T>(method: string): T {
    this.read(method);
    return unchecked(this);
  }

  asBody(): GoogleAppsScript.Document.Body {
    return this.cast('asBody');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this.cast('asHorizontalRule');
  }
  asInlineImage(): GoogleAppsScript.Document.InlineImage {
    return this.cast('asInlineImage');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this.cast('asListItem');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this.cast('asPageBreak');
  }
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.cast('asParagraph');
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this.cast('asTable');
  }
  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this.cast('asTableCell');
  }
  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this.cast('asTableRow');
  }
  asText(): GoogleAppsScript.Document.Text {
    return this.cast('asText');
  }
}

/** The casts every element class lists in its `implements Pick<...>`. */
export type ElementCasts =
  | 'asBody'
  | 'asHorizontalRule'
  | 'asInlineImage'
  | 'asListItem'
  | 'asPageBreak'
  | 'asParagraph'
  | 'asTable'
  | 'asTableCell'
  | 'asTableRow'
  | 'asText'
  | 'getType';

export function childIndexError(index: number, count: number): string {
  return `Child index (${index}) must be less than the number of child elements (${count}).`;
}

/** The child at `index`, or Google's error when there is none. */
export function childOf<T>(children: readonly T[], index: number): T {
  const child = children[index];
  if (child === undefined) throw gasError(childIndexError(index, children.length));
  return child;
}

/** Google's check of where a child is inserted: from 0 to the number of children. */
export function checkInsertIndex(index: number, count: number): void {
  if (index < 0 || index > count) throw gasError(childIndexError(index, count + 1));
}
