import { pngBlob, setupDocs } from './docs-helpers';
import type { EmulatedDocument } from '../../emulator/services/documents';

type Doc = GoogleAppsScript.Document.Document;

function modelOf(doc: Doc) {
  return (doc as unknown as EmulatedDocument).__model();
}

describe('DocumentApp documents', () => {
  test('create registers a Google Docs file in Drive, with a docs.google.com URL', () => {
    const { docs, drive } = setupDocs();
    const doc = docs.create('Аналитическая записка');
    const file = drive.getFileById(doc.getId());
    expect(file.getName()).toBe('Аналитическая записка');
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(file.getUrl()).toBe(doc.getUrl());
  });

  test('setName renames the Drive file too', () => {
    const { docs, drive } = setupDocs();
    const doc = docs.create('Черновик');
    doc.setName('Записка 2021-2022');
    expect(doc.getName()).toBe('Записка 2021-2022');
    expect(drive.getFileById(doc.getId()).getName()).toBe('Записка 2021-2022');
  });

  test("openById returns the same content; an unknown id fails with Google's message", () => {
    const { docs } = setupDocs();
    const doc = docs.create('Отчёт');
    doc.getBody().appendParagraph('Итоги');
    expect(docs.openById(doc.getId()).getBody().getText()).toBe('\nИтоги');
    expect(docs.openByUrl(doc.getUrl()).getName()).toBe('Отчёт');
    expect(() => docs.openById('nope')).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
  });

  test('getActiveDocument is null: the add-on is bound to a spreadsheet', () => {
    expect(setupDocs().docs.getActiveDocument()).toBeNull();
  });

  test('after saveAndClose the object refuses edits, and a reopened one accepts them', () => {
    const { docs } = setupDocs();
    const doc = docs.create('Отчёт');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('поздно')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    expect(doc.getId()).toMatch(/\S/);
    docs.openById(doc.getId()).getBody().appendParagraph('снова');
    expect(docs.openById(doc.getId()).getBody().getText()).toBe('\nснова');
  });

  test('custom functions may not create documents', () => {
    const { docs, rt } = setupDocs();
    expect(() => rt.asCustomFunction(() => docs.create('x'))).toThrow(
      /permission to call DocumentApp\.create/,
    );
  });
});

describe('Body paragraphs', () => {
  test('a new body holds one empty paragraph; getText joins paragraphs with "\\n"', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    body.appendParagraph('Первый');
    body.appendParagraph('Второй');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('\nПервый\nВторой');
  });

  test('headings and alignment are stored and read back', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    const p = body
      .appendParagraph('Раздел 1')
      .setHeading(docs.ParagraphHeading.HEADING1)
      .setAlignment(docs.HorizontalAlignment.CENTER);
    expect(p.getHeading()).toBe(docs.ParagraphHeading.HEADING1);
    expect(p.getAlignment()).toBe(docs.HorizontalAlignment.CENTER);
    expect(body.appendParagraph('обычный').getHeading()).toBe(docs.ParagraphHeading.NORMAL);
    const child = body.getChild(1);
    expect(child.getType()).toBe(docs.ElementType.PARAGRAPH);
    expect(child.asParagraph().getHeading()).toBe('HEADING1');
  });

  test('a newline inside a paragraph becomes a line break ("\\r"), as in Google Docs', () => {
    const { docs } = setupDocs();
    const p = docs.create('d').getBody().appendParagraph('строка 1\nстрока 2');
    expect(p.getText()).toBe('строка 1\rстрока 2');
  });

  test('editAsText styles are stored as attributes on the whole text', () => {
    const { docs } = setupDocs();
    const doc = docs.create('d');
    const text = doc.getBody().appendParagraph('Важно').editAsText();
    text
      .setBold(true)
      .setFontSize(14)
      .setForegroundColor('#cc0000')
      .setLinkUrl('https://example.org');
    expect(text.isBold()).toBe(true);
    expect(text.getFontSize()).toBe(14);
    expect(text.getForegroundColor()).toBe('#cc0000');
    expect(text.getLinkUrl()).toBe('https://example.org');
    const runs = (modelOf(doc).body[1] as { inlines: Array<{ runs: unknown[] }> }).inlines[0].runs;
    expect(runs).toEqual([
      {
        text: 'Важно',
        attrs: {
          bold: true,
          fontSize: 14,
          foregroundColor: '#cc0000',
          linkUrl: 'https://example.org',
        },
      },
    ]);
  });

  test('a ranged setBold styles only [start, endInclusive]', () => {
    const { docs } = setupDocs();
    const text = docs.create('d').getBody().appendParagraph('ШНОР: 7 школ').editAsText();
    text.setBold(0, 3, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(3)).toBe(true);
    expect(text.isBold(4)).toBe(false);
    expect(text.isBold()).toBeNull(); // mixed, as Google answers
    expect(text.getTextAttributeIndices()).toEqual([0, 4]);
  });

  test('appendText returns the new piece only: styling it leaves the rest plain', () => {
    const { docs } = setupDocs();
    const p = docs.create('d').getBody().appendParagraph('Статус: ');
    p.appendText('ШНОР').setBold(true);
    expect(p.getText()).toBe('Статус: ШНОР');
    expect(p.editAsText().isBold(0)).toBe(false);
    expect(p.editAsText().isBold(8)).toBe(true);
    expect(p.getNumChildren()).toBe(2);
    expect(p.getChild(1).getType()).toBe('TEXT');
  });

  test("setText and clear replace the paragraph's content", () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    const p = body.appendParagraph('старое');
    p.setText('новое');
    expect(p.getText()).toBe('новое');
    p.clear();
    expect(p.getText()).toBe('');
  });

  test("a wrong argument type fails with Google's signature message", () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    expect(() => body.appendParagraph(42 as unknown as string)).toThrow(
      "The parameters (number) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
  });
});

