/**
 * The advanced Drive service: an HTML page imported as a Google Doc (files.create / update),
 * its scopes, its cost, and the global present only when the manifest enables it. The import
 * is checked against the document DocumentApp's element calls make of the same content.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGoogle } from '../../emulator';
import { modelCost } from '../../emulator/cost';
import { loadProject } from '../../emulator/loader';
import { ScopeGuard } from '../../emulator/scopes';
import { EmulatedBlob } from '../../emulator/services/blob';
import type { DocumentModel } from '../../emulator/services/documents';
import { importHtml } from '../../emulator/services/documents/import-html';
import { documentHtml } from '../../src/adapters/gas/documentHtml';
import type { ReportModel } from '../../src/core/report/model';

const AUTH = 'https://www.googleapis.com/auth/';
const DOCS = 'application/vnd.google-apps.document';

const html = (page: string) =>
  new EmulatedBlob(page, 'text/html', 'page.html') as unknown as GoogleAppsScript.Base.Blob;

function models(google: ReturnType<typeof createGoogle>): DocumentModel[] {
  return (google.DocumentApp as unknown as { __documents(): DocumentModel[] }).__documents();
}

let ids = 0;
const listId = () => `list${++ids}`;

describe('Drive import of an HTML page (emulated)', () => {
  it('keeps headings, alignment, indents, spacing, text style, line breaks and entities', () => {
    const body = importHtml(
      '<h1 style="margin-top:12pt">Итоги</h1>' +
        '<p style="text-align:justify;text-indent:35.4pt;margin-bottom:3pt">' +
        '<span style="font-family:\'Times New Roman\';font-size:12pt;color:#000000">' +
        'A &amp; B &lt;b&gt;  x\n y<br>вторая</span> <b>жирно</b></p>' +
        '<p style="margin-left:255pt;text-indent:0pt">Адресат</p>',
      listId,
    );
    expect(body).toHaveLength(3);
    const [h, p, addressee] = body as Array<Extract<(typeof body)[number], { kind: 'paragraph' }>>;
    expect(h).toMatchObject({ heading: 'HEADING1', spacingBefore: 12 });
    expect(p).toMatchObject({
      heading: 'NORMAL',
      alignment: 'JUSTIFY',
      indentFirstLine: 35.4,
      indentStart: null,
      spacingAfter: 3,
    });
    expect(p.inlines).toEqual([
      {
        kind: 'text',
        runs: [
          {
            text: 'A & B <b> x y\rвторая',
            attrs: { fontFamily: 'Times New Roman', fontSize: 12, foregroundColor: '#000000' },
          },
          { text: ' ', attrs: {} },
          { text: 'жирно', attrs: { bold: true } },
        ],
      },
    ]);
    expect(addressee).toMatchObject({ indentStart: 255, indentFirstLine: 255 });
  });

  it('makes lists, tables with widths and cell alignment, page breaks; ends with a paragraph', () => {
    const body = importHtml(
      '<ul><li style="text-align:justify">один</li><li>два</li></ul>' +
        '<hr style="page-break-before:always;display:none">' +
        '<table><tr><td style="border:1pt solid #000000;width:100pt"><p><b>Школа</b></p></td>' +
        '<td style="width:50pt"><p>Доля</p></td></tr>' +
        '<tr><td><p>СОШ</p></td><td><p style="text-align:right">38,9 %</p></td></tr></table>',
      listId,
    );
    expect(body.map((b) => b.kind)).toEqual([
      'listItem',
      'listItem',
      'paragraph',
      'table',
      'paragraph',
    ]);
    const [a, b] = body as Array<Extract<(typeof body)[number], { kind: 'listItem' }>>;
    expect(a).toMatchObject({ glyphType: 'BULLET', alignment: 'JUSTIFY', nestingLevel: 0 });
    expect(b.listId).toBe(a.listId);
    expect(body[2]).toMatchObject({ inlines: [{ kind: 'pageBreak' }] });
    const table = body[3] as Extract<(typeof body)[number], { kind: 'table' }>;
    expect(table.columnWidths).toEqual({ 0: 100, 1: 50 });
    expect(table).toMatchObject({ borderWidth: 1, borderColor: '#000000' });
    expect(table.rows[1].cells[1].blocks[0]).toMatchObject({ alignment: 'RIGHT' });
    expect(table.rows[0].cells[0].blocks[0]).toMatchObject({
      inlines: [{ runs: [{ text: 'Школа', attrs: { bold: true } }] }],
    });
  });

  it('reads the page the product writes as the product means it', () => {
    const model: ReportModel = {
      title: 'Записка',
      blocks: [
        { kind: 'issuer', lines: ['Служба', 'Округ'] },
        { kind: 'title', text: 'Записка' },
        { kind: 'heading', level: 2, text: 'Школы' },
        { kind: 'paragraph', text: 'Текст  с  пробелами ', italic: true },
        { kind: 'list', items: ['а'] },
        { kind: 'list', items: ['б'] },
        {
          kind: 'table',
          header: ['Школа', 'Доля'],
          rows: [
            ['Раздел', ''],
            ['<b>№ 1</b> & Co', '38,9 %'],
          ],
          widths: [3, 1],
          align: ['left', 'right'],
        },
        { kind: 'pageBreak' },
        { kind: 'signature', lines: ['Руководитель'] },
      ],
    };
    const page = documentHtml(model);
    const body = importHtml(page.html, listId);
    expect(page.title).toEqual({ at: 1, text: 'Записка' });
    const text = (i: number) => {
      const b = body[i];
      return b.kind === 'table'
        ? ''
        : b.inlines
            .map((n) => (n.kind === 'text' ? n.runs.map((r) => r.text).join('') : `<${n.kind}>`))
            .join('');
    };
    expect(text(0)).toBe('Служба\rОкруг');
    expect(body[2]).toMatchObject({ heading: 'HEADING2' });
    // Spaces HTML would collapse arrive as no-break spaces: the text reads the same.
    expect(text(3)).toBe('Текст \u00a0с \u00a0пробелами\u00a0');
    expect(body[3]).toMatchObject({ indentFirstLine: 0, alignment: 'JUSTIFY' });
    // Two lists in a row are one list, as appendListItem made them.
    expect(body[4].kind === 'listItem' && body[5].kind === 'listItem').toBe(true);
    expect((body[4] as { listId: string }).listId).toBe((body[5] as { listId: string }).listId);
    const table = body[6] as Extract<(typeof body)[number], { kind: 'table' }>;
    expect(table.rows[2].cells[0].blocks[0]).toMatchObject({
      inlines: [{ runs: [{ text: '<b>№ 1</b> & Co', attrs: { fontSize: 10 } }] }],
    });
    expect(table.rows[2].cells[1].blocks[0]).toMatchObject({ alignment: 'RIGHT' });
    // Header and section rows bold; data rows not.
    const bold = (r: number) =>
      (
        table.rows[r].cells[0].blocks[0] as {
          inlines: Array<{ runs: Array<{ attrs: { bold?: boolean } }> }>;
        }
      ).inlines[0].runs[0].attrs.bold;
    expect([bold(0), bold(1), bold(2)]).toEqual([true, true, undefined]);
    // DocumentApp left an empty paragraph after each table; the page keeps it.
    expect(body[7]).toMatchObject({ kind: 'paragraph', inlines: [] });
    expect(text(8)).toBe('<pageBreak>');
    expect(body[9]).toMatchObject({ spacingBefore: 24, indentFirstLine: 0 });
  });
});

/**
 * The product's page with its class rules written back on the elements as inline styles, by
 * text substitution (the page's own shape: `.cN{…}` rules in one head `<style>`).
 */
