/**
 * Writes an emulated Google Doc to a .docx file a person can open in Word or LibreOffice:
 * headings become Word's heading styles, list items real lists, tables keep their text and cell
 * colours (the first row shaded as a header), images are embedded, page breaks kept.
 *
 * SVG images: Word 2016+ shows SVG natively; docx requires a raster fallback for older readers,
 * and without a rasteriser here we give it a 1x1 transparent PNG, so an old reader shows a blank.
 */
import { writeFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type INumberingOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type {
  BlockNode,
  DocumentModel,
  ImageNode,
  ParagraphLike,
  TableCellNode,
  TableNode,
  TextAttrs,
} from '../services/documents';
import { GlyphType, type GlyphName } from '../services/documents/enums';
import { defaultPage, type PageSetup } from '../services/documents/model';
import { packPart, zipParts, zipPartsAsync, type PartData } from './zip';
import { bodyXml, escapeXml, fastBodySupported, type BodyStyle } from './docx-body';

/** A document as DocumentApp returns it (we read its model), or the model itself. */
export type DocxSource =
  DocumentModel | { __model(): DocumentModel } | GoogleAppsScript.Document.Document;

const HEADER_ROW_FILL = 'D9D9D9';
/** The text column's width in pixels (96 px/in), the widest an image may be. */
let maxImageWidthPx = 624;
const DEFAULT_IMAGE_SIZE = { width: 600, height: 400 };
const TRANSPARENT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const HEADINGS: Record<string, IParagraphOptions['heading']> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};

const ALIGNMENTS: Record<string, IParagraphOptions['alignment']> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

/** Every glyph type DocumentApp has: one numbering definition each. */
const GLYPHS: GlyphName[] = Object.values(GlyphType);

const BULLET_TEXT: Partial<Record<GlyphName, string>> = {
  BULLET: '\u25CF',
  HOLLOW_BULLET: '\u25CB',
  SQUARE_BULLET: '\u25A0',
};

const NUMBER_FORMAT: Partial<Record<GlyphName, (typeof LevelFormat)[keyof typeof LevelFormat]>> = {
  NUMBER: LevelFormat.DECIMAL,
  LATIN_UPPER: LevelFormat.UPPER_LETTER,
  LATIN_LOWER: LevelFormat.LOWER_LETTER,
  ROMAN_UPPER: LevelFormat.UPPER_ROMAN,
  ROMAN_LOWER: LevelFormat.LOWER_ROMAN,
};

function listReference(glyph: GlyphName): string {
  return `gdoc-${glyph.toLowerCase()}`;
}

/** The glyph types the document's lists use, in the order of GLYPHS. */
function glyphsUsed(body: BlockNode[]): GlyphName[] {
  const used = new Set<GlyphName>();
  const visit = (nodes: BlockNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'listItem') used.add(node.glyphType);
      else if (node.kind === 'table')
        for (const row of node.rows) for (const cell of row.cells) visit(cell.blocks);
    }
  };
  visit(body);
  return GLYPHS.filter((g) => used.has(g));
}

/**
 * One numbering definition per glyph type the document uses, nine levels each, indented like
 * Google's lists. Definitions nobody refers to are left out: each is 9 levels of XML that every
 * letter would otherwise carry and compress.
 */