describe('Body list items', () => {
  test('glyph type and nesting level are stored; consecutive items form one list', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    const a = body.appendListItem('Первый').setGlyphType(docs.GlyphType.NUMBER);
    const b = body.appendListItem('Второй').setNestingLevel(1);
    body.appendParagraph('перерыв');
    const c = body.appendListItem('Другой список');
    expect(a.getGlyphType()).toBe('NUMBER');
    expect(b.getGlyphType()).toBe('NUMBER'); // continues the list's glyph
    expect(b.getNestingLevel()).toBe(1);
    expect(a.getListId()).toBe(b.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    expect(body.getChild(1).getType()).toBe(docs.ElementType.LIST_ITEM);
    expect(body.getListItems().map((i) => i.getText())).toEqual([
      'Первый',
      'Второй',
      'Другой список',
    ]);
  });

  test('nesting levels outside 0..8 are refused', () => {
    const { docs } = setupDocs();
    const item = docs.create('d').getBody().appendListItem('x');
    expect(() => item.setNestingLevel(9)).toThrow('Invalid argument: nestingLevel');
  });
});

describe('Body tables', () => {
  const cells = [
    ['Школа', 'Статус'],
    ['СОШ №1', 'ШНОР'],
    ['СОШ №2', 'ШНСУ'],
  ];

  test('appendTable builds rows and cells from a 2D array', () => {
    const { docs } = setupDocs();
    const table = docs.create('d').getBody().appendTable(cells);
    expect(table.getNumRows()).toBe(3);
    expect(table.getRow(1).getCell(0).getText()).toBe('СОШ №1');
    expect(table.getCell(2, 1).getText()).toBe('ШНСУ');
    expect(table.getRow(0).getNumCells()).toBe(2);
    expect(table.getText()).toBe('Школа\nСтатус\nСОШ №1\nШНОР\nСОШ №2\nШНСУ');
  });

  test('Google adds an empty paragraph after a table that would be last', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    body.appendTable(cells);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(docs.ElementType.TABLE);
    expect(body.getChild(2).getType()).toBe(docs.ElementType.PARAGRAPH);
    expect(body.getChild(2).asParagraph().getText()).toBe('');
    // The next paragraph goes after that empty one, as on Google.
    body.appendParagraph('Выводы');
    expect(body.getNumChildren()).toBe(4);
    expect(body.getChild(3).asParagraph().getText()).toBe('Выводы');
  });

  test('border width, cell background and row bold are stored', () => {
    const { docs } = setupDocs();
    const doc = docs.create('d');
    const table = doc.getBody().appendTable(cells).setBorderWidth(0.5);
    table.getCell(0, 1).setBackgroundColor('#d9ead3');
    table.getRow(0).editAsText().setBold(true);
    expect(table.getBorderWidth()).toBe(0.5);
    expect(table.getCell(0, 1).getBackgroundColor()).toBe('#d9ead3');
    expect(table.getRow(0).getCell(1).editAsText().isBold()).toBe(true);
    expect(table.getRow(1).getCell(0).editAsText().isBold()).toBe(false);
    const model = modelOf(doc).body[1];
    expect(model.kind).toBe('table');
  });

  test('appendTable with numbers fails as on Google (cells must be strings)', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    expect(() => body.appendTable([[1, 2]] as unknown as string[][])).toThrow(
      "The parameters (number[][]) don't match the method signature for DocumentApp.Body.appendTable.",
    );
  });

  test('appendTable with a 2D array counts as one call, however many cells', () => {
    const { docs, rt } = setupDocs();
    const body = docs.create('d').getBody();
    rt.calls.reset();
    body.appendTable(Array.from({ length: 40 }, (_, i) => [`Школа ${i}`, 'ШНОР', '12,5%']));
    expect(rt.calls.get('DocumentApp', 'Body.appendTable')).toBe(1);
    expect(rt.calls.total('DocumentApp')).toBe(1);
  });
});

