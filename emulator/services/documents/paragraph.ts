/**
 * Emulated Paragraph and ListItem (a list item is a paragraph that belongs to a list). Their
 * content is a row of inline pieces: text, images, page breaks, horizontal rules.
 */
import { assertString } from './context';
import { childOf, type ElementCasts } from './element';
import { Attribute, enumName, type AlignmentName, type GlyphName, type HeadingName } from './enums';
import {
  paragraphText,
  paragraphTextOf,
  textNode,
  textNodesOf,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type ParagraphLike,
  type ParagraphNode,
  type TextAttrs,
  type TextNode,
} from './model';
import { EmulatedText, textAttrsFrom, type TextSource } from './text';
import { imageNode } from './blocks';
import { BlockElement } from './block-element';
import { asGas, gasEnumMember, unchecked, gasError } from '../gas';

/** All the text of one paragraph, as one editable region. */
export function paragraphSource(node: ParagraphLike): TextSource {
  return {
    paragraphs: () => [textNodesOf(node)],
    tail: () => {
      const t = textNode('');
      node.inlines.push(t);
      return t;
    },
    replace: (text, attrs) => {
      node.inlines.splice(0, node.inlines.length, ...(text === '' ? [] : [textNode(text, attrs)]));
    },
  };
}

/** One text piece (what appendText returns). */
function pieceSource(node: TextNode): TextSource {
  return {
    paragraphs: () => [[node]],
    tail: () => node,
    replace: (text, attrs) => {
      node.runs.splice(0, node.runs.length, ...(text === '' ? [] : [{ text, attrs }]));
    },
  };
}

type NumberProp =
  | 'indentStart'
  | 'indentFirstLine'
  | 'indentEnd'
  | 'spacingBefore'
  | 'spacingAfter'
  | 'lineSpacing';

const PARAGRAPH_ATTRIBUTES: Record<string, NumberProp> = {
  [Attribute.INDENT_START]: 'indentStart',
  [Attribute.INDENT_FIRST_LINE]: 'indentFirstLine',
  [Attribute.INDENT_END]: 'indentEnd',
  [Attribute.SPACING_BEFORE]: 'spacingBefore',
  [Attribute.SPACING_AFTER]: 'spacingAfter',
  [Attribute.LINE_SPACING]: 'lineSpacing',
};

type Self = GoogleAppsScript.Document.Paragraph & GoogleAppsScript.Document.ListItem;

abstract class ParagraphBase<N extends ParagraphLike> extends BlockElement<N, Self> {
  private textView(): EmulatedText {
    return new EmulatedText(this.ctx, paragraphSource(this.node));
  }

  private inline(node: InlineNode): unknown {
    if (node.kind === 'text') return new EmulatedText(this.ctx, pieceSource(node));
    if (node.kind === 'image') return this.ctx.views.image(this.parent, this.node, node);
    if (node.kind === 'pageBreak') return this.ctx.views.pageBreak(this.parent, this.node, node);
    return this.ctx.views.horizontalRule(this.parent, this.node, node);
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    this.write('appendHorizontalRule');
    const node = { kind: 'horizontalRule' as const };
    this.node.inlines.push(node);
    return unchecked(this.inline(node));
  }

  appendInlineImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): GoogleAppsScript.Document.InlineImage {
    this.write('appendInlineImage');
    const node = imageNode(image);
    this.node.inlines.push(node);
    return unchecked(this.inline(node));
  }

  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.write('appendPageBreak');
    const node = { kind: 'pageBreak' as const };
    this.node.inlines.push(node);
    return unchecked(this.inline(node));
  }

  appendText(text: string | GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text {
    this.write('appendText');
    const value = typeof text === 'string' ? text : plainTextOf(text);
    const node = textNode(paragraphText(value));
    this.node.inlines.push(node);
    return unchecked(this.inline(node));
  }

  clear(): Self {
    this.write('clear');
    this.node.inlines.splice(0, this.node.inlines.length);
    return this.self();
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.read('editAsText');
    return asGas(this.textView());
  }

  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    this.read('getAlignment');
    return gasEnumMember(this.node.alignment);
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    const text = this.textView();
    const out: Record<string, unknown> = {
      [Attribute.HEADING]: this.node.heading,
      [Attribute.HORIZONTAL_ALIGNMENT]: this.node.alignment,
    };
    for (const [name, prop] of Object.entries(PARAGRAPH_ATTRIBUTES)) out[name] = this.node[prop];
    return { ...text.__attributes(), ...out };
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return unchecked(this.inline(childOf(this.node.inlines, childIndex)));
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.read('getChildIndex');
    const node = (child as unknown as { __inline?: () => InlineNode }).__inline?.();
    return node ? this.node.inlines.indexOf(node) : -1;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.read('getHeading');
    return gasEnumMember(this.node.heading);
  }

  getIndentEnd(): number {
    this.read('getIndentEnd');
    return asGas(this.node.indentEnd);
  }

  getIndentFirstLine(): number {
    this.read('getIndentFirstLine');
    return asGas(this.node.indentFirstLine);
  }

  getIndentStart(): number {
    this.read('getIndentStart');
    return asGas(this.node.indentStart);
  }

  getLineSpacing(): number {
    this.read('getLineSpacing');
    return asGas(this.node.lineSpacing);
  }

  getLinkUrl(): string {
    this.read('getLinkUrl');
    return unchecked(this.textView().__attributes()[Attribute.LINK_URL]);
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.node.inlines.length;
  }

  getSpacingAfter(): number {
    this.read('getSpacingAfter');
    return asGas(this.node.spacingAfter);
  }

  getSpacingBefore(): number {
    this.read('getSpacingBefore');
    return asGas(this.node.spacingBefore);
  }

  getText(): string {
    this.read('getText');
    return paragraphTextOf(this.node);
  }

  isAtDocumentEnd(): boolean {
    this.read('isAtDocumentEnd');
    return (
      this.parent.kind === 'body' && this.parent.blocks[this.parent.blocks.length - 1] === this.node
    );
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Self {
    this.write('setAlignment');
    this.node.alignment = alignment === null ? null : (enumName(alignment) as AlignmentName);
    return this.self();
  }

  setAttributes(attributes: Record<string, unknown>): Self {
    this.write('setAttributes');
    for (const [name, value] of Object.entries(attributes)) {
      const key = enumName(name);
      if (key === Attribute.HEADING && value) this.node.heading = enumName(value) as HeadingName;
      else if (key === Attribute.HORIZONTAL_ALIGNMENT) {
        this.node.alignment = value ? (enumName(value) as AlignmentName) : null;
      } else if (PARAGRAPH_ATTRIBUTES[key]) {
        this.node[PARAGRAPH_ATTRIBUTES[key]] = value === null ? null : Number(value);
      }
    }
    const patch: TextAttrs = textAttrsFrom(attributes);
    if (Object.keys(patch).length > 0) {
      for (const t of textNodesOf(this.node)) {
        for (const run of t.runs) run.attrs = dropUndefined({ ...run.attrs, ...patch });
      }
    }
    return this.self();
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Self {
    this.write('setHeading');
    this.node.heading = enumName(heading) as HeadingName;
    return this.self();
  }

  private setNumber(method: string, prop: NumberProp, value: number): Self {
    this.write(method);
    this.node[prop] = value;
    return this.self();
  }

  setIndentEnd(indentEnd: number): Self {
    return this.setNumber('setIndentEnd', 'indentEnd', indentEnd);
  }

  setIndentFirstLine(indentFirstLine: number): Self {
    return this.setNumber('setIndentFirstLine', 'indentFirstLine', indentFirstLine);
  }

  setIndentStart(indentStart: number): Self {
    return this.setNumber('setIndentStart', 'indentStart', indentStart);
  }

  setLineSpacing(multiplier: number): Self {
    return this.setNumber('setLineSpacing', 'lineSpacing', multiplier);
  }

  setSpacingAfter(spacingAfter: number): Self {
    return this.setNumber('setSpacingAfter', 'spacingAfter', spacingAfter);
  }

  setSpacingBefore(spacingBefore: number): Self {
    return this.setNumber('setSpacingBefore', 'spacingBefore', spacingBefore);
  }

  setLinkUrl(url: string): Self {
    this.write('setLinkUrl');
    for (const t of textNodesOf(this.node)) {
      for (const run of t.runs)
        run.attrs = dropUndefined({ ...run.attrs, linkUrl: url ?? undefined });
    }
    return this.self();
  }

  setText(text: string): void {
    this.write('setText');
    assertString(text, `${this.className}.setText`);
    const t = paragraphText(text);
    this.node.inlines.splice(0, this.node.inlines.length, ...(t === '' ? [] : [textNode(t)]));
  }
}

/** The text of a Text element passed in, without counting a call when it is ours. */
function plainTextOf(text: GoogleAppsScript.Document.Text): string {
  return text instanceof EmulatedText ? text.__plainText() : text.getText();
}

function dropUndefined(attrs: TextAttrs): TextAttrs {
  for (const k of Object.keys(attrs) as Array<keyof TextAttrs>)
    if (attrs[k] === undefined) delete attrs[k];
  return attrs;
}

/** The methods Paragraph and ListItem share, checked against Google's types below. */
type ParagraphMethods =
  | ElementCasts
  | 'appendHorizontalRule'
  | 'appendInlineImage'
  | 'appendPageBreak'
  | 'appendText'
  | 'clear'
  | 'copy'
  | 'editAsText'
  | 'getAlignment'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getHeading'
  | 'getIndentEnd'
  | 'getIndentFirstLine'
  | 'getIndentStart'
  | 'getLineSpacing'
  | 'getLinkUrl'
  | 'getNextSibling'
  | 'getNumChildren'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getSpacingAfter'
  | 'getSpacingBefore'
  | 'getText'
  | 'isAtDocumentEnd'
  | 'removeFromParent'
  | 'setAlignment'
  | 'setAttributes'
  | 'setHeading'
  | 'setIndentEnd'
  | 'setIndentFirstLine'
  | 'setIndentStart'
  | 'setLineSpacing'
  | 'setLinkUrl'
  | 'setSpacingAfter'
  | 'setSpacingBefore'
  | 'setText';

export class EmulatedParagraph
  extends ParagraphBase<ParagraphNode>
  implements Pick<GoogleAppsScript.Document.Paragraph, ParagraphMethods>
{
  protected readonly className = 'Paragraph';
  protected readonly elementType = 'PARAGRAPH' as const;
}

export class EmulatedListItem
  extends ParagraphBase<ListItemNode>
  implements
    Pick<
      GoogleAppsScript.Document.ListItem,
      | ParagraphMethods
      | 'getGlyphType'
      | 'getListId'
      | 'getNestingLevel'
      | 'setGlyphType'
      | 'setListId'
      | 'setNestingLevel'
    >
{
  protected readonly className = 'ListItem';
  protected readonly elementType = 'LIST_ITEM' as const;

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    this.read('getGlyphType');
    return gasEnumMember(this.node.glyphType);
  }

  getListId(): string {
    this.read('getListId');
    return this.node.listId;
  }

  getNestingLevel(): number {
    this.read('getNestingLevel');
    return this.node.nestingLevel;
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): Self {
    this.write('setGlyphType');
    this.node.glyphType = enumName(glyphType) as GlyphName;
    return this.self();
  }

  setListId(listItem: GoogleAppsScript.Document.ListItem): Self {
    this.write('setListId');
    const other = (listItem as unknown as { __node?: () => BlockNode }).__node?.();
    if (other?.kind !== 'listItem') throw gasError('Invalid argument: listItem');
    this.node.listId = other.listId;
    return this.self();
  }

  /** Google allows nesting levels 0 to 8. */
  setNestingLevel(nestingLevel: number): Self {
    this.write('setNestingLevel');
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
      throw gasError(`Invalid argument: nestingLevel`);
    }
    this.node.nestingLevel = nestingLevel;
    return this.self();
  }
}