function inlined(page: string): string {
  const sheet = /<style>([^<]*)<\/style>/.exec(page);
  const rules = new Map(
    [...(sheet?.[1] ?? '').matchAll(/\.(c\d+)\{([^}]*)\}/g)].map((m) => [m[1], m[2]]),
  );
  return page
    .replace(/<style>[^<]*<\/style>/, '')
    .replace(/ class="(c\d+)"/g, (_, name: string) => ` style="${rules.get(name)}"`);
}

describe('the page the product writes, looks as class rules (emulated import)', () => {
  const model: ReportModel = {
    title: 'Записка',
    blocks: [
      { kind: 'issuer', lines: ['Служба', 'Округ'] },
      { kind: 'title', text: 'Записка' },
      { kind: 'addressee', lines: ['Руководителю'] },
      { kind: 'dateline', text: '01.06.2022' },
      { kind: 'heading', level: 1, text: 'Итоги' },
      { kind: 'paragraph', text: 'Курсив', italic: true },
      { kind: 'paragraph', text: 'Жирный', bold: true },
      { kind: 'paragraph', text: 'Обычный' },
      { kind: 'list', items: ['а', 'б'] },
      {
        kind: 'table',
        header: ['Школа', 'Доля', 'Итог'],
        rows: [
          ['Раздел', '', ''],
          ['СОШ № 1', '38,9 %', 'да'],
          ['СОШ № 2', '1,0 %', 'нет'],
        ],
        widths: [3, 1, 1],
        align: ['left', 'right', 'center'],
      },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 2, text: 'Подробно' },
      { kind: 'signature', lines: ['Руководитель'] },
    ],
  };

  it('writes each look once, in the head, and the import reads the same document as inline', () => {
    const { html } = documentHtml(model);
    // Every run, cell and paragraph names a class; a look is declared once.
    expect(html).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><title>Записка<\/title><style>\.c0\{/,
    );
    expect(html.match(/font-family/g)).toHaveLength(
      new Set(html.match(/\.c\d+\{font-family[^}]*\}/g)).size,
    );
    // Kept inline: list items' own look and the page break.
    expect(html).toContain('<li style="text-align:justify">');
    expect(html).toContain('<hr style="page-break-before:always;display:none">');
    const byClass = importHtml(html, listId);
    const inline = importHtml(inlined(html), listId);
    // List ids are drawn afresh for each import; everything else is the same.
    const unlisted = (blocks: typeof byClass) =>
      blocks.map((b) => (b.kind === 'listItem' ? { ...b, listId: '' } : b));
    expect(unlisted(byClass)).toEqual(unlisted(inline));
    expect(inlined(html)).not.toContain('class=');
    expect(byClass[4]).toMatchObject({ heading: 'HEADING1', spacingBefore: 12, spacingAfter: 4 });
  });
});

