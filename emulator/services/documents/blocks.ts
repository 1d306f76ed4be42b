/**
 * Block containers (the body and table cells): adding, finding and removing paragraphs, list
 * items and tables, with Google's rules — a container always ends with a paragraph (Google adds
 * an empty one after a table that would be last), and the body's last paragraph cannot go.
 */
import { readBlobSource } from '../blob';
import { assertString, describeType, type DocContext } from './context';
import { childOf } from './element';
import {
  cloneBlock,
  newListItem,
  newParagraph,
  newTable,
  type BlockNode,
  type ContainerRef,
  type ImageNode,
  type ListItemNode,
  type ParagraphLike,
  type TableNode,
  type TextAttrs,
  cellRef,
  flattenParagraphs,
  textNode,
  textNodesOf,
} from './model';
import type { TextSource } from './text';
import { imageSize } from './image-size';
import type { EmulatedHorizontalRule, EmulatedInlineImage, EmulatedPageBreak } from './inline';
import { unchecked, gasError } from '../gas';

function ensureTrailingParagraph(parent: ContainerRef): void {
  const last = parent.blocks[parent.blocks.length - 1];
  if (!last || last.kind === 'table') parent.blocks.push(newParagraph());
}

function checkInsertIndex(parent: ContainerRef, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index > parent.blocks.length) {
    throw gasError(
      `Index (${index}) must be less than or equal to the number of child elements (${parent.blocks.length}).`,
    );
  }
}

/** The node behind an emulated element passed back in (a copy of it is what gets inserted). */
function nodeOf(element: unknown): BlockNode {
  const node = (element as { __node?: () => BlockNode } | null)?.__node?.();
  if (!node) throw gasError(`Invalid argument: ${describeType(element)}`);
  return cloneBlock(node);
}

export function insertBlock(parent: ContainerRef, index: number, node: BlockNode): void {
  checkInsertIndex(parent, index);
  parent.blocks.splice(index, 0, node);
  ensureTrailingParagraph(parent);
}

export function insertParagraph(
  ctx: DocContext,
  parent: ContainerRef,
  index: number,
  textOrParagraph: unknown,
  method: string,
): GoogleAppsScript.Document.Paragraph {
  let node: BlockNode;
  if (typeof textOrParagraph === 'object' && textOrParagraph !== null)
    node = nodeOf(textOrParagraph);
  else {
    assertString(textOrParagraph, method);
    node = newParagraph(textOrParagraph);
  }
  insertBlock(parent, index, node);
  return unchecked(ctx.views.block(parent, node));
}

/** Consecutive list items form one list, as in the Docs editor. */
export function insertListItem(
  ctx: DocContext,
  parent: ContainerRef,
  index: number,
  textOrItem: unknown,
  method: string,
): GoogleAppsScript.Document.ListItem {
  let node: ListItemNode;
  if (typeof textOrItem === 'object' && textOrItem !== null) {
    const copy = nodeOf(textOrItem);
    if (copy.kind !== 'listItem') throw gasError(`Invalid argument: listItem`);
    node = copy;
  } else {
    assertString(textOrItem, method);
    const previous = parent.blocks[index - 1];
    if (previous?.kind === 'listItem') {
      node = newListItem(textOrItem, previous.listId);
      node.glyphType = previous.glyphType;
    } else {
      node = newListItem(textOrItem, ctx.nextListId());
    }
  }
  insertBlock(parent, index, node);
  return unchecked(ctx.views.block(parent, node));
}

export function insertTable(
  ctx: DocContext,
  parent: ContainerRef,
  index: number,
  cellsOrTable: unknown,
  method: string,
): GoogleAppsScript.Document.Table {
  let node: TableNode;
  if (cellsOrTable === undefined || cellsOrTable === null) node = newTable();
  else if (Array.isArray(cellsOrTable)) {
    const valid = cellsOrTable.every(
      (row) => Array.isArray(row) && row.every((c) => typeof c === 'string'),
    );
    if (!valid) {
      throw gasError(
        `The parameters (${describeType(cellsOrTable)}) don't match the method signature for DocumentApp.${method}.`,
      );
    }
    node = newTable(cellsOrTable as string[][]);
  } else {
    const copy = nodeOf(cellsOrTable);
    if (copy.kind !== 'table') throw gasError('Invalid argument: table');
    node = copy;
  }
  insertBlock(parent, index, node);
  return unchecked(ctx.views.block(parent, node));
}