function numbering(glyphs: GlyphName[]): INumberingOptions {
  return {
    config: glyphs.map((glyph) => ({
      reference: listReference(glyph),
      levels: Array.from({ length: 9 }, (_, level) => {
        const bullet = BULLET_TEXT[glyph];
        return {
          level,
          format: bullet ? LevelFormat.BULLET : (NUMBER_FORMAT[glyph] ?? LevelFormat.DECIMAL),
          text: bullet ?? `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        };
      }),
    })),
  };
}

function hex(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (m) return m[1].toUpperCase();
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color.trim());
  return short
    ? `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase()
    : undefined;
}

function runOptions(attrs: TextAttrs): Omit<IRunOptions, 'text' | 'children' | 'break'> {
  const background = hex(attrs.backgroundColor);
  return {
    bold: attrs.bold || undefined,
    italics: attrs.italic || undefined,
    underline: attrs.underline ? {} : undefined,
    strike: attrs.strikethrough || undefined,
    size: attrs.fontSize ? Math.round(attrs.fontSize * 2) : undefined,
    font: attrs.fontFamily,
    color: hex(attrs.foregroundColor),
    shading: background ? { type: ShadingType.CLEAR, fill: background, color: 'auto' } : undefined,
    style: attrs.linkUrl ? 'Hyperlink' : undefined,
  };
}

/** A run of text; Google's in-paragraph line breaks ("\r") become Word line breaks. */
function textRuns(text: string, attrs: TextAttrs): TextRun[] {
  return text
    .split('\r')
    .map(
      (line, i) => new TextRun({ ...runOptions(attrs), text: line, break: i > 0 ? 1 : undefined }),
    );
}

type ImageKind = 'png' | 'jpg' | 'gif' | 'bmp' | 'svg';

function imageKind(image: ImageNode): ImageKind | null {
  const b = image.bytes;
  const type = (image.contentType ?? '').toLowerCase();
  if (type === 'image/png' || (b[0] === 0x89 && b[1] === 0x50)) return 'png';
  if (type === 'image/jpeg' || (b[0] === 0xff && b[1] === 0xd8)) return 'jpg';
  if (type === 'image/gif' || Buffer.from(b.subarray(0, 4)).toString('latin1') === 'GIF8')
    return 'gif';
  if (type === 'image/bmp' || Buffer.from(b.subarray(0, 2)).toString('latin1') === 'BM')
    return 'bmp';
  const head = Buffer.from(b.subarray(0, 512)).toString('utf8');
  if (type === 'image/svg+xml' || /<svg\b/i.test(head)) return 'svg';
  return null;
}

/** The picture's size in pixels, no wider than the text column. */
function imageSize(image: ImageNode): { width: number; height: number } {
  let { width, height } = image.width > 0 && image.height > 0 ? image : DEFAULT_IMAGE_SIZE;
  if (width > maxImageWidthPx) {
    height = Math.round((height * maxImageWidthPx) / width);
    width = maxImageWidthPx;
  }
  return { width, height };
}

function imageRun(image: ImageNode): ParagraphChild {
  const kind = imageKind(image);
  if (!kind) {
    return new TextRun({
      text: `[image not exported: ${image.contentType ?? 'unknown type'}]`,
      italics: true,
    });
  }
  const { width, height } = imageSize(image);
  const altText =
    image.altTitle || image.altDescription
      ? {
          name: image.altTitle || 'image',
          title: image.altTitle,
          description: image.altDescription,
        }
      : undefined;
  const transformation = { width, height };
  if (kind === 'svg') {
    return new ImageRun({
      type: 'svg',
      data: image.bytes,
      fallback: { type: 'png', data: TRANSPARENT_PNG },
      transformation,
      altText,
    });
  }
  return new ImageRun({ type: kind, data: image.bytes, transformation, altText });
}

function paragraphChildren(p: ParagraphLike): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of p.inlines) {
    if (inline.kind === 'text') {
      for (const run of inline.runs) {
        const runs = textRuns(run.text, run.attrs);
        if (run.attrs.linkUrl)
          out.push(new ExternalHyperlink({ link: run.attrs.linkUrl, children: runs }));
        else out.push(...runs);
      }
    } else if (inline.kind === 'image') out.push(imageRun(inline));
    else if (inline.kind === 'pageBreak') out.push(new PageBreak());
  }
  return out;
}

/** Google's measures are points; Word's are twentieths of a point. */
const twips = (points: number | null): number | undefined =>
  points === null ? undefined : Math.round(points * 20);

function paragraph(p: ParagraphLike, listInstance: (listId: string) => number): Paragraph {
  const hasRule = p.inlines.some((i) => i.kind === 'horizontalRule');
  const indentLeft = twips(p.indentStart);
  const firstLineAt = twips(p.indentFirstLine);
  const firstLineOffset = firstLineAt !== undefined ? firstLineAt - (indentLeft ?? 0) : undefined;
  const onlyImage = p.inlines.length > 0 && p.inlines.every((i) => i.kind === 'image');
  const options: IParagraphOptions = {
    // A picture stays on the page of its caption (the paragraph after it).
    keepNext: onlyImage || undefined,
    children: paragraphChildren(p),
    heading: HEADINGS[p.heading],
    style: p.heading === 'SUBTITLE' ? 'Subtitle' : undefined,
    alignment: p.alignment ? ALIGNMENTS[p.alignment] : undefined,
    spacing:
      p.spacingBefore !== null || p.spacingAfter !== null || p.lineSpacing !== null
        ? {
            before: twips(p.spacingBefore),
            after: twips(p.spacingAfter),
            line: p.lineSpacing !== null ? Math.round(p.lineSpacing * 240) : undefined,
          }
        : undefined,
    indent:
      p.kind !== 'listItem' && (indentLeft !== undefined || firstLineOffset !== undefined)
        ? {
            left: indentLeft,
            right: twips(p.indentEnd),
            firstLine:
              firstLineOffset !== undefined && firstLineOffset > 0 ? firstLineOffset : undefined,
            hanging:
              firstLineOffset !== undefined && firstLineOffset < 0 ? -firstLineOffset : undefined,
          }
        : undefined,
    border: hasRule
      ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AAAAAA', space: 1 } }
      : undefined,
    numbering:
      p.kind === 'listItem'
        ? {
            reference: listReference(p.glyphType),
            level: p.nestingLevel,
            instance: listInstance(p.listId),
          }
        : undefined,
  };
  return new Paragraph(options);
}

function border(table: TableNode): IBorderOptions {
  const color = hex(table.borderColor) ?? '000000';
  if (table.borderWidth === 0) return { style: BorderStyle.NONE, size: 0, color };
  return {
    style: BorderStyle.SINGLE,
    size: Math.max(2, Math.round((table.borderWidth ?? 1) * 8)),
    color,
  };
}

function cellChildren(
  cell: TableCellNode,
  listInstance: (listId: string) => number,
): Array<Paragraph | Table> {
  const children = blocks(cell.blocks, listInstance);
  return children.length > 0 ? children : [new Paragraph({})];
}

function table(node: TableNode, listInstance: (listId: string) => number): Table | null {
  const columns = Math.max(0, ...node.rows.map((r) => r.cells.length));
  if (node.rows.length === 0 || columns === 0) return null;
  const edge = border(node);
  const widths = Array.from({ length: columns }, (_, c) => node.columnWidths[c] ?? null);
  const fixed = widths.every((w) => w !== null);
  return new Table({
    layout: fixed ? TableLayoutType.FIXED : undefined,
    columnWidths: fixed ? widths.map((w) => Math.round((w as number) * 20)) : undefined,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    borders: {
      top: edge,
      bottom: edge,
      left: edge,
      right: edge,
      insideHorizontal: edge,
      insideVertical: edge,
    },
    width: fixed
      ? {
          size:
            Math.round(widths.reduce((a, b) => (a as number) + (b as number), 0) as number) * 20,
          type: WidthType.DXA,
        }
      : { size: 100, type: WidthType.PERCENTAGE },
    rows: node.rows.map(
      (row, r) =>
        new TableRow({
          // The header row repeats on every page; no row is split across pages.
          tableHeader: r === 0 && node.rows.length > 1 ? true : undefined,
          cantSplit: true,
          children: Array.from({ length: columns }, (_, c) => {
            const cell = row.cells[c];
            const fill = hex(cell?.backgroundColor) ?? (r === 0 ? HEADER_ROW_FILL : undefined);
            const width = node.columnWidths[c] ?? cell?.width ?? null;
            return new TableCell({
              children: cell ? cellChildren(cell, listInstance) : [new Paragraph({})],
              shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
              width:
                width !== null ? { size: Math.round(width * 20), type: WidthType.DXA } : undefined,
            });
          }),
        }),
    ),
  });
}

function blocks(
  nodes: BlockNode[],
  listInstance: (listId: string) => number,
): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const node of nodes) {
    if (node.kind === 'table') {
      const t = table(node, listInstance);
      if (t) out.push(t);
    } else out.push(paragraph(node, listInstance));
  }
  return out;
}

function modelOf(source: DocxSource): DocumentModel {
  const withModel = source as { __model?: () => DocumentModel };
  if (typeof withModel.__model === 'function') return withModel.__model();
  if ('body' in source && Array.isArray((source as DocumentModel).body))
    return source as DocumentModel;
  throw new Error('exportDocumentToDocx: not an emulated document (no element model)');
}

/**
 * docx's compiler, which Packer keeps as a static field: the package's parts by path, in the
 * order Packer zips them. They are zipped here with Node's zlib (see ./zip); should a later docx
 * not have it, Packer zips them itself.
 */
interface PartsCompiler {
  compile(file: Document): Map<string, string | Uint8Array | ArrayBuffer>;
}

/** The library's Document for a model's name, page and lists, with the given body. */
function libraryDocument(
  name: string,
  page: PageSetup,
  glyphs: GlyphName[],
  children: Array<Paragraph | Table>,
): Document {
  const heading = (id: string, title: string, size: number) => ({
    id,
    name: title,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { bold: true, color: '000000', size: size * 2 },
    paragraph: { keepNext: true, keepLines: true },
  });
  return new Document({
    title: name,
    creator: 'shnor-monitor',
    features: { updateFields: false },
    styles: {
      paragraphStyles: [
        // Organisational documents: black headings, no coloured Word defaults.
        heading('Title', 'Title', 14),
        heading('Heading1', 'Heading 1', 13),
        heading('Heading2', 'Heading 2', 13),
        heading('Heading3', 'Heading 3', 12),
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 30, color: '666666' },
          paragraph: { spacing: { after: 320 } },
        },
      ],
    },
    numbering: numbering(glyphs),
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twips(page.pageWidth) as number,
              height: twips(page.pageHeight) as number,
            },
            margin: {
              top: twips(page.marginTop) as number,
              bottom: twips(page.marginBottom) as number,
              left: twips(page.marginLeft) as number,
              right: twips(page.marginRight) as number,
              header: 400,
            },
          },
        },
        // Page numbers centred at the top from the second page (ГОСТ Р 7.0.97-2016).
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })],
              }),
            ],
          }),
          first: new Header({ children: [] }),
        },
        children,
      },
    ],
  });
}

