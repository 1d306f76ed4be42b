/**
 * Emulated Body: the document's main section. Like Google's, it is never empty: a new document
 * and a cleared body hold one empty paragraph, and it always ends with a paragraph.
 */
import { gasError } from '../gas-error';
import { asGas, type DocContext } from './context';
import { ElementBase, type ElementCasts } from './element';
import { blocksText, type TableNode } from './model';
import { EmulatedText } from './text';
import {
  blocksSource,
  childAt,
  clearBlocks,
  indexOfChild,
  insertInParagraph,
  insertListItem,
  insertParagraph,
  insertTable,
  removeBlock,
  replaceBlocksText,
  setBlocksText,
  visitParagraphs,
  wrapBlock,
  type ContainerRef,
} from './blocks';
import { EmulatedInlineImage } from './inline';
import { EmulatedTable } from './table';

type BodyRef = Extract<ContainerRef, { kind: 'body' }>;

export class EmulatedBody
  extends ElementBase
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
      | 'getTables'
      | 'getText'
      | 'insertHorizontalRule'
      | 'insertImage'
      | 'insertListItem'
      | 'insertPageBreak'
      | 'insertParagraph'
      | 'insertTable'
      | 'removeChild'
      | 'setText'
    >
{
  protected readonly className = 'Body';
  protected readonly elementType = 'BODY_SECTION' as const;
  private readonly ref: BodyRef;

  constructor(ctx: DocContext, ref: ContainerRef) {
    super(ctx);
    if (ref.kind !== 'body') throw new Error('a body needs a body reference');
    this.ref = ref;
  }

  private self(): GoogleAppsScript.Document.Body {
    return asGas(this);
  }

  private end(): number {
    return this.ref.blocks.length;
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    this.write('appendHorizontalRule');
    return asGas(insertInParagraph(this.ctx, this.ref, this.end(), 'horizontalRule'));
  }

  appendImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): GoogleAppsScript.Document.InlineImage {
    this.write('appendImage');
    return asGas(insertInParagraph(this.ctx, this.ref, this.end(), 'image', image));
  }

  appendListItem(
    listItem: string | GoogleAppsScript.Document.ListItem,
  ): GoogleAppsScript.Document.ListItem {
    this.write('appendListItem');
    return insertListItem(this.ctx, this.ref, this.end(), listItem, 'Body.appendListItem');
  }

  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.write('appendPageBreak');
    return asGas(insertInParagraph(this.ctx, this.ref, this.end(), 'pageBreak'));
  }

  appendParagraph(
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.write('appendParagraph');
    return insertParagraph(this.ctx, this.ref, this.end(), paragraph, 'Body.appendParagraph');
  }

  /** One call however many cells: Google builds the whole table from the 2D array at once. */
  appendTable(
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table,
  ): GoogleAppsScript.Document.Table {
    this.write('appendTable');
    return insertTable(this.ctx, this.ref, this.end(), cellsOrTable, 'Body.appendTable');
  }

  clear(): GoogleAppsScript.Document.Body {
    this.write('clear');
    clearBlocks(this.ref);
    return this.self();
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.read('editAsText');
    return asGas(
      new EmulatedText(
        this.ctx,
        blocksSource(() => this.ref.blocks, replaceBlocksText(this.ref)),
      ),
    );
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return asGas(childAt(this.ctx, this.ref, childIndex));
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
        if (inline.kind === 'image')
          out.push(asGas(new EmulatedInlineImage(this.ctx, parent, p, inline)));
      }
    });
    return out;
  }

  /** List items anywhere in the body, table cells included. */
  getListItems(): GoogleAppsScript.Document.ListItem[] {
    this.read('getListItems');
    const out: GoogleAppsScript.Document.ListItem[] = [];
    visitParagraphs(this.ref, (parent, p) => {
      if (p.kind === 'listItem') out.push(asGas(wrapBlock(this.ctx, parent, p)));
    });
    return out;
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.ref.blocks.length;
  }

  /** All paragraphs and list items, table cells included, as Google lists them. */
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    this.read('getParagraphs');
    const out: GoogleAppsScript.Document.Paragraph[] = [];
    visitParagraphs(this.ref, (parent, p) => out.push(asGas(wrapBlock(this.ctx, parent, p))));
    return out;
  }

  getTables(): GoogleAppsScript.Document.Table[] {
    this.read('getTables');
    return this.ref.blocks
      .filter((b): b is TableNode => b.kind === 'table')
      .map((b) => asGas(new EmulatedTable(this.ctx, this.ref, b)));
  }

  /** Paragraphs joined with "\n" (table cells included), as Google's Body.getText(). */
  getText(): string {
    this.read('getText');
    return blocksText(this.ref.blocks);
  }

  insertHorizontalRule(childIndex: number): GoogleAppsScript.Document.HorizontalRule {
    this.write('insertHorizontalRule');
    return asGas(insertInParagraph(this.ctx, this.ref, childIndex, 'horizontalRule'));
  }

  insertImage(
    childIndex: number,
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): GoogleAppsScript.Document.InlineImage {
    this.write('insertImage');
    return asGas(insertInParagraph(this.ctx, this.ref, childIndex, 'image', image));
  }

  insertListItem(
    childIndex: number,
    listItem: string | GoogleAppsScript.Document.ListItem,
  ): GoogleAppsScript.Document.ListItem {
    this.write('insertListItem');
    return insertListItem(this.ctx, this.ref, childIndex, listItem, 'Body.insertListItem');
  }

  insertPageBreak(childIndex: number): GoogleAppsScript.Document.PageBreak {
    this.write('insertPageBreak');
    return asGas(insertInParagraph(this.ctx, this.ref, childIndex, 'pageBreak'));
  }

  insertParagraph(
    childIndex: number,
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.write('insertParagraph');
    return insertParagraph(this.ctx, this.ref, childIndex, paragraph, 'Body.insertParagraph');
  }

  insertTable(
    childIndex: number,
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null,
  ): GoogleAppsScript.Document.Table {
    this.write('insertTable');
    return insertTable(this.ctx, this.ref, childIndex, cellsOrTable, 'Body.insertTable');
  }

  removeChild(child: GoogleAppsScript.Document.Element): GoogleAppsScript.Document.Body {
    this.write('removeChild');
    const index = indexOfChild(this.ref, child);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    removeBlock(this.ref, this.ref.blocks[index]);
    return this.self();
  }

  setText(text: string): GoogleAppsScript.Document.Body {
    this.write('setText');
    setBlocksText(this.ref, text);
    return this.self();
  }
}
