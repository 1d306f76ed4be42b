/**
 * What every emulated document element carries: the runtime (for counting and the read-only
 * mode), the handle of the open Document (saveAndClose ends it) and the views over the model.
 *
 * The package reads bottom up: the model (model.ts, runs.ts, enums.ts) and its editing rules
 * (blocks.ts) know no element; the elements (element.ts and the files that extend it) reach
 * each other only through `ctx.views`, which views.ts builds and document.ts hands in, so no
 * element file imports another at run time.
 */
import type { Runtime } from '../../runtime';
import { gasError } from '../gas';
import type { EmulatedBody } from './body';
import type { EmulatedHorizontalRule, EmulatedInlineImage, EmulatedPageBreak } from './inline';
import type {
  BlockNode,
  ContainerRef,
  HorizontalRuleNode,
  ImageNode,
  PageBreakNode,
  ParagraphLike,
  TableNode,
  TableRowNode,
} from './model';
import type { EmulatedListItem, EmulatedParagraph } from './paragraph';
import type { EmulatedTable } from './table';
import type { EmulatedTableCell } from './table-cell';
import type { EmulatedTableRow } from './table-row';

export interface DocHandle {
  closed: boolean;
}

/** The element (view) over each kind of model node. */
export interface DocViews {
  block(
    parent: ContainerRef,
    node: BlockNode,
  ): EmulatedParagraph | EmulatedListItem | EmulatedTable;
  container(ref: ContainerRef): EmulatedBody | EmulatedTableCell;
  table(parent: ContainerRef, node: TableNode): EmulatedTable;
  row(tableParent: ContainerRef, table: TableNode, row: TableRowNode): EmulatedTableRow;
  cell(ref: ContainerRef): EmulatedTableCell;
  image(parent: ContainerRef, paragraph: ParagraphLike, node: ImageNode): EmulatedInlineImage;
  pageBreak(parent: ContainerRef, paragraph: ParagraphLike, node: PageBreakNode): EmulatedPageBreak;
  horizontalRule(
    parent: ContainerRef,
    paragraph: ParagraphLike,
    node: HorizontalRuleNode,
  ): EmulatedHorizontalRule;
}

export interface DocContext {
  rt: Runtime;
  handle: DocHandle;
  nextListId: () => string;
  views: DocViews;
}

/** Counts a read; the single place DocumentApp's reads are recorded. */
export function read(ctx: DocContext, method: string): void {
  ctx.rt.record('DocumentApp', method);
}

/** Checks a write is allowed, then counts it. */
export function write(ctx: DocContext, method: string): void {
  ctx.rt.assertWritable(method);
  if (ctx.handle.closed) throw gasError('Document is closed, its contents cannot be updated.');
  ctx.rt.record('DocumentApp', method);
}

/** Google's complaint when an argument has the wrong type. */
export function assertString(value: unknown, method: string): asserts value is string {
  if (typeof value !== 'string') {
    throw gasError(
      `The parameters (${describeType(value)}) don't match the method signature for DocumentApp.${method}.`,
    );
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const inner = value.map(describeType);
    const same = inner.length > 0 && inner.every((t) => t === inner[0]);
    return `${same ? inner[0] : 'Object'}[]`;
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}