type Parts = Map<string, string | Uint8Array | ArrayBuffer>;

function compileParts(document: Document): Parts | null {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  return typeof compiler?.compile === 'function' ? compiler.compile(document) : null;
}

/** The body's choices, shared by the library path (above) and the fast writer (./docx-body). */
const BODY_STYLE: BodyStyle = {
  headings: HEADINGS as Record<string, string | undefined>,
  alignments: ALIGNMENTS as Record<string, string | undefined>,
  headerRowFill: HEADER_ROW_FILL,
  listReference,
  hex,
  imageKind,
  imageSize,
};

/** Stands for the title in a template's docProps/core.xml. */
const TITLE_MARK = 'shnor-monitor-title-6c1e0b';

interface Template {
  /** Every part, compressed (the body, title and pictures are set per document). */
  parts: Map<string, PartData>;
  /** word/document.xml up to and including `<w:body>`, and from the section's properties on. */
  head: string;
  tail: string;
  core: string;
  rels: string;
}

/**
 * Every part of a package but the body, compiled by the library once per page, list kinds and
 * list order (the numbering part and its ids depend on them; a municipality's letters share
 * a handful): the template's body is one list item per list, in the order of their first item.
 */
const templates = new Map<string, Template>();

function templateFor(
  page: PageSetup,
  glyphs: GlyphName[],
  lists: Array<{ reference: string; instance: number }>,
): Template | null {
  const key = JSON.stringify([page, glyphs, lists.map((l) => l.reference)]);
  const cached = templates.get(key);
  if (cached) return cached;
  const children = lists.map(
    ({ reference, instance }) => new Paragraph({ numbering: { reference, level: 0, instance } }),
  );
  const parts = compileParts(libraryDocument(TITLE_MARK, page, glyphs, children));
  if (!parts) return null;
  const document = String(parts.get('word/document.xml'));
  const bodyAt = document.indexOf('<w:body>') + '<w:body>'.length;
  const template: Template = {
    parts: new Map([...parts].map(([path, data]) => [path, packPart(data)])),
    head: document.slice(0, bodyAt),
    tail: document.slice(document.lastIndexOf('<w:sectPr')),
    core: String(parts.get('docProps/core.xml')),
    rels: String(parts.get('word/_rels/document.xml.rels')),
  };
  if (templates.size > 64) templates.clear();
  templates.set(key, template);
  return template;
}