describe('the advanced Drive service', () => {
  it('creates a Google Doc from HTML, under an id generated beforehand, and imports over it', () => {
    const google = createGoogle();
    const { ids } = google.Drive.Files.generateIds({ count: 1 });
    const made = google.Drive.Files.create(
      { id: ids![0], name: 'Записка', mimeType: DOCS },
      html('<p>первая</p>'),
    );
    expect(made).toMatchObject({ id: ids![0], name: 'Записка', mimeType: DOCS });
    const doc = google.DocumentApp.openById(made.id!);
    expect(doc.getBody().getText()).toBe('первая');
    google.Drive.Files.update({}, made.id!, html('<p>вторая</p><p>третья</p>'));
    expect(google.DocumentApp.openById(made.id!).getBody().getText()).toBe('вторая\nтретья');
    expect(models(google)).toHaveLength(1);
    // An id never generated, or already used, is refused; so is an update of no file.
    expect(() =>
      google.Drive.Files.create({ id: ids![0], mimeType: DOCS }, html('<p>x</p>')),
    ).toThrow('The provided file ID is not usable.');
    expect(() => google.Drive.Files.update({}, 'nope', html('<p>x</p>'))).toThrow(
      'API call to drive.files.update failed with error: File not found: nope.',
    );
  });

  it('is refused without drive.file (or another Drive scope), with Google’s message', () => {
    const google = createGoogle();
    google.runtime.scopes = new ScopeGuard([`${AUTH}documents`]);
    expect(() =>
      google.runtime.runScript(() =>
        google.Drive.Files.create({ name: 'x', mimeType: DOCS }, html('<p>x</p>')),
      ),
    ).toThrow(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
    google.runtime.scopes = new ScopeGuard([`${AUTH}drive.file`]);
    expect(
      google.runtime.runScript(
        () => google.Drive.Files.create({ name: 'x', mimeType: DOCS }, html('<p>x</p>')).id,
      ),
    ).toBeTruthy();
  });

  it('costs an import: 1.5 s plus 2 ms a kilobyte uploaded (a guess, emulator/cost.ts)', () => {
    const google = createGoogle();
    const page = `<p>${'x'.repeat(100 * 1024)}</p>`;
    google.Drive.Files.create({ name: 'x', mimeType: DOCS }, html(page));
    const cost = modelCost(google.runtime.calls.snapshot(), 0);
    expect(cost.calls).toBe(1);
    expect(cost.modelledMs).toBe(1500 + 2 * Math.ceil(Buffer.byteLength(page) / 1024));
  });

  it('is a global of the script only when the manifest enables it', () => {
    const probe = (manifest: object) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-adv-'));
      fs.writeFileSync(path.join(dir, 'Code.js'), 'function probe() { return typeof Drive; }\n');
      fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
      return loadProject(createGoogle(), { distDir: dir }).call<string>('probe');
    };
    expect(probe({ timeZone: 'Europe/Moscow' })).toBe('undefined');
    expect(
      probe({
        timeZone: 'Europe/Moscow',
        dependencies: {
          enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }],
        },
      }),
    ).toBe('object');
  });
});
