/**
 * Drive's import of an HTML page into a Google Doc (advanced Drive service, `files.create` or
 * `files.update` with the Google Docs MIME type), as the emulator models it: the page read in
 * one pass of htmlparser2's streaming parser (its open/close/text events, with the same implied
 * closes a parsed tree would have; no tree is built) into the document model the DocumentApp
 * elements edit, so the emulated document reads back, exports to .docx and is edited
 * afterwards as one DocumentApp made.
 *
 * What is kept (what Google Docs' import is known to honour): styles written in an element's
 * `style` attribute, or in class rules of the page's `<style>` elements (class-rules.ts: `.c1`
 * and `p.c1` rules, the form of Google Docs' own HTML export, which Drive imports back; other
 * CSS is ignored), with the element's own `style` over its classes' rules:
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
 * What is ignored: page size and margins (`@page`), other style-sheet rules, scripts, images.
 * A `<style>` element's rules apply to the elements after it (the head's, to the whole body).
 * A body always ends with a paragraph, as Google's does.
 */
import { Parser } from 'htmlparser2';
import { ClassRules } from './class-rules';
import type { AlignmentName, GlyphName, HeadingName } from './enums';
import {
  newCell,
  newParagraph,
  type BlockNode,
  type ListItemNode,
  type ParagraphLike,
  type TableNode,
  type TableRowNode,
  type TextAttrs,
  type TextRun,
} from './model';

type Css = Record<string, string>;

/** Parsed `style` attributes: a page repeats the same few thousands of times. */
const cssCache = new Map<string, Css>();
const NO_CSS: Css = {};