describe('Body images, breaks and structure', () => {
  test('appendImage stores the blob in a paragraph of its own, with its natural size', () => {
    const { docs } = setupDocs();
    const doc = docs.create('d');
    const body = doc.getBody();
    const image = body.appendImage(pngBlob(64, 48));
    expect(image.getWidth()).toBe(64);
    expect(image.getHeight()).toBe(48);
    image.setWidth(320).setHeight(240);
    expect(image.getParent().getType()).toBe(docs.ElementType.PARAGRAPH);
    expect(body.getImages()).toHaveLength(1);
    expect(body.getImages()[0].getBlob().getContentType()).toBe('image/png');
    const paragraph = modelOf(doc).body[1] as { inlines: Array<{ kind: string; width?: number }> };
    expect(paragraph.inlines[0]).toMatchObject({ kind: 'image', width: 320 });
  });

  test('page breaks and horizontal rules appear as paragraphs holding them', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    body.appendPageBreak();
    body.appendHorizontalRule();
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).asParagraph().getChild(0).getType()).toBe(docs.ElementType.PAGE_BREAK);
    expect(body.getChild(2).asParagraph().getChild(0).getType()).toBe(
      docs.ElementType.HORIZONTAL_RULE,
    );
  });

  test('clear leaves one empty paragraph', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    body.appendParagraph('a');
    body.appendTable([['b']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  test("getChild out of range fails with Google's message", () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    expect(() => body.getChild(3)).toThrow(
      'Child index (3) must be less than the number of child elements (1).',
    );
  });

  test('the first empty paragraph can go; the last paragraph cannot', () => {
    const { docs } = setupDocs();
    const body = docs.create('d').getBody();
    body.appendParagraph('Заголовок');
    body.getChild(0).asParagraph().removeFromParent();
    expect(body.getText()).toBe('Заголовок');
    expect(() => body.getChild(0).asParagraph().removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
  });

  test('each mutating body call is recorded once under its class and method', () => {
    const { docs, rt } = setupDocs();
    const body = docs.create('d').getBody();
    rt.calls.reset();
    body.appendParagraph('a').setHeading(docs.ParagraphHeading.TITLE);
    body.appendListItem('b');
    body.appendPageBreak();
    expect(rt.calls.snapshot().map((c) => [c.method, c.calls])).toEqual([
      ['Body.appendListItem', 1],
      ['Body.appendPageBreak', 1],
      ['Body.appendParagraph', 1],
      ['Paragraph.setHeading', 1],
    ]);
  });
});
