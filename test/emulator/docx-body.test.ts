/**
 * The fast body writer (emulator/export/docx-body.ts) against the docx library: for any model it
 * covers, every part of the package but docProps/core.xml (which holds the export's time) is the
 * same, byte for byte; a model it does not cover goes through the library whole.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { fastDocxSupported, toDocxBuffer } from '../../emulator/export/docx';
import type {
  BlockNode,
  DocumentModel,
  InlineNode,
  ParagraphLike,
  TableNode,
  TextAttrs,
} from '../../emulator/services/documents';
import { newCell, newParagraph } from '../../emulator/services/documents/model';
import { pngBlob } from './docs-helpers';

/**
 * A package's parts as text, but docProps/core.xml. The library numbers pictures' drawing ids
 * (`wp:docPr id`) on across every document the process writes; the fast writer from 1 in each
 * document, which is what Word needs (unique in the document): they are renumbered here.
 */
async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (name === 'docProps/core.xml') continue;
    let data = await zip.file(name)!.async(name.endsWith('.png') ? 'base64' : 'string');
    let id = 0;
    if (name === 'word/document.xml')
      data = data.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++id}"`);
    out.set(name, data);
  }
  return out;
}

async function samePackage(model: DocumentModel): Promise<void> {
  const fast = await parts(await toDocxBuffer(model));
  const library = await parts(await toDocxBuffer(model, { library: true }));
  expect([...fast.keys()]).toEqual([...library.keys()]);
  for (const [name, data] of library) {
    const mine = fast.get(name) ?? '';
    if (mine === data) continue;
    let at = 0;
    while (mine[at] === data[at]) at++;
    // Where they part, with some context either side.
    expect({ name, at, xml: mine.slice(at - 300, at + 200) }).toEqual({
      name,
      at,
      xml: data.slice(at - 300, at + 200),
    });
  }
}

const PNG = new Uint8Array(
  (pngBlob(8, 4) as unknown as { getBytes(): number[] }).getBytes().map((b) => b & 0xff),
);

const text = fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, '\r'));
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const points = nullable(fc.integer({ min: 0, max: 80 }).map((n) => n / 2));

const attrs: fc.Arbitrary<TextAttrs> = fc.record(
  {
    bold: fc.boolean(),
    italic: fc.boolean(),
    underline: fc.boolean(),
    strikethrough: fc.boolean(),
    fontSize: fc.integer({ min: 6, max: 30 }).map((n) => n / 2),
    fontFamily: fc.constantFrom('Times New Roman', 'Arial', 'PT "Serif" & <Co>'),
    foregroundColor: fc.constantFrom('#000000', '#a1b2c3', '#abc', 'red'),
    backgroundColor: fc.constantFrom('#ffff00', '#f4cccc'),
  },
  { requiredKeys: [] },
);

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.record({ text, attrs }), { maxLength: 3 })
      .map((runs) => ({ kind: 'text' as const, runs })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'pageBreak' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'horizontalRule' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ width: fc.integer({ min: 0, max: 900 }), height: fc.integer({ min: 0, max: 500 }) })
      .map(({ width, height }) => ({
        kind: 'image' as const,
        bytes: PNG,
        contentType: 'image/png',
        name: null,
        width,
        height,
        altTitle: '',
        altDescription: '',
        linkUrl: null,
      })),
  },
);

const paragraph: fc.Arbitrary<ParagraphLike> = fc
  .record({
    list: fc.option(
      fc.record({
        glyphType: fc.constantFrom('BULLET', 'NUMBER', 'HOLLOW_BULLET', 'LATIN_UPPER'),
        nestingLevel: fc.integer({ min: 0, max: 3 }),
        listId: fc.constantFrom('kix.a', 'kix.b', 'kix.c'),
      }),
      { nil: undefined },
    ),
    heading: fc.constantFrom('NORMAL', 'NORMAL', 'TITLE', 'SUBTITLE', 'HEADING1', 'HEADING3'),
    alignment: nullable(fc.constantFrom('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY')),
    inlines: fc.array(inline, { maxLength: 3 }),
    indentStart: points,
    indentFirstLine: points,
    indentEnd: points,
    spacingBefore: points,
    spacingAfter: points,
    lineSpacing: nullable(fc.constantFrom(1, 1.15, 1.5, 2)),
  })
  .map(({ list, ...p }) =>
    list
      ? ({ kind: 'listItem', ...p, ...list } as ParagraphLike)
      : ({ kind: 'paragraph', ...p } as ParagraphLike),
  );

const table: fc.Arbitrary<TableNode> = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(
      fc.array(
        fc.record({
          blocks: fc.array(paragraph, { maxLength: 2 }),
          backgroundColor: nullable(fc.constantFrom('#f4cccc', '#ffffff')),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    borderWidth: nullable(fc.constantFrom(0, 1, 0.5, 2)),
    borderColor: nullable(fc.constantFrom('#000000', '#cccccc')),
    width: fc.integer({ min: 20, max: 200 }),
  })
  .map(({ columns, rows, borderWidth, borderColor, width }) => ({
    kind: 'table' as const,
    rows: rows.map((cells) => ({
      kind: 'tableRow' as const,
      minimumHeight: null,
      cells: cells.map((c) => ({ ...newCell(), ...c })),
    })),
    borderWidth,
    borderColor,
    columnWidths: Object.fromEntries(
      Array.from({ length: Math.max(columns, ...rows.map((r) => r.length)) }, (_, c) => [
        c,
        width + c * 7.5,
      ]),
    ),
  }));

const block: fc.Arbitrary<BlockNode> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 1, arbitrary: table },
);

const model = (body: BlockNode[], name = 'Письмо «школе» № 1 & Co'): DocumentModel => ({
  id: 'doc',
  name,
  body,
  page: {
    pageWidth: 595.3,
    pageHeight: 841.9,
    marginTop: 56.7,
    marginBottom: 56.7,
    marginLeft: 56.7,
    marginRight: 28.35,
  },
});

describe('the fast .docx body writer', () => {
  test('writes the same package as the docx library for any document it covers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 8 }), async (body) => {
        expect(fastDocxSupported(model(body))).toBe(true);
        await samePackage(model(body));
      }),
      { numRuns: 100 },
    );
  });

  test('an empty document and one with a repeated picture', async () => {
    await samePackage(model([]));
    const picture = (width: number): InlineNode => ({
      kind: 'image',
      bytes: PNG,
      contentType: 'image/png',
      name: null,
      width,
      height: 40,
      altTitle: '',
      altDescription: '',
      linkUrl: null,
    });
    const p = (inlines: InlineNode[]): ParagraphLike => ({ ...newParagraph(), inlines });
    await samePackage(model([p([picture(80)]), p([picture(120), picture(80)])]));
  });

  test('a document with a link goes through the library (a relationship per link)', async () => {
    const body: BlockNode[] = [
      {
        ...newParagraph(),
        inlines: [
          { kind: 'text', runs: [{ text: 'сайт', attrs: { linkUrl: 'https://example.org/' } }] },
        ],
      },
    ];
    expect(fastDocxSupported(model(body))).toBe(false);
    const zip = await JSZip.loadAsync(await toDocxBuffer(model(body)));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('Target="https://example.org/"');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/);
  });

  test('the title reaches the package properties, escaped', async () => {
    const zip = await JSZip.loadAsync(await toDocxBuffer(model([], 'A & <B> "C"')));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>A &amp; &lt;B&gt; &quot;C&quot;</dc:title>');
  });
});
