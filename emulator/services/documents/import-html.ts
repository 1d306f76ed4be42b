/**
 * Drive's import of an HTML page into a Google Doc (advanced Drive service, `files.create` or
 * `files.update` with the Google Docs MIME type), as the emulator models it: the page parsed
 * with htmlparser2 into the document model the DocumentApp elements edit, so the emulated
 * document reads back, exports to .docx and is edited afterwards as one DocumentApp made.
 *
 * What is kept (what Google Docs' import is known to honour; inline `style` attributes only,
 * no style sheets):
 * - `p`, `div` → paragraph; `h1`…`h6` → HEADING1…6; `ul`/`ol` → bulleted/numbered list items
 *   (one list per top-level list, nesting by depth); `table` → table (`tr`, `td`/`th`; column
 *   widths from the first row's `width`, border width and colour from its cells' `border`);
 *   `br` → line break; `hr` → horizontal rule, or a page break when it carries
 *   `page-break-before/after: always` (as Google's own HTML export writes page breaks);
 *   any other element with `page-break-before: always` gets a page break before it;
 * - paragraph: `text-align`, `margin-top`/`margin-bottom` (spacing), `margin-left` (start
 *   indent), `text-indent` (first line, from the start indent);
 * - text: `font-family`, `font-size`, `color`, `font-weight`, `font-style`, `text-decoration`
 *   and `b`/`strong`, `i`/`em`, `u`, inherited from enclosing elements;
 * - white space collapses as in HTML (no-break spaces stay).
 * What is ignored: page size and margins (`@page`), classes, scripts and styles, images.
 * A body always ends with a paragraph, as Google's does.
 */
import { parseDocument, type parseDOM } from 'htmlparser2';
import type { AlignmentName, GlyphName, HeadingName } from './enums';
import {
  newCell,
  newParagraph,
  type BlockNode,
  type ListItemNode,
  type ParagraphLike,
  type TableCellNode,
  type TableNode,
  type TextAttrs,
  type TextRun,
} from './model';

type ChildNode = ReturnType<typeof parseDOM>[number];
type Element = Extract<ChildNode, { name: string; attribs: Record<string, string> }>;
type Css = Record<string, string>;

/** Parsed `style` attributes: a page repeats the same few thousands of times. */
const cssCache = new Map<string, Css>();
const NO_CSS: Css = {};

function cssOf(el: Element): Css {
  const style = el.attribs.style;
  if (!style) return NO_CSS;
  let out = cssCache.get(style);
  if (out) return out;
  out = {};
  if (cssCache.size > 10_000) cssCache.clear();
  cssCache.set(style, out);
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim();
  }
  return out;
}

/** A CSS length in points (pt, px, cm, mm, in, bare numbers as px); null when unreadable. */
const pointsCache = new Map<string, number | null>();

function points(value: string | undefined): number | null {
  if (value === undefined) return null;
  let out = pointsCache.get(value);
  if (out === undefined) {
    if (pointsCache.size > 10_000) pointsCache.clear();
    out = readPoints(value);
    pointsCache.set(value, out);
  }
  return out;
}

function readPoints(value: string): number | null {
  const m = /^(-?\d*\.?\d+)\s*(pt|px|cm|mm|in)?$/i.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'px').toLowerCase();
  const factor = { pt: 1, px: 0.75, cm: 72 / 2.54, mm: 72 / 25.4, in: 72 }[unit] ?? 1;
  return Math.round(n * factor * 100) / 100;
}

function color(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  if (rgb)
    return `#${rgb
      .slice(1, 4)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('')}`;
  return { black: '#000000', white: '#ffffff', red: '#ff0000' }[v];
}

const TEXT_TAGS = new Set(['b', 'strong', 'i', 'em', 'u']);

/**
 * Derived attributes by the attributes they derive from, then by tag and style: a page's
 * elements repeat the same few combinations, and the chain starts from one shared root, so
 * the same objects come back (they are never changed: runs take copies).
 */
const derived = new WeakMap<TextAttrs, Map<string, TextAttrs>>();
const ROOT_ATTRS: TextAttrs = Object.freeze({}) as TextAttrs;

function derive(inherited: TextAttrs, key: string, make: () => TextAttrs): TextAttrs {
  let byKey = derived.get(inherited);
  if (!byKey) {
    byKey = new Map();
    derived.set(inherited, byKey);
  }
  let out = byKey.get(key);
  if (!out) {
    if (byKey.size > 1_000) byKey.clear();
    out = make();
    byKey.set(key, out);
  }
  return out;
}

/** The text attributes an element sets for its content (on top of its parent's). */
function textAttrs(el: Element, inherited: TextAttrs): TextAttrs {
  const tag = el.name;
  const style = el.attribs.style;
  if (!style && !TEXT_TAGS.has(tag)) return inherited;
  return derive(inherited, `${tag}\u0000${style ?? ''}`, () => ownTextAttrs(el, inherited));
}

