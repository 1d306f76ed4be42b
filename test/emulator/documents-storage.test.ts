/**
 * A closed document is kept compactly by the emulated Drive (emulator/services/documents/
 * stored.ts); scripts must not notice: every open sees the latest content, pictures included,
 * and a handle still open keeps editing the one document.
 */
import { pngBlob, setupDocs } from './docs-helpers';

type Doc = GoogleAppsScript.Document.Document;
const model = (doc: Doc) => (doc as unknown as { __model(): unknown }).__model();

function letter() {
  const fixture = setupDocs();
  const doc = fixture.docs.create('Письмо');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Уважаемые коллеги!');
  body.appendListItem('Первый пункт').setGlyphType(fixture.docs.GlyphType.NUMBER);
  const table = body.appendTable([
    ['Показатель', 'Школа'],
    ['ИСБ', '−0,8'],
  ]);
  table.getCell(1, 1).setBackgroundColor('#f4cccc');
  body.appendImage(pngBlob(8, 4)).setWidth(80).setHeight(40);
  return { ...fixture, doc };
}

describe('closed documents in the emulated Drive', () => {
  test('reopened after saveAndClose: the same content, text and picture', () => {
    const { docs, doc } = letter();
    const before = model(doc);
    const text = doc.getBody().getText();
    doc.saveAndClose();
    const again = docs.openById(doc.getId());
    expect(model(again)).toEqual(before);
    expect(again.getBody().getText()).toBe(text);
    expect(again.getAs('text/plain').getDataAsString()).toBe(text);
    expect(again.getBody().getImages()[0].getBlob().getBytes().length).toBeGreaterThan(0);
  });

  test('edits after reopening are kept through the next close', () => {
    const { docs, doc } = letter();
    doc.saveAndClose();
    const second = docs.openById(doc.getId());
    second.getBody().appendParagraph('Дополнение');
    second.saveAndClose();
    expect(docs.openById(doc.getId()).getBody().getText()).toMatch(/Дополнение$/);
  });

  test('a handle still open keeps editing the document after another is closed', () => {
    const { docs, doc } = letter();
    const other = docs.openById(doc.getId());
    const otherBody = other.getBody();
    doc.saveAndClose();
    otherBody.appendParagraph('Через второй');
    expect(docs.openById(doc.getId()).getBody().getText()).toMatch(/Через второй$/);
    other.saveAndClose();
    expect(docs.openById(doc.getId()).getBody().getText()).toMatch(/Через второй$/);
  });

  test('the Drive file of a closed document still gives its text', () => {
    const { drive, doc } = letter();
    const text = doc.getBody().getText();
    doc.saveAndClose();
    expect(drive.getFileById(doc.getId()).getBlob().getDataAsString()).toBe(text);
  });
});
