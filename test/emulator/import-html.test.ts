/**
 * The emulated Drive HTML import's structure rules where a page is not the tidy one the product
 * writes: lists nested inside an item, text and inline elements loose between blocks, tags
 * closed by the parser (implied), content that is dropped, table sections and stray table
 * content. The import reads the parser's events in one pass, so each rule here is a state it
 * must keep across elements; the product's own pages are covered in advanced-drive.test.ts.
 */
import { importHtml } from '../../emulator/services/documents/import-html';
import type { BlockNode, TextAttrs } from '../../emulator/services/documents/model';

type Shape =
  | {
      list: string | null;
      level: number | null;
      glyph: string | null;
      runs: Array<[string, TextAttrs]>;
    }
  | { rows: Array<Array<Array<Array<[string, TextAttrs]>>>> };

function runsOf(b: BlockNode): Array<[string, TextAttrs]> {
  if (b.kind !== 'paragraph' && b.kind !== 'listItem')
    throw new Error(`not a paragraph: ${b.kind}`);
  return b.inlines.flatMap((n) =>
    n.kind === 'text' ? n.runs.map((r) => [r.text, r.attrs]) : [[n.kind, {}]],
  ) as Array<[string, TextAttrs]>;
}

function shape(html: string): Shape[] {
  let ids = 0;
  return importHtml(html, () => `L${++ids}`).map((b) =>
    b.kind === 'table'
      ? { rows: b.rows.map((r) => r.cells.map((c) => c.blocks.map(runsOf))) }
      : b.kind === 'listItem'
        ? { list: b.listId, level: b.nestingLevel, glyph: b.glyphType, runs: runsOf(b) }
        : { list: null, level: null, glyph: null, runs: runsOf(b) },
  );
}

const para = (...runs: Array<[string, TextAttrs]>) => ({
  list: null,
  level: null,
  glyph: null,
  runs,
});

describe('Drive HTML import: structure of untidy pages (emulated)', () => {
  it('puts a nested list after its item, keeps the item text around it, and one id per list', () => {
    expect(
      shape('<ul><li>один <ul><li>вложенный</li></ul> хвост</li><li>два</ul><ol><li>три</ol>'),
    ).toEqual([
      { list: 'L1', level: 0, glyph: 'BULLET', runs: [['один хвост', {}]] },
      { list: 'L1', level: 1, glyph: 'BULLET', runs: [['вложенный', {}]] },
      { list: 'L1', level: 0, glyph: 'BULLET', runs: [['два', {}]] },
      { list: 'L2', level: 0, glyph: 'NUMBER', runs: [['три', {}]] },
    ]);
  });

  it('makes a paragraph of loose text and inline elements between blocks, none of white space', () => {
    expect(shape('<div>до<p>абзац</p>после <b>жирно</b></div>\n  <p>b</p>')).toEqual([
      para(['до', {}]),
      para(['абзац', {}]),
      para(['после ', {}], ['жирно', { bold: true }]),
      para(['b', {}]),
    ]);
  });

  it('closes paragraphs the way the HTML parser does and drops head, scripts and images', () => {
    expect(shape('<p>один<p>два<div>три</div><li>пункт')).toEqual([
      para(['один', {}]),
      para(['два', {}]),
      para(['три', {}]),
      para(['пункт', {}]),
    ]);
    expect(
      shape(
        '<head><title>T</title><style>p{}</style></head><p>a<img src=x>b<script>bad()</script></p>',
      ),
    ).toEqual([para(['ab', {}])]);
  });

  it('reads rows through table sections, ignores other table content, header cells bold', () => {
    expect(
      shape(
        '<table style="font-style:italic"><thead><tr><th>Ш</th></tr></thead>' +
          '<tbody><tr><td>x<p>y</p></td></tr></tbody><caption>c</caption></table>',
      ),
    ).toEqual([
      {
        rows: [
          [[[['Ш', { italic: true, bold: true }]]]],
          [[[['x', { italic: true }]], [['y', { italic: true }]]]],
        ],
      },
      para(),
    ]);
  });
});