/** Inherited attributes with bold set (a table's header cells). */
function boldAttrs(inherited: TextAttrs): TextAttrs {
  return derive(inherited, '\u0000bold', () => ({ ...inherited, bold: true }));
}

function ownTextAttrs(el: Element, inherited: TextAttrs): TextAttrs {
  const tag = el.name;
  const css = cssOf(el);
  const out: TextAttrs = { ...inherited };
  if (tag === 'b' || tag === 'strong') out.bold = true;
  if (tag === 'i' || tag === 'em') out.italic = true;
  if (tag === 'u') out.underline = true;
  if (css['font-family'])
    out.fontFamily = css['font-family']
      .split(',')[0]
      .trim()
      .replace(/^['"]|['"]$/g, '');
  const size = points(css['font-size']);
  if (size !== null) out.fontSize = size;
  const fg = color(css.color);
  if (fg) out.foregroundColor = fg;
  const weight = css['font-weight'];
  if (weight) out.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const style = css['font-style'];
  if (style) out.italic = style === 'italic' || style === 'oblique';
  const decoration = css['text-decoration'];
  if (decoration) out.underline = decoration.includes('underline');
  return out;
}

const ALIGN: Record<string, AlignmentName> = {
  left: 'LEFT',
  start: 'LEFT',
  center: 'CENTER',
  right: 'RIGHT',
  end: 'RIGHT',
  justify: 'JUSTIFY',
};

const HEADINGS: Record<string, HeadingName> = {
  h1: 'HEADING1',
  h2: 'HEADING2',
  h3: 'HEADING3',
  h4: 'HEADING4',
  h5: 'HEADING5',
  h6: 'HEADING6',
};

const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'hr',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'body',
  'html',
  'center',
]);
const SKIPPED = new Set(['head', 'script', 'style', 'title', 'meta', 'link', 'img', 'svg']);

const isElement = (n: ChildNode): n is Element =>
  n.type === 'tag' || n.type === 'script' || n.type === 'style';

function pageBreakBefore(css: Css): boolean {
  return css['page-break-before'] === 'always' || css['break-before'] === 'page';
}

/** Collects one paragraph's runs: white space collapsed, `br` as a line break. */
class RunCollector {
  readonly runs: TextRun[] = [];
  private lastSpace = true;

  text(raw: string, attrs: TextAttrs): void {
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.lastSpace) text = text.replace(/^ /, '');
    if (text === '') return;
    this.lastSpace = text.endsWith(' ');
    this.push(text, attrs);
  }

  lineBreak(attrs: TextAttrs): void {
    this.trimEnd();
    this.push('\r', attrs);
    this.lastSpace = true;
  }

  private push(text: string, attrs: TextAttrs): void {
    const last = this.runs[this.runs.length - 1];
    if (last && sameAttrs(last.attrs, attrs)) last.text += text;
    else this.runs.push({ text, attrs: { ...attrs } });
  }

  trimEnd(): void {
    const last = this.runs[this.runs.length - 1];
    if (!last || !last.text.endsWith(' ')) return;
    last.text = last.text.slice(0, -1);
    if (last.text === '') this.runs.pop();
  }
}

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  const ka = Object.keys(a) as Array<keyof TextAttrs>;
  const kb = Object.keys(b) as Array<keyof TextAttrs>;
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}

function applyParagraphCss(p: ParagraphLike, css: Css): void {
  const align = css['text-align'] ? ALIGN[css['text-align'].toLowerCase()] : undefined;
  if (align) p.alignment = align;
  const before = points(css['margin-top']);
  if (before !== null) p.spacingBefore = before;
  const after = points(css['margin-bottom']);
  if (after !== null) p.spacingAfter = after;
  const start = points(css['margin-left']);
  if (start !== null) {
    p.indentStart = start;
    p.indentFirstLine = start;
  }
  const indent = points(css['text-indent']);
  if (indent !== null) p.indentFirstLine = Math.round(((start ?? 0) + indent) * 100) / 100;
}

class Importer {
  constructor(private readonly newListId: () => string) {}

  /** The blocks of a container (the body, a table cell). */
  blocks(nodes: ChildNode[], attrs: TextAttrs, out: BlockNode[]): void {
    let loose: ChildNode[] = [];
    const flush = () => {
      if (loose.some((n) => n.type !== 'text' || /\S/.test((n as { data: string }).data)))
        out.push(this.paragraph(loose, attrs, {}, 'NORMAL'));
      loose = [];
    };
    for (const node of nodes) {
      if (isElement(node) && SKIPPED.has(node.name)) continue;
      if (!isElement(node) || !BLOCKS.has(node.name)) {
        if (node.type === 'text' || isElement(node)) loose.push(node);
        continue;
      }
      flush();
      this.block(node, attrs, out);
    }
    flush();
  }

