/**
 * Emulated Table: rows of cells, with border and column widths stored for the exporter.
 */
import { checkInsertIndex, childOf, type ElementCasts } from './element';
import {
  cellRef,
  cloneBlock,
  newRow,
  rowText,
  type BlockNode,
  type TableNode,
  type TableRowNode,
} from './model';
import { EmulatedText } from './text';
import { wholeBlocksSource } from './blocks';
import { BlockElement } from './block-element';
import { asGas } from '../gas';

export class EmulatedTable
  extends BlockElement<TableNode, GoogleAppsScript.Document.Table>
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

  private row(index: number): TableRowNode {
    return childOf(this.node.rows, index);
  }

  private wrapRow(row: TableRowNode): GoogleAppsScript.Document.TableRow {
    return asGas(this.ctx.views.row(this.parent, this.node, row));
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

  editAsText(): GoogleAppsScript.Document.Text {
    this.read('editAsText');
    const blocks = (): BlockNode[] =>
      this.node.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks));
    return asGas(new EmulatedText(this.ctx, wholeBlocksSource(blocks, 'table')));
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
    const cell = childOf(row.cells, cellIndex);
    return asGas(this.ctx.views.cell(cellRef(cell, row, this.node, this.parent)));
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return asGas(this.wrapRow(this.row(childIndex)));
  }

  getColumnWidth(columnIndex: number): number {
    this.read('getColumnWidth');
    return asGas(this.node.columnWidths[columnIndex] ?? null);
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.node.rows.length;
  }

  getNumRows(): number {
    this.read('getNumRows');
    return this.node.rows.length;
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
    checkInsertIndex(childIndex, this.node.rows.length);
    return this.addRow(childIndex, tableRow);
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
