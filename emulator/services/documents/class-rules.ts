/**
 * The class rules of a page's `<style>` elements, as the emulated Drive HTML import reads them
 * (import-html.ts): the subset of CSS that Google Docs' own HTML export writes and the product
 * writes — rules whose selectors are one class (`.c1`) or an element and one class (`p.c1`).
 * Everything else in a style sheet is ignored, as Google ignores what it does not know: other
 * selectors (element, id, attribute, descendant, compound or pseudo selectors), at-rules
 * (`@page`, `@media`, `@import`…) with their blocks, comments, and the `!important` flag (its
 * declaration is kept, without the precedence).
 *
 * An element's declarations are those of the rules its classes match, in cascade order (a
 * `p.c1` rule over a `.c1` rule, then the later rule over the earlier), followed by its own
 * `style` attribute, which overrides them all: one declaration list, read as an inline style.
 */

interface Rule {
  /** The element the rule is limited to (`p.c1`), or null (`.c1`). */
  tag: string | null;
  declarations: string;
  /** Where the rule stands among the page's rules (later wins at equal specificity). */
  order: number;
}

/** A class selector, alone or after an element name; its class name is an ASCII CSS identifier. */
const CLASS_SELECTOR = /^([a-z][a-z0-9]*)?\.(-?[_a-z][_a-z0-9-]*)$/i;

export class ClassRules {
  private readonly byClass = new Map<string, Rule[]>();
  private count = 0;
  /** Resolved declarations by element and class attribute: a page repeats a few of them. */
  private readonly resolved = new Map<string, string>();

  get size(): number {
    return this.count;
  }

  /** Reads the rules of one `<style>` element's text (after those read before). */
  add(sheet: string): void {
    const css = sheet.replace(/\/\*[\s\S]*?\*\/|<!--|-->/g, ' ');
    let i = 0;
    while (i < css.length) {
      const open = css.indexOf('{', i);
      const semicolon = css.indexOf(';', i);
      const prelude = css.slice(i, open < 0 ? css.length : open).trim();
      if (prelude.startsWith('@') && semicolon >= 0 && (open < 0 || semicolon < open)) {
        i = semicolon + 1; // @import …; @charset …;
        continue;
      }
      if (open < 0) break;
      const close = blockEnd(css, open);
      if (!prelude.startsWith('@')) this.rule(prelude, css.slice(open + 1, close));
      i = close + 1;
    }
    this.resolved.clear();
  }

  private rule(selectors: string, body: string): void {
    const declarations = body.replace(/\s*!\s*important\b/gi, '').trim();
    for (const selector of selectors.split(',')) {
      const m = CLASS_SELECTOR.exec(selector.trim());
      if (!m) continue;
      const rules = this.byClass.get(m[2]) ?? [];
      rules.push({ tag: m[1]?.toLowerCase() ?? null, declarations, order: this.count++ });
      this.byClass.set(m[2], rules);
    }
  }

  /**
   * The declaration list an element's classes and own `style` give it (undefined for none):
   * the matching rules' declarations in cascade order, then the element's own.
   */
  style(tag: string, classes: string | undefined, own: string | undefined): string | undefined {
    if (classes === undefined || this.count === 0) return own;
    const key = `${tag} ${classes}`;
    let fromRules = this.resolved.get(key);
    if (fromRules === undefined) {
      fromRules = this.match(tag, classes);
      if (this.resolved.size > 10_000) this.resolved.clear();
      this.resolved.set(key, fromRules);
    }
    if (fromRules === '') return own;
    return own ? `${fromRules};${own}` : fromRules;
  }

  private match(tag: string, classes: string): string {
    const matched: Rule[] = [];
    for (const name of new Set(classes.split(/[ \t\n\r\f]+/)))
      for (const rule of this.byClass.get(name) ?? [])
        if (rule.tag === null || rule.tag === tag) matched.push(rule);
    // Specificity: an element and a class over a class alone; then the later rule.
    matched.sort((a, b) => Number(a.tag !== null) - Number(b.tag !== null) || a.order - b.order);
    return matched
      .map((r) => r.declarations)
      .filter((d) => d !== '')
      .join(';');
  }
}

/** Where the block opened at `open` ends (its closing brace, nesting counted), or the text's end. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  return css.length;
}
