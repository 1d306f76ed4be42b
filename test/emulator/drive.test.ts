import { setupDocs } from './docs-helpers';

function names(it: { hasNext(): boolean; next(): { getName(): string } }): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

describe('DriveApp folders', () => {
  test('createFolder puts the folder in My Drive and getFolderById finds it', () => {
    const { drive } = setupDocs();
    const folder = drive.createFolder('Отчёты ШНОР');
    expect(drive.getFolderById(folder.getId()).getName()).toBe('Отчёты ШНОР');
    expect(drive.getRootFolder().getName()).toBe('My Drive');
    expect(names(drive.getRootFolder().getFolders())).toEqual(['Отчёты ШНОР']);
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);
  });

  test('getFoldersByName iterates over every folder with that name, then ends', () => {
    const { drive } = setupDocs();
    const outer = drive.createFolder('Отчёты');
    outer.createFolder('Отчёты');
    drive.createFolder('Другое');
    const it = drive.getFoldersByName('Отчёты');
    expect(it.hasNext()).toBe(true);
    it.next();
    expect(it.hasNext()).toBe(true);
    it.next();
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow(
      'Cannot retrieve the next object: iterator has reached the end.',
    );
    expect(names(outer.getFoldersByName('Отчёты'))).toEqual(['Отчёты']);
  });

  test("an unknown id fails with Google's message", () => {
    const { drive } = setupDocs();
    const message =
      'No item with the given ID could be found, or you do not have permission to access it.';
    expect(() => drive.getFolderById('missing')).toThrow(message);
    expect(() => drive.getFileById('missing')).toThrow(message);
  });
});

describe('DriveApp files', () => {
  test('a document created by DocumentApp can be moved into a reports folder', () => {
    const { drive, docs } = setupDocs();
    const doc = docs.create('Аналитическая записка');
    const folder = drive.createFolder('Отчёты');
    const file = drive.getFileById(doc.getId());
    file.moveTo(folder);
    expect(names(folder.getFiles())).toEqual(['Аналитическая записка']);
    expect(names(drive.getRootFolder().getFiles())).toEqual([]);
    expect(names(file.getParents())).toEqual(['Отчёты']);
  });

  test('folder.addFile gives a file a second parent; removeFile takes it away', () => {
    const { drive } = setupDocs();
    const file = drive.createFile('registry.csv', 'school_id,name\n1,СОШ №1', 'text/csv');
    const archive = drive.createFolder('Архив');
    archive.addFile(file);
    expect(names(file.getParents()).sort()).toEqual(['My Drive', 'Архив'].sort());
    drive.getRootFolder().removeFile(file);
    expect(names(file.getParents())).toEqual(['Архив']);
  });

  test('createFile keeps the content, readable through getBlob', () => {
    const { drive } = setupDocs();
    const folder = drive.createFolder('Данные');
    const file = folder.createFile('notes.txt', 'Привет');
    expect(file.getBlob().getDataAsString()).toBe('Привет');
    expect(file.getMimeType()).toBe('text/plain');
    expect(file.getSize()).toBe(Buffer.byteLength('Привет'));
    expect(names(folder.getFilesByName('notes.txt'))).toEqual(['notes.txt']);
  });

  test('a trashed file stays findable (check isTrashed), as on Google', () => {
    const { drive } = setupDocs();
    const file = drive.createFile('old.txt', 'x');
    file.setTrashed(true);
    const it = drive.getFilesByName('old.txt');
    expect(it.hasNext()).toBe(true);
    expect(it.next().isTrashed()).toBe(true);
  });

  test("a document's blob carries its text", () => {
    const { drive, docs } = setupDocs();
    const doc = docs.create('Записка');
    doc.getBody().appendParagraph('Итоги мониторинга');
    expect(drive.getFileById(doc.getId()).getBlob().getDataAsString()).toBe('\nИтоги мониторинга');
  });

  test('writes are refused in custom functions and each call is counted', () => {
    const { drive, rt } = setupDocs();
    expect(() => rt.asCustomFunction(() => drive.createFolder('x'))).toThrow(
      /permission to call DriveApp\.createFolder/,
    );
    rt.calls.reset();
    drive.createFolder('a').getName();
    expect(rt.calls.get('DriveApp', 'DriveApp.createFolder')).toBe(1);
    expect(rt.calls.get('DriveApp', 'Folder.getName')).toBe(1);
  });
});
