/**
 * A document model as one HTML page for Drive's import into Google Docs (documents.ts): every
 * paragraph, list item and table cell with its look (alignment, indents, spacing, face, size,
 * weight), so one Drive call creates what DocumentApp made element by element. What the import
 * cannot express (page size and margins, the Title style, the chart images) the writer sets
 * afterwards with a few DocumentApp calls, at the body positions this file reports.
 *
 * Each distinct look is written once, as a class rule in one `<style>` block in the head
 * (`.c0{…}`), and elements name it (`class="c0"`): the shape of Google Docs' own HTML export
 * (File → Download → Web page: «in exports, all the styles are in a stylesheet instead of
 * inline … the element has a class attribute that references rules from an inline stylesheet»,
 * github.com/Mr0grog/google-docs-to-markdown/issues/60; «class names and a style block at the
 * top of the page», github.com/nprapps/copydoc/issues/9), which Drive converts back into a
 * Google Doc when uploaded (github.com/astrada/google-drive-ocamlfuse/pull/931 edits Docs as
 * such exports and uploads them back). Google does not document which CSS its import reads; no source found says a
 * class rule is read otherwise than the same declarations inline. Written inline, the same few
 * looks on every cell, paragraph and run were half a small report's bytes and a quarter of a
 * large one's (the import's cost grows with the bytes). Still inline, as before: the page-break
 * rule and the list items' own look (no source says how the import reads those from a class).
 *
 * Respondents' text is data: every text is HTML-escaped here, never markup.
 */
import type { ChartSpec, ColumnAlign, ReportBlock, ReportModel } from '../../core/report/model';
import { PAGE, TEXT_WIDTH, columnWidths } from '../../core/report/model';
import { escapeHtml } from '../../core/text';

/** First-line indent of body text (1.25 cm). */
const INDENT = 35.4;
/** The right half of the text column, where a letter's addressee stands. */
const TEXT_HALF = Math.round(TEXT_WIDTH / 2);
const BLACK = '#000000';

export interface DocumentHtml {
  html: string;
  /** Body child index of the title paragraph (Title style is set after the import). */
  title: { at: number; text: string } | null;
  /** Body child index of each chart's (centred) image paragraph, and the marker it holds. */
  charts: Array<{ at: number; chart: ChartSpec; marker: string }>;
}

/** The text standing where a chart's image goes until the writer inserts it. */
export const chartMarker = (chart: ChartSpec) => `[${chart.id}]`;

/** What escapeText changes: a line break, a tab, a character HTML escapes, spaces HTML collapses. */
const NEEDS_ESCAPING = /[\r\n\t&<>"']| {2}|^ | $/;

/**
 * Text as HTML: escaped, line breaks as `<br>`, and spaces that HTML would collapse (runs of
 * them, or at a line's ends) kept as no-break spaces, so the imported text reads the same.
 */
export function escapeText(text: string): string {
  // Nothing to escape, break or keep (most of a document's texts): the text as it is.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      escapeHtml(
        line
          .replace(/\t/g, ' ')
          .replace(/ {2,}/g, (run) => ' ' + '\u00a0'.repeat(run.length - 1))
          .replace(/^ | $/g, '\u00a0'),
      ),
    )
    .join('<br>');
}

interface Look {
  heading?: 'h1' | 'h2';
  align?: 'left' | 'center' | 'right' | 'justify';
  before?: number;
  after?: number;
  /** Start indent of every line (points). */
  start?: number;
  /** Where the first line starts (points from the margin), as DocumentApp's INDENT_FIRST_LINE. */
  firstLine?: number;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

const pt = (n: number) => `${n}pt`;

function paragraphStyle(look: Look): string {
  const css: string[] = [];
  if (look.align) css.push(`text-align:${look.align}`);
  if (look.before !== undefined) css.push(`margin-top:${pt(look.before)}`);
  if (look.after !== undefined) css.push(`margin-bottom:${pt(look.after)}`);
  if (look.start !== undefined) css.push(`margin-left:${pt(look.start)}`);
  if (look.firstLine !== undefined)
    css.push(`text-indent:${pt(Math.round((look.firstLine - (look.start ?? 0)) * 100) / 100)}`);
  return css.join(';');
}

/**
 * The page's class rules: one class per distinct declaration list, named in the order the
 * page first uses them (`c0`, `c1`…), so the same model always gives the same page.
 */
class StyleSheet {
  private readonly names = new Map<string, string>();

  /** The attribute naming the class of these declarations (none for none). */
  attr(css: string): string {
    if (css === '') return '';
    let name = this.names.get(css);
    if (name === undefined) {
      name = `c${this.names.size}`;
      this.names.set(css, name);
    }
    return ` class="${name}"`;
  }

