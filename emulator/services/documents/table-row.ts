/**
 * Emulated TableRow: a row of cells; its editAsText() styles every cell (a bold header row).
 */
import { type DocContext } from './context';
import { checkInsertIndex, childOf, ElementBase, type ElementCasts } from './element';
import {
  cellRef,
  cloneBlock,
  newCell,
  rowText,
  type BlockNode,
  type ContainerRef,
  type TableCellNode,
  type TableNode,
  type TableRowNode,
} from './model';
import { EmulatedText } from './text';
import { wholeBlocksSource } from './blocks';
import type { EmulatedTable } from './table';
import { asGas, unchecked, gasError } from '../gas';

export class EmulatedTableRow
  extends ElementBase
  implements
    Pick<
      GoogleAppsScript.Document.TableRow,
      | ElementCasts
      | 'appendTableCell'
      | 'editAsText'
      | 'getCell'
      | 'getChild'
      | 'getMinimumHeight'
      | 'getNumCells'
      | 'getNumChildren'
      | 'getParent'
      | 'getParentTable'
      | 'getText'
      | 'insertTableCell'
      | 'removeCell'
      | 'removeFromParent'
      | 'setMinimumHeight'
    >
{
  protected readonly className = 'TableRow';
  protected readonly elementType = 'TABLE_ROW' as const;

  constructor(
    ctx: DocContext,
    private readonly tableParent: ContainerRef,
    private readonly table: TableNode,
    private readonly row: TableRowNode,
  ) {
    super(ctx);
  }

  /** Non-Google: the model row behind this element. */
  __row(): TableRowNode {
    return this.row;
  }

  private cell(index: number): TableCellNode {
    return childOf(this.row.cells, index);
  }

  private wrapCell(cell: TableCellNode): GoogleAppsScript.Document.TableCell {
    return asGas(this.ctx.views.cell(cellRef(cell, this.row, this.table, this.tableParent)));
  }

  private addCell(
    index: number,
    textOrCell?: string | GoogleAppsScript.Document.TableCell | null,
  ): GoogleAppsScript.Document.TableCell {
    let cell: TableCellNode;
    if (textOrCell && typeof textOrCell === 'object') {
      const source = (textOrCell as unknown as { __cell?: () => TableCellNode }).__cell?.();
      if (!source) throw gasError('Invalid argument: cell');
      cell = { ...source, blocks: source.blocks.map(cloneBlock) };
    } else cell = newCell(textOrCell ?? '');
    this.row.cells.splice(index, 0, cell);
    return this.wrapCell(cell);
  }

  appendTableCell(
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | null,
  ): GoogleAppsScript.Document.TableCell {
    this.write('appendTableCell');
    return this.addCell(this.row.cells.length, textContentsOrCell);
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.read('editAsText');
    const blocks = (): BlockNode[] => this.row.cells.flatMap((c) => c.blocks);
    return asGas(new EmulatedText(this.ctx, wholeBlocksSource(blocks, 'table row')));
  }

  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.read('getCell');
    return this.wrapCell(this.cell(cellIndex));
  }

  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.read('getChild');
    return asGas(this.wrapCell(this.cell(childIndex)));
  }

  getMinimumHeight(): number {
    this.read('getMinimumHeight');
    return asGas(this.row.minimumHeight);
  }

  getNumCells(): number {
    this.read('getNumCells');
    return this.row.cells.length;
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.row.cells.length;
  }

  private parentTable(): EmulatedTable {
    return this.ctx.views.table(this.tableParent, this.table);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return unchecked(this.parentTable());
  }

  getParentTable(): GoogleAppsScript.Document.Table {
    this.read('getParentTable');
    return asGas(this.parentTable());
  }

  getText(): string {
    this.read('getText');
    return rowText(this.row);
  }

  insertTableCell(
    childIndex: number,
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | null,
  ): GoogleAppsScript.Document.TableCell {
    this.write('insertTableCell');
    checkInsertIndex(childIndex, this.row.cells.length);
    return this.addCell(childIndex, textContentsOrCell);
  }

  removeCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.write('removeCell');
    const cell = this.cell(cellIndex);
    this.row.cells.splice(cellIndex, 1);
    return this.wrapCell(cell);
  }

  removeFromParent(): GoogleAppsScript.Document.TableRow {
    this.write('removeFromParent');
    const index = this.table.rows.indexOf(this.row);
    if (index >= 0) this.table.rows.splice(index, 1);
    return asGas(this);
  }

  setMinimumHeight(minHeight: number): GoogleAppsScript.Document.TableRow {
    this.write('setMinimumHeight');
    this.row.minimumHeight = minHeight;
    return asGas(this);
  }
}
