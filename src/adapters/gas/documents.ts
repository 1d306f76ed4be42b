import { monitoredSpreadsheet } from './spreadsheet';
import type { ChartSpec, ReportModel } from '../../core/report/model';
import { PAGE } from '../../core/report/model';
import { CHART_DATA_SHEET, SHEETS } from '../../sheets/schema';
import type { DocumentInfo, DocumentOnce, DocumentWriter } from '../../ports';
import { documentHtml } from './documentHtml';

type Body = GoogleAppsScript.Document.Body;

const GOOGLE_DOCS = 'application/vnd.google-apps.document';

/**
 * Renders a document model into a new Google Doc laid out as an organisational document:
 * A4, margins 20/10/20/20 mm, a serif face, black headings, tables as wide as the text.
 *
 * The content goes in with ONE call: the model as an HTML page (documentHtml.ts), imported by
 * Drive as a Google Doc (advanced Drive service, v3 `files.create` with the Google Docs MIME
 * type; `drive.file` scope: the add-on sees only the files it made). Element by element,
 * DocumentApp cost a call per paragraph, list item and aligned table cell (thousands in a
 * large municipality's report). What the import cannot express is set afterwards with a few
 * DocumentApp calls: page size and margins, the Title style, the chart images.
 * The document stays in the root of the user's Drive, as DocumentApp.create left it.
 * Chart images come from the Sheets charts of «Сводка» (the same data table drives both).
 */
export class GasDocumentWriter implements DocumentWriter {
  write(title: string, model: ReportModel, once?: DocumentOnce): DocumentInfo {
    const images = chartImages(model);
    const page = documentHtml(model, (chart) => images.has(chart.id));
    const html = Utilities.newBlob(page.html, 'text/html', `${title}.html`);
    const id = importPage(title, html, once);
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    body
      .setPageWidth(PAGE.width)
      .setPageHeight(PAGE.height)
      .setMarginLeft(PAGE.marginLeft)
      .setMarginRight(PAGE.marginRight)
      .setMarginTop(PAGE.marginTop)
      .setMarginBottom(PAGE.marginBottom);
    if (page.title) {
      const text = page.title.text;
      paragraphAt(body, page.title.at, (p) => p.getText() === text)?.setHeading(
        DocumentApp.ParagraphHeading.TITLE,
      );
    }
    for (const { at, chart } of page.charts) {
      const image = images.get(chart.id);
      const target = paragraphAt(body, at, (p) => p.getNumChildren() === 0);
      if (image && target) target.appendInlineImage(image()).setWidth(640).setHeight(400);
    }
    doc.saveAndClose();
    return { id, url: doc.getUrl() };
  }
}

function advancedDrive(): GoogleAppsScript.Drive {
  // The manifest enables the service (appsscript.json, enabledAdvancedServices).
  if (typeof Drive === 'undefined') throw new Error('the advanced Drive service is not enabled');
  return Drive;
}

/**
 * The page as a Google Doc, made exactly once for a caller that notes its id (`once`): the id
 * is generated and noted BEFORE the document is created, so an execution killed anywhere
 * leaves either nothing or a document whose id is noted. Given a noted id (`once.reuse`), the
 * page is imported again over that document, or creates it under that id if it was never made.
 */
function importPage(
  title: string,
  html: GoogleAppsScript.Base.Blob,
  once: DocumentOnce | undefined,
): string {
  const files = advancedDrive().Files;
  const resource = { name: title, mimeType: GOOGLE_DOCS };
  if (once?.reuse) {
    try {
      return files.update({}, once.reuse, html).id ?? once.reuse;
    } catch {
      try {
        return files.create({ ...resource, id: once.reuse }, html).id ?? once.reuse;
      } catch {
        // Deleted by its owner since (its id is spent): a new document below.
      }
    }
  }
  if (!once?.created) return files.create(resource, html).id!;
  const id = files.generateIds({ count: 1, space: 'drive', type: 'files' }).ids![0];
  once.created(id);
  return files.create({ ...resource, id }, html).id ?? id;
}

/**
 * The paragraph at a body position the import is expected to give it, checked; if the import
 * laid the body out otherwise, the first paragraph after it (or anywhere) that passes.
 */
function paragraphAt(
  body: Body,
  at: number,
  test: (p: GoogleAppsScript.Document.Paragraph) => boolean,
): GoogleAppsScript.Document.Paragraph | null {
  const n = body.getNumChildren();
  const order = [...Array(n).keys()].map((k) => (at + k) % n);
  for (const i of order) {
    const child = body.getChild(i);
    if (child.getType() !== DocumentApp.ElementType.PARAGRAPH) continue;
    const p = child.asParagraph();
    if (test(p)) return p;
  }
  return null;
}

/**
 * Each chart of the model that has a Sheets chart of «Сводка» showing its data table, as a
 * function rendering its image (the rendering is a server call: done only when inserted).
 */
function chartImages(model: ReportModel): Map<ChartSpec['id'], () => GoogleAppsScript.Base.Blob> {
  const out = new Map<ChartSpec['id'], () => GoogleAppsScript.Base.Blob>();
  const wanted = model.blocks.filter((b) => b.kind === 'chart');
  if (wanted.length === 0) return out;
  const charts = monitoredSpreadsheet().getSheetByName(SHEETS.summary)?.getCharts() ?? [];
  for (const block of wanted) {
    const column = CHART_DATA_SHEET.columns[block.chart.id];
    const embedded = charts.find(
      (c) =>
        c.getRanges()[0]?.getColumn() === column &&
        c.getRanges()[0]?.getSheet().getName() === CHART_DATA_SHEET.name,
    );
    if (embedded) out.set(block.chart.id, () => embedded.getAs('image/png'));
  }
  return out;
}
