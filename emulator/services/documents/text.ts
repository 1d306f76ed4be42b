/**
 * Emulated Text: a styled-text view over one or more paragraphs. `editAsText()` on a paragraph,
 * row, table or body gives a view over all of their text (paragraphs separated by "\n", which
 * counts as one character for offsets); `appendText()` gives a view over just the new piece.
 * Styles are stored as attributes on runs, which the .docx exporter reads back.
 */
import { read, write, type DocContext } from './context';
import { Attribute, ElementType, enumName } from './enums';
import { paragraphText, type TextAttrs, type TextNode } from './model';
import { attrsAt, deleteRange, insertText, runsText, styleRange } from './runs';
import { asGas, gasEnumMember } from '../gas';

/** Where a Text view's characters live. */
export interface TextSource {
  /** The text nodes of each paragraph covered, in order. */
  paragraphs(): TextNode[][];
  /** A text node to put appended text in when the view has none yet. */
  tail(): TextNode;
  /** Replaces all text covered by the view with `text`. */
  replace(text: string, attrs: TextAttrs): void;
}

interface Piece {
  node: TextNode;
  start: number;
  length: number;
}

/** Google's attribute names -> our stored attributes. */
const ATTRIBUTE_KEYS: Record<string, keyof TextAttrs> = {
  [Attribute.BOLD]: 'bold',
  [Attribute.ITALIC]: 'italic',
  [Attribute.UNDERLINE]: 'underline',
  [Attribute.STRIKETHROUGH]: 'strikethrough',
  [Attribute.FONT_SIZE]: 'fontSize',
  [Attribute.FONT_FAMILY]: 'fontFamily',
  [Attribute.FOREGROUND_COLOR]: 'foregroundColor',
  [Attribute.BACKGROUND_COLOR]: 'backgroundColor',
  [Attribute.LINK_URL]: 'linkUrl',
};

/** Style attributes in a Google attribute map (`{ [Attribute.BOLD]: true }`). */
export function textAttrsFrom(attributes: Record<string, unknown>): TextAttrs {
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const key = ATTRIBUTE_KEYS[enumName(name)];
    if (key) patch[key] = value === null ? undefined : value;
  }
  return patch as TextAttrs;
}

export class EmulatedText implements Pick<
  GoogleAppsScript.Document.Text,
  | 'appendText'
  | 'deleteText'
  | 'editAsText'
  | 'getAttributes'
  | 'getBackgroundColor'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getForegroundColor'
  | 'getLinkUrl'
  | 'getText'
  | 'getTextAttributeIndices'
  | 'getType'
  | 'insertText'
  | 'isBold'
  | 'isItalic'
  | 'isStrikethrough'
  | 'isUnderline'
  | 'setAttributes'
  | 'setBackgroundColor'
  | 'setBold'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setForegroundColor'
  | 'setItalic'
  | 'setLinkUrl'
  | 'setStrikethrough'
  | 'setText'
  | 'setUnderline'
