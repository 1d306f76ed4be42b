/**
 * Emulated TableCell: holds blocks like the body does (it starts with one paragraph holding the
 * text it was created with), plus a background colour, width, padding and vertical alignment.
 */
import { type DocContext } from './context';
import type { ElementCasts } from './element';
import { enumName } from './enums';
import type { ContainerRef, TableCellNode } from './model';
import { indexOfChild } from './blocks';
import { BlockContainer } from './container';
import type { EmulatedTableRow } from './table-row';
import { asGas, gasEnumMember } from '../gas';

type CellRef = Extract<ContainerRef, { kind: 'cell' }>;
type PaddingProp = 'paddingTop' | 'paddingBottom' | 'paddingLeft' | 'paddingRight';

export class EmulatedTableCell
  extends BlockContainer<CellRef, GoogleAppsScript.Document.TableCell>
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

  constructor(ctx: DocContext, ref: ContainerRef) {
    if (ref.kind !== 'cell') throw new Error('a table cell needs a cell reference');
    super(ctx, ref);
  }

  /** Non-Google: the model cell behind this element. */
  __cell(): TableCellNode {
    return this.ref.cell;
  }

  getBackgroundColor(): string {
    this.read('getBackgroundColor');
    return asGas(this.ref.cell.backgroundColor);
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    this.read('getChildIndex');
    return indexOfChild(this.ref, child);
  }

  getColSpan(): number {
    this.read('getColSpan');
    return 1;
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

  private parentRow(): EmulatedTableRow {
    return this.ctx.views.row(this.ref.tableParent, this.ref.table, this.ref.row);
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.read('getParent');
    return asGas(this.parentRow());
  }

  getParentRow(): GoogleAppsScript.Document.TableRow {
    this.read('getParentRow');
    return asGas(this.parentRow());
  }

  getParentTable(): GoogleAppsScript.Document.Table {
    this.read('getParentTable');
    return asGas(this.ctx.views.table(this.ref.tableParent, this.ref.table));
  }

  getRowSpan(): number {
    this.read('getRowSpan');
    return 1;
  }

  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    this.read('getVerticalAlignment');
    return gasEnumMember(this.ref.cell.verticalAlignment);
  }

  getWidth(): number {
    this.read('getWidth');
    return asGas(this.ref.cell.width);
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
