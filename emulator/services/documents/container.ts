/**
 * What the body and a table cell share: both hold blocks (paragraphs, list items, tables) and
 * Google gives them the same methods to add, read and remove them.
 *
 * Load order: './blocks' builds these classes' subclasses, so body.ts and table-cell.ts import
 * './blocks' before this file (a subclass must not be defined while this file is half-loaded).
 */
import { type DocContext } from './context';
import { ElementBase } from './element';
import { blocksText, type ContainerRef } from './model';
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
} from './blocks';
import { asGas, unchecked, gasError } from '../gas';

/** `Self` is the Google type the chainable methods return (Body, TableCell). */
export abstract class BlockContainer<R extends ContainerRef, Self> extends ElementBase {
  constructor(
    ctx: DocContext,
    protected readonly ref: R,
  ) {
    super(ctx);
  }

  protected self(): Self {
    return unchecked(this);
  }

  protected method(name: string): string {
    return `${this.className}.${name}`;
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
    return unchecked(insertInParagraph(this.ctx, this.ref, this.end(), 'image', image));
  }

  appendListItem(
    listItem: string | GoogleAppsScript.Document.ListItem,
  ): GoogleAppsScript.Document.ListItem {
    this.write('appendListItem');
    return insertListItem(this.ctx, this.ref, this.end(), listItem, this.method('appendListItem'));
  }

  appendParagraph(
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.write('appendParagraph');
    return insertParagraph(
      this.ctx,
      this.ref,
      this.end(),
      paragraph,
      this.method('appendParagraph'),
    );
  }

  /** One call however many cells: Google builds the whole table from the 2D array at once. */
  appendTable(
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null,
  ): GoogleAppsScript.Document.Table {
    this.write('appendTable');
    return insertTable(this.ctx, this.ref, this.end(), cellsOrTable, this.method('appendTable'));
  }

  clear(): Self {
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

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.ref.blocks.length;
  }

  /** Paragraphs joined with "\n" (tables inside included). */
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
    return unchecked(insertInParagraph(this.ctx, this.ref, childIndex, 'image', image));
  }

  insertListItem(
    childIndex: number,
    listItem: string | GoogleAppsScript.Document.ListItem,
  ): GoogleAppsScript.Document.ListItem {
    this.write('insertListItem');
    return insertListItem(this.ctx, this.ref, childIndex, listItem, this.method('insertListItem'));
  }

  insertParagraph(
    childIndex: number,
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.write('insertParagraph');
    return insertParagraph(
      this.ctx,
      this.ref,
      childIndex,
      paragraph,
      this.method('insertParagraph'),
    );
  }

  insertTable(
    childIndex: number,
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null,
  ): GoogleAppsScript.Document.Table {
    this.write('insertTable');
    return insertTable(this.ctx, this.ref, childIndex, cellsOrTable, this.method('insertTable'));
  }

  removeChild(child: GoogleAppsScript.Document.Element): Self {
    this.write('removeChild');
    const index = indexOfChild(this.ref, child);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    removeBlock(this.ref, this.ref.blocks[index]);
    return this.self();
  }

  setText(text: string): Self {
    this.write('setText');
    setBlocksText(this.ref, text);
    return this.self();
  }
}