  /** The `<style>` element declaring every class used (empty when none is). */
  element(): string {
    if (this.names.size === 0) return '';
    let rules = '';
    for (const [css, name] of this.names) rules += `.${name}{${css}}`;
    return `<style>${rules}</style>`;
  }
}

/** Run styles by size, weight and slant: a document has a handful. */
const runStyles = new Map<string, string>();

function runStyle(look: Look): string {
  const key = `${look.size ?? ''}|${look.bold ? 1 : 0}|${look.italic ? 1 : 0}`;
  let style = runStyles.get(key);
  if (style === undefined) {
    style = writeRunStyle(look);
    runStyles.set(key, style);
  }
  return style;
}

function writeRunStyle(look: Look): string {
  const css = [
    `font-family:'${PAGE.font}'`,
    `font-size:${pt(look.size ?? PAGE.fontSize)}`,
    `color:${BLACK}`,
  ];
  if (look.bold) css.push('font-weight:bold');
  if (look.italic) css.push('font-style:italic');
  return css.join(';');
}

/**
 * One paragraph (or list item, with `tag` li): its text in one styled run. A list item's own
 * look stays inline (`style`); everything else names its class.
 */
function element(sheet: StyleSheet, tag: string, text: string, look: Look): string {
  const style = paragraphStyle(look);
  const open =
    style === ''
      ? `<${tag}>`
      : tag === 'li'
        ? `<li style="${style}">`
        : `<${tag}${sheet.attr(style)}>`;
  const run = text === '' ? '' : `<span${sheet.attr(runStyle(look))}>${escapeText(text)}</span>`;
  return `${open}${run}</${tag}>`;
}

const p = (sheet: StyleSheet, text: string, look: Look = {}) =>
  element(sheet, look.heading ?? 'p', text, look);

function table(sheet: StyleSheet, block: Extract<ReportBlock, { kind: 'table' }>): string {
  const widths = columnWidths(block.widths);
  const border = `border:1pt solid ${BLACK}`;
  const cell = (text: string, c: number, look: Look) => {
    const width = widths[c] !== undefined ? `;width:${pt(widths[c])}` : '';
    return `<td${sheet.attr(border + width)}>${p(sheet, text, { ...look, size: PAGE.tableFontSize })}</td>`;
  };
  const alignOf = (c: number): ColumnAlign | undefined =>
    block.align && c < block.header.length && block.align[c] !== 'left'
      ? block.align[c]
      : undefined;
  const rows = [`<tr>${block.header.map((h, c) => cell(h, c, { bold: true })).join('')}</tr>`];
  for (const row of block.rows) {
    // A section row (text in the first cell only) is bold, like a subheading.
    const bold = row.length > 1 && row.slice(1).every((c) => c === '');
    rows.push(`<tr>${row.map((t, c) => cell(t, c, { bold, align: alignOf(c) })).join('')}</tr>`);
  }
  return `<table${sheet.attr('border-collapse:collapse')}>${rows.join('')}</table>`;
}

/**
 * The page, and where the title and the chart images fall among the body's children
 * (paragraphs, list items, tables: what Body.getChild counts). `withChart` says which charts
 * have an image to insert; the others are left out with their caption.
 */
export function documentHtml(
  model: ReportModel,
  withChart: (chart: ChartSpec) => boolean = () => true,
): DocumentHtml {
  const sheet = new StyleSheet();
  const out: string[] = [];
  let at = 0;
  let title: DocumentHtml['title'] = null;
  const charts: DocumentHtml['charts'] = [];
  let lastList = -1;
  const add = (html: string, children = 1) => {
    out.push(html);
    at += children;
  };
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'issuer':
        add(p(sheet, block.lines.join('\n'), { align: 'center', after: 18, bold: true }));
        break;
      case 'title':
        title ??= { at, text: block.text };
        // The size stays the body's: DocumentApp's writer set 14 pt, then 12 pt on the body.
        add(p(sheet, block.text, { align: 'center', before: 6, after: 6, bold: true }));
        break;
      case 'addressee':
        add(
          p(sheet, block.lines.join('\n'), {
            after: 12,
            start: TEXT_HALF,
            firstLine: TEXT_HALF,
            bold: true,
          }),
        );
        break;
      case 'dateline':
        add(p(sheet, block.text, { after: 12 }));
        break;
      case 'heading':
        add(
          p(sheet, block.text, {
            heading: block.level === 1 ? 'h1' : 'h2',
            before: block.level === 1 ? 12 : 8,
            after: 4,
            bold: true,
            size: PAGE.headingSize,
          }),
        );
        break;
      case 'paragraph':
        add(
          p(sheet, block.text, {
            align: 'justify',
            firstLine: block.italic ? 0 : INDENT,
            after: 3,
            bold: block.bold,
            italic: block.italic,
          }),
        );
        break;
      case 'list': {
        if (block.items.length === 0) break;
        const items = block.items.map((item) => element(sheet, 'li', item, { align: 'justify' }));
        // A list right after another goes on as the same list, as appendListItem continued it.
        const last = out.length - 1;
        if (lastList === last) {
          out[last] = out[last].slice(0, -'</ul>'.length) + items.join('') + '</ul>';
          at += items.length;
        } else add(`<ul>${items.join('')}</ul>`, items.length);
        lastList = out.length - 1;
        break;
      }
      case 'table':
        // DocumentApp's appendTable left an empty paragraph after each table: kept, for the look.
        add(table(sheet, block));
        add(p(sheet, ''));
        break;
      case 'chart':
        if (!withChart(block.chart)) break;
        charts.push({ at, chart: block.chart, marker: chartMarker(block.chart) });
        // A marker the writer finds and replaces by the image: found by its text, so an
        // import that lays the body out otherwise (drops empty paragraphs) still gets it right.
        add(p(sheet, chartMarker(block.chart), { align: 'center' }));
        add(p(sheet, block.caption, { align: 'center', after: 12 }));
        break;
      case 'signature':
        add(p(sheet, block.lines.join('\n'), { before: 24, firstLine: 0 }));
        break;
      case 'pageBreak':
        add('<hr style="page-break-before:always;display:none">');
        break;
    }
  }
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' +
    escapeText(model.title) +
    `</title>${sheet.element()}</head><body>${out.join('')}</body></html>`;
  return { html, title, charts };
}
