/**
 * The views over the document model: the one module that knows every element class, so the
 * element files reach each other through `ctx.views` and never import one another.
 */
import { EmulatedBody } from './body';
import type { DocContext, DocHandle, DocViews } from './context';
import { EmulatedHorizontalRule, EmulatedInlineImage, EmulatedPageBreak } from './inline';
import { EmulatedListItem, EmulatedParagraph } from './paragraph';
import { EmulatedTable } from './table';
import { EmulatedTableCell } from './table-cell';
import { EmulatedTableRow } from './table-row';
import type { Runtime } from '../../runtime';

/** A context for one open Document, with the views wired in. */
export function docContext(rt: Runtime, handle: DocHandle, nextListId: () => string): DocContext {
  const ctx: DocContext = {
    rt,
    handle,
    nextListId,
    get views() {
      return views;
    },
  };
  const views: DocViews = {
    block: (parent, node) => {
      if (node.kind === 'paragraph') return new EmulatedParagraph(ctx, parent, node);
      if (node.kind === 'listItem') return new EmulatedListItem(ctx, parent, node);
      return new EmulatedTable(ctx, parent, node);
    },
    container: (ref) =>
      ref.kind === 'body' ? new EmulatedBody(ctx, ref) : new EmulatedTableCell(ctx, ref),
    table: (parent, node) => new EmulatedTable(ctx, parent, node),
    row: (tableParent, table, row) => new EmulatedTableRow(ctx, tableParent, table, row),
    cell: (ref) => new EmulatedTableCell(ctx, ref),
    image: (parent, paragraph, node) => new EmulatedInlineImage(ctx, parent, paragraph, node),
    pageBreak: (parent, paragraph, node) => new EmulatedPageBreak(ctx, parent, paragraph, node),
    horizontalRule: (parent, paragraph, node) =>
      new EmulatedHorizontalRule(ctx, parent, paragraph, node),
  };
  return ctx;
}
