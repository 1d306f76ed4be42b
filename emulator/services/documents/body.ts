/**
 * Emulated Body: the document's main section. Like Google's, it is never empty: a new document
 * and a cleared body hold one empty paragraph, and it always ends with a paragraph.
 */
import { type DocContext } from './context';
import type { ElementCasts } from './element';
import { defaultPage, type ContainerRef, type PageSetup, type TableNode } from './model';
import { indexOfChild, insertInParagraph, visitParagraphs } from './blocks';
import { BlockContainer } from './container';
import { asGas, unchecked, gasError } from '../gas';

type BodyRef = Extract<ContainerRef, { kind: 'body' }>;

export class EmulatedBody
  extends BlockContainer<BodyRef, GoogleAppsScript.Document.Body>
  implements
    Pick<
      GoogleAppsScript.Document.Body,
      | ElementCasts
      | 'appendHorizontalRule'
      | 'appendImage'
      | 'appendListItem'
      | 'appendPageBreak'
      | 'appendParagraph'
      | 'appendTable'
      | 'clear'
      | 'editAsText'
      | 'getChild'
      | 'getChildIndex'
      | 'getImages'
      | 'getListItems'
      | 'getNumChildren'
      | 'getParagraphs'
      | 'getMarginBottom'
      | 'getMarginLeft'
      | 'getMarginRight'
      | 'getMarginTop'
      | 'getPageHeight'
      | 'getPageWidth'
      | 'getTables'
      | 'getText'
      | 'insertHorizontalRule'
      | 'insertImage'
      | 'insertListItem'
      | 'insertPageBreak'
      | 'insertParagraph'
      | 'insertTable'
      | 'removeChild'
      | 'setMarginBottom'
      | 'setMarginLeft'
      | 'setMarginRight'
      | 'setMarginTop'
      | 'setPageHeight'
      | 'setPageWidth'
      | 'setText'
    >
{
  protected readonly className = 'Body';
  protected readonly elementType = 'BODY_SECTION' as const;

  constructor(
    ctx: DocContext,
    ref: ContainerRef,
    private readonly page: PageSetup = defaultPage(),
  ) {
    if (ref.kind !== 'body') throw new Error('a body needs a body reference');
    super(ctx, ref);
  }

  private setPage(
    method: string,
    key: keyof PageSetup,
    points: number,
  ): GoogleAppsScript.Document.Body {
    this.write(method);
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0)
      throw gasError(`Invalid argument: ${key}`);
    this.page[key] = points;
    return asGas(this);
  }

  private getPage(method: string, key: keyof PageSetup): number {
    this.read(method);
    return this.page[key];
  }

  /** Page size and margins are in points, as Google's. */
  setPageWidth(points: number) {
    return this.setPage('setPageWidth', 'pageWidth', points);
  }
  setPageHeight(points: number) {
    return this.setPage('setPageHeight', 'pageHeight', points);
  }
  setMarginTop(points: number) {
    return this.setPage('setMarginTop', 'marginTop', points);
  }
  setMarginBottom(points: number) {
    return this.setPage('setMarginBottom', 'marginBottom', points);
  }
  setMarginLeft(points: number) {
    return this.setPage('setMarginLeft', 'marginLeft', points);
  }
  setMarginRight(points: number) {
    return this.setPage('setMarginRight', 'marginRight', points);
  }
  getPageWidth(): number {
    return this.getPage('getPageWidth', 'pageWidth');
  }
  getPageHeight(): number {
    return this.getPage('getPageHeight', 'pageHeight');
  }
  getMarginTop(): number {
    return this.getPage('getMarginTop', 'marginTop');
  }
  getMarginBottom(): number {
    return this.getPage('getMarginBottom', 'marginBottom');
  }
  getMarginLeft(): number {
    return this.getPage('getMarginLeft', 'marginLeft');
  }
  getMarginRight(): number {
    return this.getPage('getMarginRight', 'marginRight');
  }

  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.write('appendPageBreak');
    return asGas(insertInParagraph(this.ctx, this.ref, this.ref.blocks.length, 'pageBreak'));
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.read('getChildIndex');
    const index = indexOfChild(this.ref, child);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    return index;
  }

  /** Every inline image, also those in table cells, in reading order. */
  getImages(): GoogleAppsScript.Document.InlineImage[] {
    this.read('getImages');
    const out: GoogleAppsScript.Document.InlineImage[] = [];
    visitParagraphs(this.ref, (parent, p) => {
      for (const inline of p.inlines) {
        if (inline.kind === 'image') out.push(asGas(this.ctx.views.image(parent, p, inline)));
      }
    });
    return out;
  }

  /** List items anywhere in the body, table cells included. */
  getListItems(): GoogleAppsScript.Document.ListItem[] {
    this.read('getListItems');
    const out: GoogleAppsScript.Document.ListItem[] = [];
    visitParagraphs(this.ref, (parent, p) => {
      if (p.kind === 'listItem') out.push(unchecked(this.ctx.views.block(parent, p)));
    });
    return out;
  }

  /** All paragraphs and list items, table cells included, as Google lists them. */
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    this.read('getParagraphs');
    const out: GoogleAppsScript.Document.Paragraph[] = [];
    visitParagraphs(this.ref, (parent, p) => out.push(unchecked(this.ctx.views.block(parent, p))));
    return out;
  }

  getTables(): GoogleAppsScript.Document.Table[] {
    this.read('getTables');
    return this.ref.blocks
      .filter((b): b is TableNode => b.kind === 'table')
      .map((b) => asGas(this.ctx.views.table(this.ref, b)));
  }

  insertPageBreak(childIndex: number): GoogleAppsScript.Document.PageBreak {
    this.write('insertPageBreak');
    return asGas(insertInParagraph(this.ctx, this.ref, childIndex, 'pageBreak'));
  }
}
