/**
 * Emulated Table: rows of cells, with border and column widths stored for the exporter.
 */
import { gasError } from '../gas-error';
import { asGas, type DocContext } from './context';
import { childIndexError, ElementBase, type ElementCasts } from './element';
import { cloneBlock, newRow, type BlockNode, type TableNode, type TableRowNode } from './model';
import { EmulatedText } from './text';
import {
  blocksSource,
  cellRef,
  removeBlock,
  wrapBlock,
  wrapContainer,
  type ContainerRef,
} from './blocks';
import { EmulatedTableCell } from './table-cell';
import { EmulatedTableRow, rowText } from './table-row';

export class EmulatedTable
  extends ElementBase
  implements
    Pick<
      GoogleAppsScript.Document.Table,
      | ElementCasts
      | 'appendTableRow'
      | 'copy'
      | 'editAsText'
      | 'getBorderColor'
      | 'getBorderWidth'
      | 'getCell'
      | 'getChild'
      | 'getColumnWidth'
      | 'getNextSibling'
      | 'getNumChildren'
      | 'getNumRows'
      | 'getParent'
      | 'getPreviousSibling'
      | 'getRow'
      | 'getText'
      | 'insertTableRow'
      | 'removeFromParent'
      | 'removeRow'
      | 'setBorderColor'
      | 'setBorderWidth'
      | 'setColumnWidth'
    >
{
  protected readonly className = 'Table';
  protected readonly elementType = 'TABLE' as const;

  constructor(
    ctx: DocContext,
    private readonly parent: ContainerRef,
    private readonly node: TableNode,
  ) {
    super(ctx);
  }

  /** Non-Google: the model node behind this element. */
  __node(): BlockNode {
    return this.node;
  }

  private self(): GoogleAppsScript.Document.Table {
    return asGas(this);
  }

  private row(index: number): TableRowNode {
    const row = this.node.rows[index];
    if (!row) throw gasError(childIndexError(index, this.node.rows.length));
    return row;
  }

  private wrapRow(row: TableRowNode): GoogleAppsScript.Document.TableRow {
    return asGas(new EmulatedTableRow(this.ctx, this.parent, this.node, row));
  }

  private addRow(
    index: number,
    tableRow?: GoogleAppsScript.Document.TableRow | null,
  ): GoogleAppsScript.Document.TableRow {
    const source = (tableRow as unknown as { __row?: () => TableRowNode } | null)?.__row?.();
    const row: TableRowNode = source
      ? { ...source, cells: source.cells.map((c) => ({ ...c, blocks: c.blocks.map(cloneBlock) })) }
      : newRow();
    this.node.rows.splice(index, 0, row);
    return this.wrapRow(row);
  }

  appendTableRow(
    tableRow?: GoogleAppsScript.Document.TableRow,
  ): GoogleAppsScript.Document.TableRow {
    this.write('appendTableRow');
    return this.addRow(this.node.rows.length, tableRow);
  }

  copy(): GoogleAppsScript.Document.Table {
    this.read('copy');
    const copy = cloneBlock(this.node);
    return asGas(new EmulatedTable(this.ctx, { kind: 'body', blocks: [copy] }, copy));
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.read('editAsText');
    const blocks = (): BlockNode[] =>
      this.node.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks));
    return asGas(
      new EmulatedText(
        this.ctx,
        blocksSource(blocks, () => {
          throw gasError('Text.setText is not supported on a whole table.');
        }),
      ),
    );
  }

  getBorderColor(): string {
    this.read('getBorderColor');
    return asGas(this.node.borderColor);
  }

  getBorderWidth(): number {
    this.read('getBorderWidth');
    return asGas(this.node.borderWidth);
  }

  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.read('getCell');
    const row = this.row(rowIndex);
    const cell = row.cells[cellIndex];
    if (!cell) throw gasError(childIndexError(cellIndex, row.cells.length));
    return asGas(new EmulatedTableCell(this.ctx, cellRef(cell, row, this.node, this.parent)));
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return asGas(this.wrapRow(this.row(childIndex)));
  }

  getColumnWidth(columnIndex: number): number {
    this.read('getColumnWidth');
    return asGas(this.node.columnWidths[columnIndex] ?? null);
  }

  getNextSibling(): GoogleAppsScript.Document.Element {
    this.read('getNextSibling');
    const next = this.parent.blocks[this.parent.blocks.indexOf(this.node) + 1];
    return asGas(next ? wrapBlock(this.ctx, this.parent, next) : null);
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.node.rows.length;
  }

  getNumRows(): number {
    this.read('getNumRows');
    return this.node.rows.length;
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return asGas(wrapContainer(this.ctx, this.parent));
  }

  getPreviousSibling(): GoogleAppsScript.Document.Element {
    this.read('getPreviousSibling');
    const index = this.parent.blocks.indexOf(this.node);
    return asGas(
      index > 0 ? wrapBlock(this.ctx, this.parent, this.parent.blocks[index - 1]) : null,
    );
  }

  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    this.read('getRow');
    return this.wrapRow(this.row(rowIndex));
  }

  getText(): string {
    this.read('getText');
    return this.node.rows.map(rowText).join('\n');
  }

  insertTableRow(
    childIndex: number,
    tableRow?: GoogleAppsScript.Document.TableRow | null,
  ): GoogleAppsScript.Document.TableRow {
    this.write('insertTableRow');
    if (childIndex < 0 || childIndex > this.node.rows.length) {
      throw gasError(childIndexError(childIndex, this.node.rows.length + 1));
    }
    return this.addRow(childIndex, tableRow);
  }

  removeFromParent(): GoogleAppsScript.Document.Table {
    this.write('removeFromParent');
    removeBlock(this.parent, this.node);
    return this.self();
  }

  removeRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    this.write('removeRow');
    const row = this.row(rowIndex);
    this.node.rows.splice(rowIndex, 1);
    return this.wrapRow(row);
  }

  setBorderColor(color: string): GoogleAppsScript.Document.Table {
    this.write('setBorderColor');
    this.node.borderColor = color;
    return this.self();
  }

  setBorderWidth(width: number): GoogleAppsScript.Document.Table {
    this.write('setBorderWidth');
    this.node.borderWidth = width;
    return this.self();
  }

  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    this.write('setColumnWidth');
    this.node.columnWidths[columnIndex] = width;
    return this.self();
  }
}