  private block(el: Element, inherited: TextAttrs, out: BlockNode[]): void {
    const css = cssOf(el);
    const attrs = textAttrs(el, inherited);
    const tag = el.name;
    if (tag === 'hr') {
      const isBreak =
        pageBreakBefore(css) ||
        css['page-break-after'] === 'always' ||
        css['break-after'] === 'page';
      const p = newParagraph();
      p.inlines.push(isBreak ? { kind: 'pageBreak' } : { kind: 'horizontalRule' });
      out.push(p);
      return;
    }
    if (pageBreakBefore(css)) {
      const p = newParagraph();
      p.inlines.push({ kind: 'pageBreak' });
      out.push(p);
    }
    if (tag === 'ul' || tag === 'ol') {
      this.list(el, attrs, out, this.newListId(), 0);
      return;
    }
    if (tag === 'table') {
      out.push(this.table(el, attrs));
      return;
    }
    if (tag === 'p' || tag in HEADINGS || tag === 'li') {
      out.push(this.paragraph(el.children, attrs, css, HEADINGS[tag] ?? 'NORMAL'));
      return;
    }
    // A generic block (div, section…): its content as blocks.
    this.blocks(el.children, attrs, out);
  }

  private paragraph(
    nodes: ChildNode[],
    attrs: TextAttrs,
    css: Css,
    heading: HeadingName,
  ): ParagraphLike {
    const p = newParagraph();
    p.heading = heading;
    applyParagraphCss(p, css);
    const runs = new RunCollector();
    this.inlines(nodes, attrs, runs);
    runs.trimEnd();
    if (runs.runs.length > 0) p.inlines.push({ kind: 'text', runs: runs.runs });
    return p;
  }

  private inlines(nodes: ChildNode[], attrs: TextAttrs, runs: RunCollector): void {
    for (const node of nodes) {
      if (node.type === 'text') runs.text(node.data, attrs);
      else if (isElement(node)) {
        if (SKIPPED.has(node.name)) continue;
        if (node.name === 'br') runs.lineBreak(attrs);
        else this.inlines(node.children, textAttrs(node, attrs), runs);
      }
    }
  }

  private list(
    el: Element,
    attrs: TextAttrs,
    out: BlockNode[],
    listId: string,
    level: number,
  ): void {
    const glyph: GlyphName = el.name === 'ol' ? 'NUMBER' : 'BULLET';
    for (const child of el.children) {
      if (!isElement(child) || child.name !== 'li') continue;
      const itemAttrs = textAttrs(child, attrs);
      const nested = child.children.filter(
        (c): c is Element => isElement(c) && (c.name === 'ul' || c.name === 'ol'),
      );
      const own = child.children.filter((c) => !nested.includes(c as Element));
      const p = this.paragraph(own, itemAttrs, cssOf(child), 'NORMAL');
      const item: ListItemNode = {
        ...p,
        kind: 'listItem',
        glyphType: glyph,
        nestingLevel: level,
        listId,
      };
      out.push(item);
      for (const sub of nested) this.list(sub, itemAttrs, out, listId, level + 1);
    }
  }

  private table(el: Element, attrs: TextAttrs): TableNode {
    const rows: Element[] = [];
    const collect = (nodes: ChildNode[]) => {
      for (const n of nodes) {
        if (!isElement(n)) continue;
        if (n.name === 'tr') rows.push(n);
        else if (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot')
          collect(n.children);
      }
    };
    collect(el.children);
    const table: TableNode = {
      kind: 'table',
      rows: [],
      borderWidth: null,
      borderColor: null,
      columnWidths: {},
    };
    rows.forEach((tr, r) => {
      const cells = tr.children.filter(
        (c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'),
      );
      table.rows.push({
        kind: 'tableRow',
        minimumHeight: null,
        cells: cells.map((td, c) => {
          const css = cssOf(td);
          if (r === 0) {
            const width = points(css.width);
            if (width !== null) table.columnWidths[c] = width;
            const border = /^(\S+)\s+\S+\s+(\S+)$/.exec(css.border ?? '');
            if (border && c === 0) {
              table.borderWidth = points(border[1]);
              table.borderColor = color(border[2]) ?? null;
            }
          }
          return this.cell(td, textAttrs(td, td.name === 'th' ? boldAttrs(attrs) : attrs), css);
        }),
      });
    });
    return table;
  }

  private cell(td: Element, attrs: TextAttrs, css: Css): TableCellNode {
    const blocks: BlockNode[] = [];
    this.blocks(td.children, attrs, blocks);
    const cell = newCell();
    if (blocks.length > 0) cell.blocks = blocks;
    cell.backgroundColor = color(css['background-color']) ?? null;
    return cell;
  }
}

/** The body Google Docs makes of an HTML page. */
export function importHtml(html: string, newListId: () => string): BlockNode[] {
  const dom = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const body: BlockNode[] = [];
  new Importer(newListId).blocks(dom.children, ROOT_ATTRS, body);
  const last = body[body.length - 1];
  if (!last || last.kind === 'table') body.push(newParagraph());
  return body;
}
