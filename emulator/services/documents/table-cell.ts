/**
 * Emulated TableCell: holds blocks like the body does (it starts with one paragraph holding the
 * text it was created with), plus a background colour, width, padding and vertical alignment.
 */
import { gasError } from '../gas-error';
import { asGas, type DocContext } from './context';
import { ElementBase, type ElementCasts } from './element';
import { enumName } from './enums';
import { blocksText, type TableCellNode } from './model';
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
  type ContainerRef,
} from './blocks';
import { EmulatedTable } from './table';
import { EmulatedTableRow } from './table-row';

type CellRef = Extract<ContainerRef, { kind: 'cell' }>;
type PaddingProp = 'paddingTop' | 'paddingBottom' | 'paddingLeft' | 'paddingRight';

export class EmulatedTableCell
  extends ElementBase
  implements
    Pick<
      GoogleAppsScript.Document.TableCell,
      | ElementCasts
      | 'appendHorizontalRule'
      | 'appendImage'
      | 'appendListItem'
      | 'appendParagraph'
      | 'appendTable'
      | 'clear'
      | 'editAsText'
      | 'getBackgroundColor'
      | 'getChild'
      | 'getChildIndex'
      | 'getColSpan'
      | 'getNumChildren'
      | 'getPaddingBottom'
      | 'getPaddingLeft'
      | 'getPaddingRight'
      | 'getPaddingTop'
      | 'getParent'
      | 'getParentRow'
      | 'getParentTable'
      | 'getRowSpan'
      | 'getText'
      | 'getVerticalAlignment'
      | 'getWidth'
      | 'insertHorizontalRule'
      | 'insertImage'
      | 'insertListItem'
      | 'insertParagraph'
      | 'insertTable'
      | 'removeChild'
      | 'removeFromParent'
      | 'setBackgroundColor'
      | 'setPaddingBottom'
      | 'setPaddingLeft'
      | 'setPaddingRight'
      | 'setPaddingTop'
      | 'setText'
      | 'setVerticalAlignment'
      | 'setWidth'
    >
{
  protected readonly className = 'TableCell';
  protected readonly elementType = 'TABLE_CELL' as const;
  private readonly ref: CellRef;

  constructor(ctx: DocContext, ref: ContainerRef) {
    super(ctx);
    if (ref.kind !== 'cell') throw new Error('a table cell needs a cell reference');
    this.ref = ref;
  }

  /** Non-Google: the model cell behind this element. */
  __cell(): TableCellNode {
    return this.ref.cell;
  }

  private self(): GoogleAppsScript.Document.TableCell {
    return asGas(this);
  }

  private method(name: string): string {
    return `${this.className}.${name}`;
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    this.write('appendHorizontalRule');
    return asGas(insertInParagraph(this.ctx, this.ref, this.ref.blocks.length, 'horizontalRule'));
  }

  appendImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): GoogleAppsScript.Document.InlineImage {
    this.write('appendImage');
    return asGas(insertInParagraph(this.ctx, this.ref, this.ref.blocks.length, 'image', image));
  }

  appendListItem(
    listItem: string | GoogleAppsScript.Document.ListItem,
  ): GoogleAppsScript.Document.ListItem {
    this.write('appendListItem');
    return insertListItem(
      this.ctx,
      this.ref,
      this.ref.blocks.length,
      listItem,
      this.method('appendListItem'),
    );
  }

  appendParagraph(
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.write('appendParagraph');
    return insertParagraph(
      this.ctx,
      this.ref,
      this.ref.blocks.length,
      paragraph,
      this.method('appendParagraph'),
    );
  }

  appendTable(
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null,
  ): GoogleAppsScript.Document.Table {
    this.write('appendTable');
    return insertTable(
      this.ctx,
      this.ref,
      this.ref.blocks.length,
      cellsOrTable,
      this.method('appendTable'),
    );
  }

  clear(): GoogleAppsScript.Document.TableCell {
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

  getBackgroundColor(): string {
    this.read('getBackgroundColor');
    return asGas(this.ref.cell.backgroundColor);
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return asGas(childAt(this.ctx, this.ref, childIndex));
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.read('getChildIndex');
    return indexOfChild(this.ref, child);
  }

  getColSpan(): number {
    this.read('getColSpan');
    return 1;
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.ref.blocks.length;
  }

  private padding(method: string, prop: PaddingProp): number {
    this.read(method);
    return asGas(this.ref.cell[prop]);
  }

  getPaddingBottom(): number {
    return this.padding('getPaddingBottom', 'paddingBottom');
  }

  getPaddingLeft(): number {
    return this.padding('getPaddingLeft', 'paddingLeft');
  }

  getPaddingRight(): number {
    return this.padding('getPaddingRight', 'paddingRight');
  }

  getPaddingTop(): number {
    return this.padding('getPaddingTop', 'paddingTop');
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return asGas(
      new EmulatedTableRow(this.ctx, this.ref.tableParent, this.ref.table, this.ref.row),
    );
  }

  getParentRow(): GoogleAppsScript.Document.TableRow {
    this.read('getParentRow');
    return asGas(
      new EmulatedTableRow(this.ctx, this.ref.tableParent, this.ref.table, this.ref.row),
    );
  }

  getParentTable(): GoogleAppsScript.Document.Table {
    this.read('getParentTable');
    return asGas(new EmulatedTable(this.ctx, this.ref.tableParent, this.ref.table));
  }

  getRowSpan(): number {
    this.read('getRowSpan');
    return 1;
  }

  getText(): string {
    this.read('getText');
    return blocksText(this.ref.blocks);
  }

  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    this.read('getVerticalAlignment');
    return asGas(this.ref.cell.verticalAlignment);
  }

  getWidth(): number {
    this.read('getWidth');
    return asGas(this.ref.cell.width);
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

  removeChild(child: GoogleAppsScript.Document.Element): GoogleAppsScript.Document.TableCell {
    this.write('removeChild');
    const index = indexOfChild(this.ref, child);
    if (index < 0) throw gasError('Element does not contain the specified child element.');
    removeBlock(this.ref, this.ref.blocks[index]);
    return this.self();
  }

  removeFromParent(): GoogleAppsScript.Document.TableCell {
    this.write('removeFromParent');
    const index = this.ref.row.cells.indexOf(this.ref.cell);
    if (index >= 0) this.ref.row.cells.splice(index, 1);
    return this.self();
  }

  setBackgroundColor(color: string): GoogleAppsScript.Document.TableCell {
    this.write('setBackgroundColor');
    this.ref.cell.backgroundColor = color ?? null;
    return this.self();
  }

  private setPadding(
    method: string,
    prop: PaddingProp,
    value: number,
  ): GoogleAppsScript.Document.TableCell {
    this.write(method);
    this.ref.cell[prop] = value;
    return this.self();
  }

  setPaddingBottom(paddingBottom: number): GoogleAppsScript.Document.TableCell {
    return this.setPadding('setPaddingBottom', 'paddingBottom', paddingBottom);
  }

  setPaddingLeft(paddingLeft: number): GoogleAppsScript.Document.TableCell {
    return this.setPadding('setPaddingLeft', 'paddingLeft', paddingLeft);
  }

  setPaddingRight(paddingRight: number): GoogleAppsScript.Document.TableCell {
    return this.setPadding('setPaddingRight', 'paddingRight', paddingRight);
  }

  setPaddingTop(paddingTop: number): GoogleAppsScript.Document.TableCell {
    return this.setPadding('setPaddingTop', 'paddingTop', paddingTop);
  }

  setText(text: string): GoogleAppsScript.Document.TableCell {
    this.write('setText');
    setBlocksText(this.ref, text);
    return this.self();
  }

  setVerticalAlignment(
    alignment: GoogleAppsScript.Document.VerticalAlignment,
  ): GoogleAppsScript.Document.TableCell {
    this.write('setVerticalAlignment');
    this.ref.cell.verticalAlignment = alignment === null ? null : enumName(alignment);
    return this.self();
  }

  setWidth(width: number): GoogleAppsScript.Document.TableCell {
    this.write('setWidth');
    this.ref.cell.width = width;
    return this.self();
  }
}
