/**
 * The body of word/document.xml written straight from the emulated document's model, as
 * Google's «download as .docx» writes its own: the same WordprocessingML the docx library writes
 * for the options docx.ts gives it (element and attribute order, escaping, ids), byte for byte,
 * at a fraction of the cost (the library builds an object tree per run and serialises it; the
 * letters of a municipality are thousands of documents). The package's other parts still come
 * from the library (docx.ts compiles them once per kind of document).
 *
 * It covers what the add-on's documents hold: paragraphs and list items with every paragraph
 * attribute of the model, text runs, line and page breaks, horizontal rules, tables with set
 * column widths (not nested), PNG/JPEG/GIF/BMP images without alt text. `fastBodySupported` says when a
 * document holds anything else (links, SVG images, alt text, tables without widths); such a
 * document goes through the library whole. test/emulator/docx.test.ts compares the two.
 */
import { createHash } from 'node:crypto';
import type {
  BlockNode,
  ImageNode,
  ParagraphLike,
  TableCellNode,
  TableNode,
  TextAttrs,
} from '../services/documents';
import type { GlyphName } from '../services/documents/enums';

/** What the body needs from the exporter's choices (kept in docx.ts, shared by both paths). */
export interface BodyStyle {
  headings: Record<string, string | undefined>;
  alignments: Record<string, string | undefined>;
  headerRowFill: string;
  listReference(glyph: GlyphName): string;
  hex(color: string | null | undefined): string | undefined;
  imageKind(image: ImageNode): string | null;
  /** The image's size in pixels after fitting it to the text column. */
  imageSize(image: ImageNode): { width: number; height: number };
}