describe('Drive HTML import: class rules of the page’s style sheet (emulated)', () => {
  /** The whole body an import makes (list ids numbered afresh, so two imports compare). */
  const body = (html: string) => {
    let n = 0;
    return importHtml(html, () => `L${++n}`);
  };
  const FONT = "font-family:'Times New Roman';font-size:10pt;color:#000000";

  it('gives elements named by a class the look their inline style gives them', () => {
    const sheet =
      `<style>.a{text-align:justify;margin-bottom:3pt;text-indent:35.4pt}.b{${FONT}}` +
      '.c{border:1pt solid #000000;width:112.2pt}.d{font-weight:bold}.e{text-align:right}' +
      '.f{border:1pt solid #000000;width:61.2pt;background-color:#ffff00}' +
      '.g{margin-top:12pt;margin-bottom:4pt}.h{margin-left:255pt;text-indent:0pt}</style>';
    const byClass =
      `<html><head><title>T</title>${sheet}</head><body>` +
      '<h1 class="g"><span class="b d">Итоги</span></h1>' +
      '<p class="a"><span class="b">Текст<br>строка</span> <b>жирно</b></p>' +
      '<p class="h"><span class="b">Адресат</span></p>' +
      '<table><tr><td class="c"><p><span class="b d">Школа</span></p></td>' +
      '<td class="f"><p class="e"><span class="b d">Доля</span></p></td></tr>' +
      '<tr><td class="c"><p><span class="b">СОШ</span></p></td>' +
      '<td class="f"><p class="e"><span class="b">38,9 %</span></p></td></tr></table>' +
      '<p></p></body></html>';
    const inline =
      '<html><head><title>T</title></head><body>' +
      `<h1 style="margin-top:12pt;margin-bottom:4pt"><span style="${FONT};font-weight:bold">Итоги</span></h1>` +
      `<p style="text-align:justify;margin-bottom:3pt;text-indent:35.4pt"><span style="${FONT}">Текст<br>строка</span> <b>жирно</b></p>` +
      `<p style="margin-left:255pt;text-indent:0pt"><span style="${FONT}">Адресат</span></p>` +
      `<table><tr><td style="border:1pt solid #000000;width:112.2pt"><p><span style="${FONT};font-weight:bold">Школа</span></p></td>` +
      `<td style="border:1pt solid #000000;width:61.2pt;background-color:#ffff00"><p style="text-align:right"><span style="${FONT};font-weight:bold">Доля</span></p></td></tr>` +
      `<tr><td style="border:1pt solid #000000;width:112.2pt"><p><span style="${FONT}">СОШ</span></p></td>` +
      `<td style="border:1pt solid #000000;width:61.2pt;background-color:#ffff00"><p style="text-align:right"><span style="${FONT}">38,9 %</span></p></td></tr></table>` +
      '<p></p></body></html>';
    const imported = body(byClass);
    expect(imported).toEqual(body(inline));
    // Not vacuous: the looks are there (and absent when the style sheet is).
    expect(imported[0]).toMatchObject({ heading: 'HEADING1', spacingBefore: 12, spacingAfter: 4 });
    expect(imported[1]).toMatchObject({ alignment: 'JUSTIFY', indentFirstLine: 35.4 });
    const table = imported[3] as Extract<BlockNode, { kind: 'table' }>;
    expect(table).toMatchObject({ borderWidth: 1, borderColor: '#000000' });
    expect(table.columnWidths).toEqual({ 0: 112.2, 1: 61.2 });
    expect(table.rows[0].cells[1].backgroundColor).toBe('#ffff00');
    expect(body(byClass.replace(sheet, ''))[1]).toMatchObject({ alignment: null });
  });

  it('orders the cascade: element.class over .class, the later rule, then the inline style', () => {
    const page = (sheet: string, p: string) => body(`<style>${sheet}</style>${p}`);
    const inline = (style: string) => body(`<p style="${style}">x</p>`);
    // p.x wins over .x whichever comes first; between two .class rules, the later one.
    expect(page('p.x{text-align:right}.x{text-align:center}', '<p class="x">x</p>')).toEqual(
      inline('text-align:right'),
    );
    expect(page('.x{text-align:center}.y{text-align:right}', '<p class="y x">x</p>')).toEqual(
      inline('text-align:right'),
    );
    // A rule for another element does not apply; the element's own style overrides its classes.
    expect(page('h1.x{text-align:right}', '<p class="x">x</p>')).toEqual(inline(''));
    expect(
      page('.x{text-align:right;margin-top:6pt}', '<p class="x" style="text-align:center">x</p>'),
    ).toEqual(inline('text-align:center;margin-top:6pt'));
    // Selector lists: each selector on its own; a later <style> adds rules.
    expect(
      body(
        '<style>.a, span.b{font-style:italic}</style><style>.c{font-weight:bold}</style>' +
          '<p><span class="b">i</span><span class="a c">j</span></p>',
      ),
    ).toEqual(
      body(
        '<p><span style="font-style:italic">i</span><span style="font-style:italic;font-weight:bold">j</span></p>',
      ),
    );
  });

  it('ignores the CSS it does not read: other selectors, at-rules, comments', () => {
    const sheet =
      '/* .x{text-align:right} */ @import url(a.css); @page{margin:0}' +
      '@media print{.x{text-align:right}} p{text-align:right} #i{text-align:right}' +
      '.y .x{text-align:right} .y.x{text-align:right} .x:hover{text-align:right}' +
      '[class=x]{text-align:right} .x{margin-top:6pt !important}';
    expect(body(`<style>${sheet}</style><p id="i" class="x y">x</p>`)).toEqual(
      body('<p style="margin-top:6pt">x</p>'),
    );
  });
});