const FONT_TABLE_REL =
  /<Relationship Id="rId(\d+)" Type="([^"]*\/fontTable)" Target="fontTable.xml"\/>/;
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** The package written by the fast body writer into the library's compiled parts, or null. */
function fastParts(model: DocumentModel, page: PageSetup): Map<string, PartData> | null {
  if (!fastBodySupported(model.body, BODY_STYLE)) return null;
  const body = bodyXml(model.body, BODY_STYLE);
  const template = templateFor(page, glyphsUsed(model.body), body.lists);
  if (!template) return null;
  const fontTable = FONT_TABLE_REL.exec(template.rels);
  if (!fontTable) return null;
  // Pictures are numbered after the document's own relationships; the font table moves last.
  const first = Number(fontTable[1]);
  const imageRels = body.media
    .map(
      (m, i) =>
        `<Relationship Id="rId${first + i}" Type="${IMAGE_REL}" Target="media/${m.fileName}"/>`,
    )
    .join('');
  const rels = template.rels.replace(
    fontTable[0],
    `${imageRels}<Relationship Id="rId${first + body.media.length}" Type="${fontTable[2]}" Target="fontTable.xml"/>`,
  );
  const xml = body.xml.replace(/\{media:(\d+)\}/g, (_, i: string) => String(first + Number(i)));
  const parts = new Map(template.parts);
  // Without pictures the relationships are the template's own (packed already).
  if (body.media.length > 0) parts.set('word/_rels/document.xml.rels', rels);
  parts.set('word/document.xml', template.head + xml + template.tail);
  parts.set('docProps/core.xml', template.core.replace(TITLE_MARK, escapeXml(model.name)));
  for (const m of body.media) parts.set(`word/media/${m.fileName}`, m.bytes);
  return parts;
}