/** A picture the body refers to: one media part per distinct content, as the library dedupes. */
export interface BodyMedia {
  key: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface BodyXml {
  xml: string;
  /** The lists' (reference, instance) pairs in the order of their first item: numIds 2, 3, … */
  lists: Array<{ reference: string; instance: number }>;
  media: BodyMedia[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** The library's escaping of text and attribute values: five entities, control characters dropped. */
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
export function escapeXml(value: string): string {
  return value.replace(ESCAPED, (c) => ESCAPES[c] ?? '');
}

/** The library's whole-number values: floored. */
const int = (n: number): number => Math.floor(n);
const twips = (points: number | null): number | undefined =>
  points === null ? undefined : Math.round(points * 20);

function attrs(pairs: Array<[string, string | number | undefined]>): string {
  let out = '';
  for (const [key, value] of pairs) if (value !== undefined) out += ` ${key}="${value}"`;
  return out;
}

/** True when every part of the body is one the fast writer covers (see the module's comment). */
export function fastBodySupported(body: BlockNode[], style: BodyStyle): boolean {
  for (const node of body) {
    if (node.kind === 'table') {
      const columns = Math.max(0, ...node.rows.map((r) => r.cells.length));
      if (node.rows.length === 0 || columns === 0) continue;
      for (let c = 0; c < columns; c++)
        if (node.columnWidths[c] === undefined || node.columnWidths[c] === null) return false;
      for (const row of node.rows)
        for (const cell of row.cells) {
          // A table in a table cell: left to the library.
          if (cell.blocks.some((b) => b.kind === 'table')) return false;
          if (!fastBodySupported(cell.blocks, style)) return false;
        }
      continue;
    }
    for (const inline of node.inlines) {
      if (inline.kind === 'text') {
        for (const run of inline.runs) if (run.attrs.linkUrl) return false;
      } else if (inline.kind === 'image') {
        const kind = style.imageKind(inline);
        if (kind === null || kind === 'svg' || inline.altTitle || inline.altDescription)
          return false;
      }
    }
  }
  return true;
}

/** The run properties of a text run, as the library writes them for runOptions in docx.ts. */
function runProperties(a: TextAttrs, style: BodyStyle): string {
  let out = '';
  if (a.fontFamily) {
    const f = escapeXml(a.fontFamily);
    out += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (a.bold) out += '<w:b/><w:bCs/>';
  if (a.italic) out += '<w:i/><w:iCs/>';
  if (a.strikethrough) out += '<w:strike/>';
  const color = style.hex(a.foregroundColor);
  if (color) out += `<w:color w:val="${color}"/>`;
  if (a.fontSize) {
    const size = int(Math.round(a.fontSize * 2));
    out += `<w:sz w:val="${size}"/>`;
    if (size) out += `<w:szCs w:val="${size}"/>`;
  }
  if (a.underline) out += '<w:u w:val="single"/>';
  const background = style.hex(a.backgroundColor);
  if (background) out += `<w:shd w:fill="${background}" w:color="auto" w:val="clear"/>`;
  return out === '' ? '' : `<w:rPr>${out}</w:rPr>`;
}

class BodyWriter {
  private readonly listIds = new Map<string, number>();
  readonly lists: Array<{ reference: string; instance: number }> = [];
  private readonly listKeys = new Map<string, number>();
  readonly media: BodyMedia[] = [];
  private readonly mediaByKey = new Map<string, BodyMedia>();
  private docPrId = 0;
  private readonly rPr = new Map<TextAttrs, string>();

  constructor(private readonly style: BodyStyle) {}

  /** Our list instance of a model list id (1, 2, … in order of first item), as docx.ts numbers them. */
  private instance(listId: string): number {
    let n = this.listIds.get(listId);
    if (n === undefined) {
      n = this.listIds.size + 1;
      this.listIds.set(listId, n);
    }
    return n;
  }

  /** The numId the library gives a (reference, instance) pair: 2, 3, … by first use. */
  private numId(reference: string, instance: number): number {
    const key = `${reference}-${instance}`;
    let id = this.listKeys.get(key);
    if (id === undefined) {
      id = this.lists.length + 2;
      this.listKeys.set(key, id);
      this.lists.push({ reference, instance });
    }
    return id;
  }

  private runProps(a: TextAttrs): string {
    let xml = this.rPr.get(a);
    if (xml === undefined) {
      xml = runProperties(a, this.style);
      this.rPr.set(a, xml);
    }
    return xml;
  }

  blocks(nodes: BlockNode[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'table') out += this.table(node);
      else out += this.paragraph(node);
    }
    return out;
  }

  private paragraph(p: ParagraphLike): string {
    const s = this.style;
    let pPr = '';
    const heading = s.headings[p.heading];
    if (heading) pPr += `<w:pStyle w:val="${heading}"/>`;
    const subtitle = p.heading === 'SUBTITLE';
    if (p.kind === 'listItem' && !subtitle && !heading) pPr += '<w:pStyle w:val="ListParagraph"/>';
    if (subtitle) pPr += '<w:pStyle w:val="Subtitle"/>';
    const onlyImage = p.inlines.length > 0 && p.inlines.every((i) => i.kind === 'image');
    if (onlyImage) pPr += '<w:keepNext/>';
    if (p.kind === 'listItem') {
      const reference = s.listReference(p.glyphType);
      const id = this.numId(reference, this.instance(p.listId));
      pPr += `<w:numPr><w:ilvl w:val="${p.nestingLevel}"/><w:numId w:val="${id}"/></w:numPr>`;
    }
    if (p.inlines.some((i) => i.kind === 'horizontalRule'))
      pPr += '<w:pBdr><w:bottom w:val="single" w:color="AAAAAA" w:sz="6" w:space="1"/></w:pBdr>';
    if (p.spacingBefore !== null || p.spacingAfter !== null || p.lineSpacing !== null) {
      pPr += `<w:spacing${attrs([
        ['w:after', twips(p.spacingAfter)],
        ['w:before', twips(p.spacingBefore)],
        ['w:line', p.lineSpacing !== null ? Math.round(p.lineSpacing * 240) : undefined],
      ])}/>`;
    }
    const indentLeft = twips(p.indentStart);
    const firstLineAt = twips(p.indentFirstLine);
    const offset = firstLineAt !== undefined ? firstLineAt - (indentLeft ?? 0) : undefined;
    if (p.kind !== 'listItem' && (indentLeft !== undefined || offset !== undefined)) {
      const right = twips(p.indentEnd);
      pPr += `<w:ind${attrs([
        ['w:left', indentLeft === undefined ? undefined : int(indentLeft)],
        ['w:right', right === undefined ? undefined : int(right)],
        ['w:hanging', offset !== undefined && offset < 0 ? int(-offset) : undefined],
        ['w:firstLine', offset !== undefined && offset > 0 ? int(offset) : undefined],
      ])}/>`;
    }
    const align = p.alignment ? s.alignments[p.alignment] : undefined;
    if (align) pPr += `<w:jc w:val="${align}"/>`;

    let runs = '';
    for (const inline of p.inlines) {
      if (inline.kind === 'text') {
        for (const run of inline.runs) {
          const rPr = this.runProps(run.attrs);
          const lines = run.text.split('\r');
          for (let i = 0; i < lines.length; i++)
            runs += `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(lines[i])}</w:t></w:r>`;
        }
      } else if (inline.kind === 'image') runs += this.image(inline);
      else if (inline.kind === 'pageBreak') runs += '<w:r><w:br w:type="page"/></w:r>';
    }
    const inner = (pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`) + runs;
    return inner === '' ? '<w:p/>' : `<w:p>${inner}</w:p>`;
  }

  private image(image: ImageNode): string {
    const kind = this.style.imageKind(image) as string;
    const key = `${createHash('sha1').update(image.bytes).digest('hex')}.${kind}`;
    let media = this.mediaByKey.get(key);
    if (!media) {
      media = { key, fileName: `image${this.media.length + 1}.${kind}`, bytes: image.bytes };
      this.mediaByKey.set(key, media);
      this.media.push(media);
    }
    const { width, height } = this.style.imageSize(image);
    const cx = Math.round(width * 9525);
    const cy = Math.round(height * 9525);
    this.docPrId += 1;
    const rId = `{media:${this.media.indexOf(media)}}`;
    return (
      '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
      `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
      `<wp:docPr id="${this.docPrId}" name=""/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>' +
      '<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
      `<pic:blipFill><a:blip r:embed="rId${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    );
  }

  private border(table: TableNode): string {
    const color = this.style.hex(table.borderColor) ?? '000000';
    if (table.borderWidth === 0) return ` w:val="none" w:color="${color}" w:sz="0"/>`;
    const size = int(Math.max(2, Math.round((table.borderWidth ?? 1) * 8)));
    return ` w:val="single" w:color="${color}" w:sz="${size}"/>`;
  }

  private table(node: TableNode): string {
    const columns = Math.max(0, ...node.rows.map((r) => r.cells.length));
    if (node.rows.length === 0 || columns === 0) return '';
    const widths = Array.from({ length: columns }, (_, c) => node.columnWidths[c] as number);
    const edge = this.border(node);
    const total = int(Math.round(widths.reduce((a, b) => a + b, 0)) * 20);
    let out =
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>` +
      `<w:top${edge}<w:left${edge}<w:bottom${edge}<w:right${edge}<w:insideH${edge}<w:insideV${edge}` +
      '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="30"/>' +
      '<w:left w:type="dxa" w:w="70"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="70"/>' +
      '</w:tblCellMar></w:tblPr><w:tblGrid>';
    for (const w of widths) out += `<w:gridCol w:w="${int(Math.round(w * 20))}"/>`;
    out += '</w:tblGrid>';
    const header = node.rows.length > 1;
    node.rows.forEach((row, r) => {
      out += `<w:tr><w:trPr><w:cantSplit/>${r === 0 && header ? '<w:tblHeader/>' : ''}</w:trPr>`;
      for (let c = 0; c < columns; c++) out += this.cell(row.cells[c], r, widths[c]);
      out += '</w:tr>';
    });
    return `${out}</w:tbl>`;
  }

  private cell(cell: TableCellNode | undefined, r: number, width: number): string {
    const fill =
      this.style.hex(cell?.backgroundColor) ?? (r === 0 ? this.style.headerRowFill : undefined);
    let tcPr = `<w:tcW w:type="dxa" w:w="${int(Math.round(width * 20))}"/>`;
    if (fill) tcPr += `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;
    const content = cell ? this.blocks(cell.blocks) : '';
    return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content === '' ? '<w:p/>' : content}</w:tc>`;
  }
}

/**
 * The body's XML (without `<w:body>` and the section properties). Image relationship ids are
 * written as `rId{media:i}`, for the caller to number after the package's own relationships.
 */
export function bodyXml(body: BlockNode[], style: BodyStyle): BodyXml {
  const writer = new BodyWriter(style);
  const xml = writer.blocks(body);
  return { xml, lists: writer.lists, media: writer.media };
}