export function imageNode(source: unknown): ImageNode {
  const { bytes, contentType, name } = readBlobSource(source);
  const size = imageSize(bytes, contentType);
  return {
    kind: 'image',
    bytes: bytes.slice(),
    contentType,
    name,
    width: size.width,
    height: size.height,
    altTitle: '',
    altDescription: '',
    linkUrl: null,
  };
}

/** Images, page breaks and rules sit in a paragraph of their own when added to a container. */
export function insertInParagraph(
  ctx: DocContext,
  parent: ContainerRef,
  index: number,
  what: 'image' | 'pageBreak' | 'horizontalRule',
  source?: unknown,
): EmulatedInlineImage | EmulatedPageBreak | EmulatedHorizontalRule {
  const paragraph = newParagraph();
  insertBlock(parent, index, paragraph);
  if (what === 'image') {
    const node = imageNode(source);
    paragraph.inlines.push(node);
    return ctx.views.image(parent, paragraph, node);
  }
  if (what === 'pageBreak') {
    const node = { kind: 'pageBreak' as const };
    paragraph.inlines.push(node);
    return ctx.views.pageBreak(parent, paragraph, node);
  }
  const node = { kind: 'horizontalRule' as const };
  paragraph.inlines.push(node);
  return ctx.views.horizontalRule(parent, paragraph, node);
}

export function childAt(ctx: DocContext, parent: ContainerRef, index: number) {
  return ctx.views.block(parent, childOf(parent.blocks, index));
}

export function indexOfChild(parent: ContainerRef, child: unknown): number {
  const node = (child as { __node?: () => BlockNode } | null)?.__node?.();
  return node ? parent.blocks.indexOf(node) : -1;
}

export function removeBlock(parent: ContainerRef, node: BlockNode): void {
  const index = parent.blocks.indexOf(node);
  if (index < 0) throw gasError('Element does not contain the specified child element.');
  if (index === parent.blocks.length - 1) {
    throw gasError(
      parent.kind === 'body'
        ? "Can't remove the last paragraph in a document section."
        : "Can't remove the last paragraph in a table cell.",
    );
  }
  parent.blocks.splice(index, 1);
}

/** A container cleared keeps one empty paragraph: Google never leaves it empty. */
export function clearBlocks(parent: ContainerRef): void {
  parent.blocks.splice(0, parent.blocks.length, newParagraph());
}

export function setBlocksText(parent: ContainerRef, text: string): void {
  parent.blocks.splice(
    0,
    parent.blocks.length,
    ...String(text)
      .split(/\r\n|\n/)
      .map((line) => newParagraph(line)),
  );
}

/** All the text of some blocks (paragraphs inside tables too), as one editable region. */
export function blocksSource(
  blocks: () => BlockNode[],
  replace: (text: string, attrs: TextAttrs) => void,
): TextSource {
  return {
    paragraphs: () => flattenParagraphs(blocks()).map(textNodesOf),
    tail: () => {
      const paragraphs = flattenParagraphs(blocks());
      const last = paragraphs[paragraphs.length - 1];
      if (!last) throw gasError('Cannot append text: there is no paragraph.');
      const t = textNode('');
      last.inlines.push(t);
      return t;
    },
    replace,
  };
}

/** The text of blocks that Google lets style but not replace as a whole (a table, a row). */
export function wholeBlocksSource(blocks: () => BlockNode[], what: string): TextSource {
  return blocksSource(blocks, () => {
    throw gasError(`Text.setText is not supported on a whole ${what}.`);
  });
}

/** Replacing a container's text leaves one paragraph holding it (styled like the old start). */
export function replaceBlocksText(parent: ContainerRef): (text: string, attrs: TextAttrs) => void {
  return (text, attrs) => {
    const paragraph = newParagraph();
    if (text !== '') paragraph.inlines.push(textNode(text, attrs));
    parent.blocks.splice(0, parent.blocks.length, paragraph);
  };
}

/** Calls `fn` for every paragraph and list item under `ref`, table cells included, in order. */
export function visitParagraphs(
  ref: ContainerRef,
  fn: (parent: ContainerRef, p: ParagraphLike) => void,
): void {
  for (const block of ref.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) {
        for (const cell of row.cells) visitParagraphs(cellRef(cell, row, block, ref), fn);
      }
    } else fn(ref, block);
  }
}