/** True when the fast body writer covers the document (else the library writes it whole). */
export function fastDocxSupported(source: DocxSource): boolean {
  return fastBodySupported(modelOf(source).body, BODY_STYLE);
}

/**
 * Builds the .docx in memory: the body by the fast writer when it covers the document, else
 * the whole package by the docx library (`library: true` forces that, for comparison).
 */
export async function toDocxBuffer(
  source: DocxSource,
  options: { library?: boolean } = {},
): Promise<Buffer> {
  const model = modelOf(source);
  const page: PageSetup = model.page ?? defaultPage();
  maxImageWidthPx = Math.round(((page.pageWidth - page.marginLeft - page.marginRight) * 96) / 72);
  if (!options.library) {
    const parts = fastParts(model, page);
    if (parts) return zipPartsAsync(parts);
  }
  const instances = new Map<string, number>();
  const listInstance = (listId: string): number => {
    if (!instances.has(listId)) instances.set(listId, instances.size + 1);
    return instances.get(listId) as number;
  };
  const children = blocks(model.body, listInstance);
  const document = libraryDocument(model.name, page, glyphsUsed(model.body), children);
  const parts = compileParts(document);
  return parts ? zipParts(parts) : Packer.toBuffer(document);
}

/** Writes the document to `filePath` as .docx. */
export async function exportDocumentToDocx(source: DocxSource, filePath: string): Promise<void> {
  // Synchronous: thousands of small files (a municipality's letters) cost less without a file
  // handle and a thread-pool round trip each.
  writeFileSync(filePath, await toDocxBuffer(source));
}