function cssOf(style: string | undefined): Css {
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
const derived = new WeakMap<TextAttrs, Map<string, Map<string, TextAttrs>>>();
const ROOT_ATTRS: TextAttrs = Object.freeze({}) as TextAttrs;

function derive(
  inherited: TextAttrs,
  style: string,
  tag: string,
  make: () => TextAttrs,
): TextAttrs {
  let byStyle = derived.get(inherited);
  if (!byStyle) {
    byStyle = new Map();
    derived.set(inherited, byStyle);
  }
  let byTag = byStyle.get(style);
  if (!byTag) {
    if (byStyle.size > 1_000) byStyle.clear();
    byTag = new Map();
    byStyle.set(style, byTag);
  }
  let out = byTag.get(tag);
  if (!out) {
    out = make();
    byTag.set(tag, out);
  }
  return out;
}

/** The text attributes an element sets for its content (on top of its parent's). */
function textAttrs(tag: string, style: string | undefined, inherited: TextAttrs): TextAttrs {
  if (!style && !TEXT_TAGS.has(tag)) return inherited;
  return derive(inherited, style ?? '', tag, () => ownTextAttrs(tag, style, inherited));
}

/** Inherited attributes with bold set (a table's header cells). */
function boldAttrs(inherited: TextAttrs): TextAttrs {
  return derive(inherited, '\u0000bold', '', () => ({ ...inherited, bold: true }));
}

function ownTextAttrs(tag: string, style: string | undefined, inherited: TextAttrs): TextAttrs {
  const css = cssOf(style);
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
  const fontStyle = css['font-style'];
  if (fontStyle) out.italic = fontStyle === 'italic' || fontStyle === 'oblique';
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

function pageBreakBefore(css: Css): boolean {
  return css['page-break-before'] === 'always' || css['break-before'] === 'page';
}

/** Collects one paragraph's runs: white space collapsed, `br` as a line break. */
class RunCollector {
  readonly runs: TextRun[] = [];
  private lastSpace = true;

  text(raw: string, attrs: TextAttrs): void {
    let text = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.lastSpace && text.charCodeAt(0) === 32) text = text.slice(1);
    if (text === '') return;
    this.lastSpace = text.charCodeAt(text.length - 1) === 32;
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

/**
 * What an open element is to the import, by where it stands. The parser's events come in page
 * order, each element opened and closed (implied closes included) exactly as in a parsed tree,
 * so a stack of these frames follows the tree without building it:
 * - container: the body, a generic block (div, section…) or a table cell: block elements become
 *   blocks; text and inline elements between them gather into one paragraph («loose» content),
 *   made when the next block starts or the container ends, if it holds an element or non-space
 *   text;
 * - paragraph: `p`, `h1`…`h6`, a `li` outside a list: everything inside is its text;
 * - inline: an element inside a paragraph's text (its attributes for the text inside);
 * - list: `ul`/`ol`: only its `li` count; item: a list's `li`: its text, except its own `ul`/`ol`
 *   children, whose items follow it one level deeper;
 * - table (and thead/tbody/tfoot): only rows count; row: only `td`/`th` count;
 * - skip: an element whose content is dropped (script, style, head…, or anything a list, table
 *   or row does not hold).
 */
interface Container {
  kind: 'container';
  out: BlockNode[];
  attrs: TextAttrs;
  loose: RunCollector;
  hasLoose: boolean;
  /** For a table cell: its style and the row it goes to when it closes. */
  cell: { css: Css; row: TableRowNode } | null;
}
interface Para {
  kind: 'paragraph';
  p: ParagraphLike;
  attrs: TextAttrs;
  runs: RunCollector;
}
interface Inline {
  kind: 'inline';
  attrs: TextAttrs;
  runs: RunCollector;
}
interface List {
  kind: 'list';
  out: BlockNode[];
  attrs: TextAttrs;
  listId: string;
  level: number;
  glyph: GlyphName;
}
interface Item {
  kind: 'item';
  p: ParagraphLike;
  attrs: TextAttrs;
  runs: RunCollector;
  list: List;
  /** Where the item goes in the body: before the items of its nested lists. */
  index: number;
}
interface Table {
  kind: 'table';
  table: TableNode;
  attrs: TextAttrs;
}
interface Row {
  kind: 'row';
  table: Table;
  row: TableRowNode;
  r: number;
  cells: number;
}
type Frame = Container | Para | Inline | List | Item | Table | Row | { kind: 'skip' };

const SKIP: Frame = { kind: 'skip' };

function container(out: BlockNode[], attrs: TextAttrs, cell: Container['cell']): Container {
  return { kind: 'container', out, attrs, loose: new RunCollector(), hasLoose: false, cell };
}

function textParagraph(p: ParagraphLike, runs: RunCollector): void {
  runs.trimEnd();
  if (runs.runs.length > 0) p.inlines.push({ kind: 'text', runs: runs.runs });
}

class Importer {
  private readonly stack: Frame[];
  private readonly rules = new ClassRules();
  /** The text of the `<style>` element being read, if one is. */
  private sheet: string | null = null;

  constructor(
    private readonly newListId: () => string,
    readonly body: BlockNode[],
  ) {
    this.stack = [container(body, ROOT_ATTRS, null)];
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  onopentag(tag: string, attribs: Record<string, string>): void {
    const top = this.top();
    if (tag === 'style') this.sheet = '';
    const style = this.rules.style(tag, attribs.class, attribs.style);
    let next: Frame;
    switch (top.kind) {
      case 'skip':
        next = SKIP;
        break;
      case 'container':
        next = this.inContainer(top, tag, style);
        break;
      case 'paragraph':
      case 'inline':
        next = inline(top.runs, top.attrs, tag, style);
        break;
      case 'item':
        next =
          tag === 'ul' || tag === 'ol'
            ? { ...top.list, level: top.list.level + 1, attrs: top.attrs, glyph: glyphOf(tag) }
            : inline(top.runs, top.attrs, tag, style);
        break;
      case 'list':
        next = tag === 'li' ? this.item(top, style) : SKIP;
        break;
      case 'table':
        if (tag === 'tr') {
          const row: TableRowNode = { kind: 'tableRow', minimumHeight: null, cells: [] };
          top.table.rows.push(row);
          next = { kind: 'row', table: top, row, r: top.table.rows.length - 1, cells: 0 };
        } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') next = top;
        else next = SKIP;
        break;
      case 'row':
        next = tag === 'td' || tag === 'th' ? this.cell(top, tag, style) : SKIP;
        break;
    }
    this.stack.push(next);
  }

  onclosetag(tag: string): void {
    if (tag === 'style' && this.sheet !== null) {
      this.rules.add(this.sheet);
      this.sheet = null;
    }
    const frame = this.stack.pop() as Frame;
    if (frame.kind === 'paragraph') textParagraph(frame.p, frame.runs);
    else if (frame.kind === 'item') {
      textParagraph(frame.p, frame.runs);
      const { list } = frame;
      const item: ListItemNode = {
        ...frame.p,
        kind: 'listItem',
        glyphType: list.glyph,
        nestingLevel: list.level,
        listId: list.listId,
      };
      list.out[frame.index] = item;
    } else if (frame.kind === 'container') {
      flush(frame);
      if (frame.cell) {
        const cell = newCell();
        if (frame.out.length > 0) cell.blocks = frame.out;
        cell.backgroundColor = color(frame.cell.css['background-color']) ?? null;
        frame.cell.row.cells.push(cell);
      }
    }
  }

  ontext(data: string): void {
    if (this.sheet !== null) {
      this.sheet += data;
      return;
    }
    const top = this.top();
    switch (top.kind) {
      case 'container':
        top.loose.text(data, top.attrs);
        if (!top.hasLoose && /\S/.test(data)) top.hasLoose = true;
        break;
      case 'paragraph':
      case 'inline':
      case 'item':
        top.runs.text(data, top.attrs);
        break;
      default:
    }
  }

  end(): void {
    flush(this.stack[0] as Container);
  }

  private inContainer(top: Container, tag: string, style: string | undefined): Frame {
    if (SKIPPED.has(tag)) return SKIP;
    if (!BLOCKS.has(tag)) {
      top.hasLoose = true;
      return inline(top.loose, top.attrs, tag, style);
    }
    flush(top);
    const { out } = top;
    const css = cssOf(style);
    const attrs = textAttrs(tag, style, top.attrs);
    if (tag === 'hr') {
      const isBreak =
        pageBreakBefore(css) ||
        css['page-break-after'] === 'always' ||
        css['break-after'] === 'page';
      const p = newParagraph();
      p.inlines.push(isBreak ? { kind: 'pageBreak' } : { kind: 'horizontalRule' });
      out.push(p);
      return SKIP;
    }
    if (pageBreakBefore(css)) {
      const p = newParagraph();
      p.inlines.push({ kind: 'pageBreak' });
      out.push(p);
    }
    if (tag === 'ul' || tag === 'ol')
      return { kind: 'list', out, attrs, listId: this.newListId(), level: 0, glyph: glyphOf(tag) };
    if (tag === 'table') {
      const table: TableNode = {
        kind: 'table',
        rows: [],
        borderWidth: null,
        borderColor: null,
        columnWidths: {},
      };
      out.push(table);
      return { kind: 'table', table, attrs };
    }
    if (tag === 'p' || tag in HEADINGS || tag === 'li') {
      const p = newParagraph();
      p.heading = HEADINGS[tag] ?? 'NORMAL';
      applyParagraphCss(p, css);
      out.push(p);
      return { kind: 'paragraph', p, attrs, runs: new RunCollector() };
    }
    // A generic block (div, section…): its content as blocks.
    return container(out, attrs, null);
  }

  private item(list: List, style: string | undefined): Item {
    const p = newParagraph();
    applyParagraphCss(p, cssOf(style));
    const index = list.out.length;
    list.out.push(p);
    return {
      kind: 'item',
      p,
      attrs: textAttrs('li', style, list.attrs),
      runs: new RunCollector(),
      list,
      index,
    };
  }

  private cell(row: Row, tag: string, style: string | undefined): Container {
    const { table } = row.table;
    const c = row.cells++;
    const css = cssOf(style);
    if (row.r === 0) {
      const width = points(css.width);
      if (width !== null) table.columnWidths[c] = width;
      const border = /^(\S+)\s+\S+\s+(\S+)$/.exec(css.border ?? '');
      if (border && c === 0) {
        table.borderWidth = points(border[1]);
        table.borderColor = color(border[2]) ?? null;
      }
    }
    const inherited = tag === 'th' ? boldAttrs(row.table.attrs) : row.table.attrs;
    return container([], textAttrs(tag, style, inherited), { css, row: row.row });
  }
}

const glyphOf = (tag: string): GlyphName => (tag === 'ol' ? 'NUMBER' : 'BULLET');

/** An element inside text: a line break, dropped, or text attributes for what it holds. */
function inline(
  runs: RunCollector,
  attrs: TextAttrs,
  tag: string,
  style: string | undefined,
): Frame {
  if (SKIPPED.has(tag)) return SKIP;
  if (tag === 'br') {
    runs.lineBreak(attrs);
    return SKIP;
  }
  return { kind: 'inline', attrs: textAttrs(tag, style, attrs), runs };
}

/** A container's loose text and inline elements so far, as a paragraph (when they hold any). */
function flush(c: Container): void {
  if (c.hasLoose) {
    const p = newParagraph();
    textParagraph(p, c.loose);
    c.out.push(p);
  }
  c.loose = new RunCollector();
  c.hasLoose = false;
}

/** The body Google Docs makes of an HTML page. */
export function importHtml(html: string, newListId: () => string): BlockNode[] {
  const importer = new Importer(newListId, []);
  new Parser(importer, { decodeEntities: true, lowerCaseTags: true }).end(html);
  importer.end();
  const body = importer.body;
  const last = body[body.length - 1];
  if (!last || last.kind === 'table') body.push(newParagraph());
  return body;
}
