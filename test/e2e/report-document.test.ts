/**
 * The report and the letters as Google Docs: written with a handful of calls whatever the
 * number of schools (the content goes in with one Drive import), and respondents' text
 * arrives as text, never as markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createGoogle } from '../../emulator';
import { loadProject } from '../../emulator/loader';
import type { DocumentModel } from '../../emulator/services/documents';
import { flattenParagraphs, paragraphTextOf } from '../../emulator/services/documents/model';
import { SHEETS } from '../../src/sheets/schema';
import { buildAddOn, makeHarness, PERIOD, schoolId, validAnswers, type Harness } from './harness';

/** Every school answers by its personal link. */
function answerAll(h: Harness, n: number): void {
  for (let i = 1; i <= n; i++) h.submit(validAnswers(i, { access_code: h.codeOf(schoolId(i)) }));
}

/** N schools that all answered and are all on the ШНОР list, recomputed. */
function flaggedMunicipality(n: number): Harness {
  const h = makeHarness(n);
  answerAll(h, n);
  const lists = h.ss.getSheetByName(SHEETS.lists)!;
  const rows = Array.from({ length: n }, (_, k) => [PERIOD, `'${schoolId(k + 1)}`, 'ШНОР']);
  lists.getRange(2, 1, rows.length, 3).setValues(rows);
  h.project.call('menuRecompute');
  return h;
}

const documents = (h: Harness): DocumentModel[] =>
  (h.google.DocumentApp as unknown as { __documents(): DocumentModel[] }).__documents();

const tableRows = (doc: DocumentModel) =>
  doc.body.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);

/** Calls of the report alone, by service. */
function reportCalls(h: Harness) {
  h.google.runtime.calls.reset();
  h.project.call('menuReport');
  const calls = h.google.runtime.calls.snapshot();
  const of = (service: string) =>
    calls.filter((e) => e.service === service).reduce((n, e) => n + e.calls, 0);
  return { documentApp: of('DocumentApp'), drive: of('Drive') };
}

describe('the report as a Google Doc', () => {
  it('takes as many document calls for 24 flagged schools as for 6', () => {
    const small = flaggedMunicipality(6);
    const large = flaggedMunicipality(24);
    const few = reportCalls(small);
    const many = reportCalls(large);
    // The larger report really is larger (its table of flagged schools has a row a school)…
    const [smallDoc] = documents(small).slice(-1);
    const [largeDoc] = documents(large).slice(-1);
    expect(tableRows(largeDoc) - tableRows(smallDoc)).toBeGreaterThanOrEqual(18);
    // …yet costs the same calls: one import, and page setup, title and charts afterwards.
    expect(many).toEqual(few);
    expect(many.drive).toBeLessThanOrEqual(2);
    expect(many.documentApp).toBeLessThanOrEqual(40);
    // The charts' images stand where their markers stood, centred; no marker is left.
    const paragraphs = flattenParagraphs(largeDoc.body);
    const images = paragraphs.filter((p) => p.inlines.some((i) => i.kind === 'image'));
    const captions = paragraphs.filter((p) => paragraphTextOf(p).startsWith('Рисунок'));
    expect(images.length).toBeGreaterThan(0);
    expect(images).toHaveLength(captions.length);
    for (const p of images)
      expect(p).toMatchObject({
        alignment: 'CENTER',
        inlines: [{ kind: 'image', width: 640, height: 400 }],
      });
    expect(paragraphs.map(paragraphTextOf).filter((t) => /^\[[a-z_]+\]$/.test(t))).toEqual([]);
  });

  it('shows a school name with markup characters as text, in the report and the letter', () => {
    const h = makeHarness(4);
    answerAll(h, 4);
    const name = 'Школа <b>Ключи</b> & Co <script>x</script>';
    h.ss.getSheetByName(SHEETS.registry)!.getRange(2, 2).setValue(name);
    h.ss
      .getSheetByName(SHEETS.lists)!
      .getRange(2, 1, 1, 3)
      .setValues([[PERIOD, "'0001", 'ШНОР']]);
    h.project.call('menuRecompute');
    h.project.call('menuReport');
    h.project.call('menuLetters');
    while (h.project.call<string>('continueJob') === 'running');
    const docs = documents(h);
    const letter = docs.find((d) => d.name.includes('<b>Ключи</b>'));
    expect(letter).toBeDefined();
    for (const doc of [docs[0], letter!]) {
      const texts = flattenParagraphs(doc.body).map(paragraphTextOf);
      expect(texts.some((t) => t.includes(name))).toBe(true);
      // No run of the name's paragraph turned bold by the <b> inside it.
      const paragraphs = flattenParagraphs(doc.body).filter((p) =>
        paragraphTextOf(p).includes('Ключи</b>'),
      );
      for (const p of paragraphs)
        for (const inline of p.inlines)
          if (inline.kind === 'text')
            expect(new Set(inline.runs.map((r) => Boolean(r.attrs.bold))).size).toBe(1);
    }
  });
});

describe('the add-on build', () => {
  it('enables the Drive service with drive.file and writes the report through it', () => {
    const dist = buildAddOn('shnor-addon-docs-');
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
    const google = createGoogle();
    google.SpreadsheetApp.create('Мониторинг');
    const quiet = { log() {}, info() {}, warn() {}, error() {} };
    const project = loadProject(google, { distDir: dist, console: quiet, addOn: true });
    project.call('menuSetup');
    google.runtime.calls.reset();
    project.call('menuReport');
    expect(google.runtime.calls.get('Drive', 'Drive.Files.create')).toBe(1);
    expect(google.runtime.calls.get('DocumentApp', 'DocumentApp.create')).toBe(0);
    expect(
      (google.DocumentApp as unknown as { __documents(): DocumentModel[] }).__documents(),
    ).toHaveLength(1);
  });
});