> {
  constructor(
    private readonly ctx: DocContext,
    private readonly source: TextSource,
  ) {}

  private pieces(): { pieces: Piece[]; length: number } {
    const pieces: Piece[] = [];
    let offset = 0;
    this.source.paragraphs().forEach((nodes, i) => {
      if (i > 0) offset += 1; // the "\n" between paragraphs
      for (const node of nodes) {
        const length = runsText(node.runs).length;
        pieces.push({ node, start: offset, length });
        offset += length;
      }
    });
    return { pieces, length: offset };
  }

  /** Applies a style to [start, endInclusive], or to everything when no range is given. */
  private style(patch: TextAttrs, start?: number, endInclusive?: number): void {
    const { pieces, length } = this.pieces();
    const from = start ?? 0;
    const to = endInclusive === undefined ? length : endInclusive + 1;
    for (const p of pieces) {
      styleRange(p.node.runs, Math.max(0, from - p.start), Math.min(p.length, to - p.start), patch);
    }
  }

  /** A style value over the whole view: the common value, or null when it varies. */
  private value<K extends keyof TextAttrs>(key: K, offset?: number | null): TextAttrs[K] | null {
    const { pieces } = this.pieces();
    if (offset !== undefined && offset !== null) {
      const p = pieces.find((x) => offset >= x.start && offset < x.start + x.length);
      return p ? (attrsAt(p.node.runs, offset - p.start)?.[key] ?? null) : null;
    }
    const values = new Set(pieces.flatMap((p) => p.node.runs.map((r) => r.attrs[key] ?? null)));
    return values.size === 1 ? [...values][0] : null;
  }

  /** Setter overloads: (value) styles everything, (start, endInclusive, value) a range. */
  private set<K extends keyof TextAttrs>(
    method: string,
    key: K,
    args: [unknown] | [number, number, unknown],
  ): GoogleAppsScript.Document.Text {
    write(this.ctx, `Text.${method}`);
    if (args.length === 3) {
      this.style({ [key]: args[2] ?? undefined } as TextAttrs, args[0], args[1]);
    } else {
      this.style({ [key]: args[0] ?? undefined } as TextAttrs);
    }
    return asGas(this);
  }

  appendText(text: string): GoogleAppsScript.Document.Text {
    write(this.ctx, 'Text.appendText');
    const { pieces } = this.pieces();
    const last = pieces.length > 0 ? pieces[pieces.length - 1].node : this.source.tail();
    insertText(last.runs, runsText(last.runs).length, paragraphText(String(text)));
    return asGas(this);
  }

  deleteText(startOffset: number, endOffsetInclusive: number): GoogleAppsScript.Document.Text {
    write(this.ctx, 'Text.deleteText');
    for (const p of this.pieces().pieces) {
      const from = Math.max(0, startOffset - p.start);
      const to = Math.min(p.length, endOffsetInclusive + 1 - p.start);
      deleteRange(p.node.runs, from, to);
    }
    return asGas(this);
  }

  editAsText(): GoogleAppsScript.Document.Text {
    read(this.ctx, 'Text.editAsText');
    return asGas(this);
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    read(this.ctx, 'Text.getAttributes');
    return this.__attributes(offset);
  }

  /** Non-Google: the attribute map without counting a call (elements report their text's). */
  __attributes(offset?: number | null): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(ATTRIBUTE_KEYS)) out[name] = this.value(key, offset);
    return out;
  }

  /** Non-Google: the plain text without counting a call. */
  __plainText(): string {
    return this.source
      .paragraphs()
      .map((nodes) => nodes.map((n) => runsText(n.runs)).join(''))
      .join('\n');
  }

  getBackgroundColor(offset?: number | null): string {
    read(this.ctx, 'Text.getBackgroundColor');
    return asGas(this.value('backgroundColor', offset));
  }

  getFontFamily(offset?: number | null): string {
    read(this.ctx, 'Text.getFontFamily');
    return asGas(this.value('fontFamily', offset));
  }

  getFontSize(offset?: number | null): number {
    read(this.ctx, 'Text.getFontSize');
    return asGas(this.value('fontSize', offset));
  }

  getForegroundColor(offset?: number | null): string {
    read(this.ctx, 'Text.getForegroundColor');
    return asGas(this.value('foregroundColor', offset));
  }

  getLinkUrl(offset?: number | null): string {
    read(this.ctx, 'Text.getLinkUrl');
    return asGas(this.value('linkUrl', offset));
  }

  getText(): string {
    read(this.ctx, 'Text.getText');
    return this.__plainText();
  }

  /** Offsets where the style changes, starting with 0. */
  getTextAttributeIndices(): number[] {
    read(this.ctx, 'Text.getTextAttributeIndices');
    const out: number[] = [];
    for (const p of this.pieces().pieces) {
      let pos = p.start;
      for (const r of p.node.runs) {
        out.push(pos);
        pos += r.text.length;
      }
    }
    return out.length > 0 ? out : [0];
  }

  getType(): GoogleAppsScript.Document.ElementType {
    read(this.ctx, 'Text.getType');
    return gasEnumMember(ElementType.TEXT);
  }

  insertText(offset: number, text: string): GoogleAppsScript.Document.Text {
    write(this.ctx, 'Text.insertText');
    const { pieces } = this.pieces();
    const target = pieces.find((p) => offset >= p.start && offset <= p.start + p.length) ?? null;
    const node = target?.node ?? this.source.tail();
    insertText(node.runs, target ? offset - target.start : 0, paragraphText(String(text)));
    return asGas(this);
  }

  isBold(offset?: number | null): boolean {
    read(this.ctx, 'Text.isBold');
    return asGas(this.value('bold', offset) ?? (this.mixed('bold', offset) ? null : false));
  }

  isItalic(offset?: number | null): boolean {
    read(this.ctx, 'Text.isItalic');
    return asGas(this.value('italic', offset) ?? (this.mixed('italic', offset) ? null : false));
  }

  isStrikethrough(offset?: number | null): boolean {
    read(this.ctx, 'Text.isStrikethrough');
    return asGas(
      this.value('strikethrough', offset) ?? (this.mixed('strikethrough', offset) ? null : false),
    );
  }

  isUnderline(offset?: number | null): boolean {
    read(this.ctx, 'Text.isUnderline');
    return asGas(
      this.value('underline', offset) ?? (this.mixed('underline', offset) ? null : false),
    );
  }

  /** True when a flag differs across the view (Google then answers null). */
  private mixed(key: keyof TextAttrs, offset?: number | null): boolean {
    if (offset !== undefined && offset !== null) return false;
    const values = new Set(
      this.pieces().pieces.flatMap((p) => p.node.runs.map((r) => Boolean(r.attrs[key]))),
    );
    return values.size > 1;
  }

  setAttributes(
    startOrAttributes: number | Record<string, unknown>,
    endOffsetInclusive?: number,
    attributes?: Record<string, unknown>,
  ): GoogleAppsScript.Document.Text {
    write(this.ctx, 'Text.setAttributes');
    if (typeof startOrAttributes === 'number') {
      this.style(textAttrsFrom(attributes ?? {}), startOrAttributes, endOffsetInclusive);
    } else {
      this.style(textAttrsFrom(startOrAttributes));
    }
    return asGas(this);
  }

  setBackgroundColor(a: number | string, b?: number, c?: string): GoogleAppsScript.Document.Text {
    return this.set('setBackgroundColor', 'backgroundColor', argsOf(a, b, c));
  }

  setBold(a: number | boolean, b?: number, c?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setBold', 'bold', argsOf(a, b, c));
  }

  setFontFamily(a: number | string, b?: number, c?: string): GoogleAppsScript.Document.Text {
    return this.set('setFontFamily', 'fontFamily', argsOf(a, b, c));
  }

  /** One number styles everything; three numbers are (start, endInclusive, size). */
  setFontSize(a: number, b?: number, c?: number): GoogleAppsScript.Document.Text {
    return this.set('setFontSize', 'fontSize', argsOf(a, b, c));
  }

  setForegroundColor(a: number | string, b?: number, c?: string): GoogleAppsScript.Document.Text {
    return this.set('setForegroundColor', 'foregroundColor', argsOf(a, b, c));
  }

  setItalic(a: number | boolean, b?: number, c?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setItalic', 'italic', argsOf(a, b, c));
  }

  setLinkUrl(a: number | string, b?: number, c?: string): GoogleAppsScript.Document.Text {
    return this.set('setLinkUrl', 'linkUrl', argsOf(a, b, c));
  }

  setStrikethrough(a: number | boolean, b?: number, c?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setStrikethrough', 'strikethrough', argsOf(a, b, c));
  }

  setText(text: string): GoogleAppsScript.Document.Text {
    write(this.ctx, 'Text.setText');
    const first = this.pieces().pieces.find((p) => p.node.runs.length > 0);
    this.source.replace(paragraphText(String(text)), { ...(first?.node.runs[0].attrs ?? {}) });
    return asGas(this);
  }

  setUnderline(a: number | boolean, b?: number, c?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setUnderline', 'underline', argsOf(a, b, c));
  }
}

function argsOf(a: unknown, b: unknown, c: unknown): [unknown] | [number, number, unknown] {
  return b === undefined ? [a] : [Number(a), Number(b), c];
}
