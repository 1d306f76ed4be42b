/**
 * Emulated inline elements that live inside a paragraph: images, page breaks, horizontal rules.
 */
import { EmulatedBlob } from '../blob';
import { type DocContext } from './context';
import { ElementBase, type ElementCasts } from './element';
import type {
  HorizontalRuleNode,
  ImageNode,
  ContainerRef,
  InlineNode,
  PageBreakNode,
  ParagraphLike,
} from './model';
import { asGas, unchecked, gasError } from '../gas';

/** `Self` is the Google type the chainable methods return (InlineImage, PageBreak...). */
abstract class InlineBase<N extends InlineNode, Self> extends ElementBase {
  constructor(
    ctx: DocContext,
    protected readonly container: ContainerRef,
    protected readonly paragraph: ParagraphLike,
    protected readonly node: N,
  ) {
    super(ctx);
  }

  /** Non-Google: the model node behind this element. */
  __inline(): InlineNode {
    return this.node;
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return unchecked(this.ctx.views.block(this.container, this.paragraph));
  }

  protected self(): Self {
    return unchecked(this);
  }

  removeFromParent(): Self {
    this.write('removeFromParent');
    const index = this.paragraph.inlines.indexOf(this.node);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    this.paragraph.inlines.splice(index, 1);
    return this.self();
  }
}

export class EmulatedInlineImage
  extends InlineBase<ImageNode, GoogleAppsScript.Document.InlineImage>
  implements
    Pick<
      GoogleAppsScript.Document.InlineImage,
      | ElementCasts
      | 'getAltDescription'
      | 'getAltTitle'
      | 'getBlob'
      | 'getHeight'
      | 'getLinkUrl'
      | 'getParent'
      | 'getWidth'
      | 'removeFromParent'
      | 'setAltDescription'
      | 'setAltTitle'
      | 'setHeight'
      | 'setLinkUrl'
      | 'setWidth'
    >
{
  protected readonly className = 'InlineImage';
  protected readonly elementType = 'INLINE_IMAGE' as const;

  getAltDescription(): string {
    this.read('getAltDescription');
    return this.node.altDescription;
  }

  getAltTitle(): string {
    this.read('getAltTitle');
    return this.node.altTitle;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.read('getBlob');
    return asGas(new EmulatedBlob(this.node.bytes.slice(), this.node.contentType, this.node.name));
  }

  getHeight(): number {
    this.read('getHeight');
    return this.node.height;
  }

  getLinkUrl(): string {
    this.read('getLinkUrl');
    return asGas(this.node.linkUrl);
  }

  getWidth(): number {
    this.read('getWidth');
    return this.node.width;
  }

  setAltDescription(description: string): GoogleAppsScript.Document.InlineImage {
    this.write('setAltDescription');
    this.node.altDescription = String(description);
    return this.self();
  }

  setAltTitle(title: string): GoogleAppsScript.Document.InlineImage {
    this.write('setAltTitle');
    this.node.altTitle = String(title);
    return this.self();
  }

  setHeight(height: number): GoogleAppsScript.Document.InlineImage {
    this.write('setHeight');
    this.node.height = Math.round(height);
    return this.self();
  }

  setLinkUrl(url: string): GoogleAppsScript.Document.InlineImage {
    this.write('setLinkUrl');
    this.node.linkUrl = url ?? null;
    return this.self();
  }

  setWidth(width: number): GoogleAppsScript.Document.InlineImage {
    this.write('setWidth');
    this.node.width = Math.round(width);
    return this.self();
  }
}

export class EmulatedPageBreak
  extends InlineBase<PageBreakNode, GoogleAppsScript.Document.PageBreak>
  implements
    Pick<GoogleAppsScript.Document.PageBreak, ElementCasts | 'getParent' | 'removeFromParent'>
{
  protected readonly className = 'PageBreak';
  protected readonly elementType = 'PAGE_BREAK' as const;
}

export class EmulatedHorizontalRule
  extends InlineBase<HorizontalRuleNode, GoogleAppsScript.Document.HorizontalRule>
  implements
    Pick<GoogleAppsScript.Document.HorizontalRule, ElementCasts | 'getParent' | 'removeFromParent'>
{
  protected readonly className = 'HorizontalRule';
  protected readonly elementType = 'HORIZONTAL_RULE' as const;
}
