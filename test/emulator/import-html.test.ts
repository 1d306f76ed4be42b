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
