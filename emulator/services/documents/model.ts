/**
 * The document's content as plain data: what the emulated elements edit, and what the .docx
 * exporter reads (through Document.__model(), a deep copy).
 */
import type { AlignmentName, GlyphName, HeadingName } from './enums';

export interface TextAttrs {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  /** Points. */
  fontSize?: number;
  fontFamily?: string;
  /** '#rrggbb'. */
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

export interface TextRun {
  text: string;
  attrs: TextAttrs;
}

export interface TextNode {
  kind: 'text';
  runs: TextRun[];
}

export interface ImageNode {
  kind: 'image';
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
  /** Pixels, as Google reports them. */
  width: number;
  height: number;
  altTitle: string;
  altDescription: string;
  linkUrl: string | null;
}

export interface PageBreakNode {
  kind: 'pageBreak';
}

export interface HorizontalRuleNode {
  kind: 'horizontalRule';
}

export type InlineNode = TextNode | ImageNode | PageBreakNode | HorizontalRuleNode;

export interface ParagraphProps {
  heading: HeadingName;
  alignment: AlignmentName | null;
  inlines: InlineNode[];
  indentStart: number | null;
  indentFirstLine: number | null;
  indentEnd: number | null;
  spacingBefore: number | null;
  spacingAfter: number | null;
  lineSpacing: number | null;
}

export interface ParagraphNode extends ParagraphProps {
  kind: 'paragraph';
}

export interface ListItemNode extends ParagraphProps {
  kind: 'listItem';
  glyphType: GlyphName;
  nestingLevel: number;
  /** Items with the same id are one list (numbered on from each other). */
  listId: string;
}

export type ParagraphLike = ParagraphNode | ListItemNode;

export interface TableCellNode {
  kind: 'tableCell';
  blocks: BlockNode[];
  backgroundColor: string | null;
  width: number | null;
  verticalAlignment: string | null;
  paddingTop: number | null;
  paddingBottom: number | null;
  paddingLeft: number | null;
  paddingRight: number | null;
}

export interface TableRowNode {
  kind: 'tableRow';
  cells: TableCellNode[];
  minimumHeight: number | null;
}

export interface TableNode {
  kind: 'table';
  rows: TableRowNode[];
  borderWidth: number | null;
  borderColor: string | null;
  columnWidths: Record<number, number>;
}

export type BlockNode = ParagraphNode | ListItemNode | TableNode;

/** Page size and margins in points, as Body.setPageWidth / setMarginTop set them. */
export interface PageSetup {
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** Google Docs' defaults: US Letter with 1-inch margins. */
export function defaultPage(): PageSetup {
  return {
    pageWidth: 612,
    pageHeight: 792,
    marginTop: 72,
    marginBottom: 72,
    marginLeft: 72,
    marginRight: 72,
  };
}

/** Where a block sits: the body, or a table cell (with its row, table and the table's parent). */
export type ContainerRef =
  | { kind: 'body'; blocks: BlockNode[] }
  | {
      kind: 'cell';
      blocks: BlockNode[];
      cell: TableCellNode;
      row: TableRowNode;
      table: TableNode;
      tableParent: ContainerRef;
    };

export function cellRef(
  cell: TableCellNode,
  row: TableRowNode,
  table: TableNode,
  tableParent: ContainerRef,
): ContainerRef {
  return { kind: 'cell', blocks: cell.blocks, cell, row, table, tableParent };
}

export interface DocumentModel {
  id: string;
  name: string;
  body: BlockNode[];
  /** Absent in models built by hand: the exporter then uses Google's defaults. */
  page?: PageSetup;
}

/** Google turns "\n" inside a paragraph into a line break ("\r"). */
export function paragraphText(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

export function textNode(text: string, attrs: TextAttrs = {}): TextNode {
  return { kind: 'text', runs: text === '' ? [] : [{ text, attrs: { ...attrs } }] };
}

export function newParagraph(text = ''): ParagraphNode {
  // An object literal, no spread: an HTML import makes thousands a page.
  return {
    kind: 'paragraph',
    heading: 'NORMAL',
    alignment: null,
    inlines: text === '' ? [] : [textNode(paragraphText(text))],
    indentStart: null,
    indentFirstLine: null,
    indentEnd: null,
    spacingBefore: null,
    spacingAfter: null,
    lineSpacing: null,
  };
}

export function newListItem(text: string, listId: string): ListItemNode {
  // `kind` keeps its first place: the same keys in the same order as before.
  return {
    ...newParagraph(text),
    kind: 'listItem',
    glyphType: 'BULLET',
    nestingLevel: 0,
    listId,
  };
}

export function newCell(text = ''): TableCellNode {
  return {
    kind: 'tableCell',
    blocks: [newParagraph(text)],
    backgroundColor: null,
    width: null,
    verticalAlignment: null,
    paddingTop: null,
    paddingBottom: null,
    paddingLeft: null,
    paddingRight: null,
  };
}

export function newRow(texts: string[] = []): TableRowNode {
  return { kind: 'tableRow', cells: texts.map((t) => newCell(t)), minimumHeight: null };
}

export function newTable(cells: string[][] = []): TableNode {
  return {
    kind: 'table',
    rows: cells.map((row) => newRow(row)),
    borderWidth: null,
    borderColor: null,
    columnWidths: {},
  };
}

export function isParagraphLike(block: BlockNode): block is ParagraphLike {
  return block.kind === 'paragraph' || block.kind === 'listItem';
}

export function textNodesOf(p: ParagraphLike): TextNode[] {
  return p.inlines.filter((i): i is TextNode => i.kind === 'text');
}

export function paragraphTextOf(p: ParagraphLike): string {
  return textNodesOf(p)
    .map((t) => t.runs.map((r) => r.text).join(''))
    .join('');
}

/** Every paragraph in reading order, including those inside table cells. */
export function flattenParagraphs(blocks: BlockNode[]): ParagraphLike[] {
  const out: ParagraphLike[] = [];
  for (const b of blocks) {
    if (isParagraphLike(b)) out.push(b);
    else
      for (const row of b.rows)
        for (const cell of row.cells) out.push(...flattenParagraphs(cell.blocks));
  }
  return out;
}

/** Google's getText(): paragraphs (table cells too) joined with "\n". */
export function blocksText(blocks: BlockNode[]): string {
  return flattenParagraphs(blocks).map(paragraphTextOf).join('\n');
}

/** Deep copy, so the exporter and tests cannot edit the live document by accident. */
export function cloneBlocks(blocks: BlockNode[]): BlockNode[] {
  return blocks.map(cloneBlock);
}

export function cloneBlock<B extends BlockNode>(block: B): B {
  if (block.kind === 'table') {
    return {
      ...block,
      columnWidths: { ...block.columnWidths },
      rows: block.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell) => ({ ...cell, blocks: cloneBlocks(cell.blocks) })),
      })),
    } as B;
  }
  return {
    ...block,
    inlines: block.inlines.map((i): InlineNode => {
      if (i.kind === 'text')
        return { kind: 'text', runs: i.runs.map((r) => ({ text: r.text, attrs: { ...r.attrs } })) };
      if (i.kind === 'image') return { ...i, bytes: i.bytes.slice() };
      return { ...i };
    }),
  } as B;
}

/** A row's text: its cells' texts, one per line. */
export function rowText(row: TableRowNode): string {
  return row.cells.map((c) => blocksText(c.blocks)).join('\n');
}
