import { monitoredSpreadsheet } from './spreadsheet';
import type { ChartSpec, ColumnAlign, ReportBlock, ReportModel } from '../../core/report/model';
import { PAGE, TEXT_WIDTH, columnWidths } from '../../core/report/model';
import { CHART_DATA_SHEET, SHEETS } from '../../sheets/schema';
import type { DocumentInfo, DocumentOnce, DocumentWriter } from '../../ports';

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

const BLACK = '#000000';
/** First-line indent of body text (1.25 cm). */
const INDENT = 35.4;
/** The right half of the text column, where a letter's addressee stands. */
const TEXT_HALF = Math.round(TEXT_WIDTH / 2);

/**
 * Renders a document model into a new Google Doc laid out as an organisational document:
 * A4, margins 20/10/20/20 mm, a serif face, black headings, tables as wide as the text.
 * It stays where DocumentApp puts it (the root of the user's Drive): filing it into a folder
 * takes DriveApp's full `drive` scope, which the add-on does not ask for.
 * Chart images come from the Sheets charts of «Сводка» (the same data table drives both).
 */
export class GasDocumentWriter implements DocumentWriter {
  write(title: string, model: ReportModel, once?: DocumentOnce): DocumentInfo {
    const earlier = reopen(once?.reuse);
    const doc = earlier ?? DocumentApp.create(title);
    if (!earlier) once?.created?.(doc.getId());
    const body = doc.getBody();
    // A document a killed run began is written again from its first block.
    if (earlier) body.clear();
    body
      .setPageWidth(PAGE.width)
      .setPageHeight(PAGE.height)
      .setMarginLeft(PAGE.marginLeft)
      .setMarginRight(PAGE.marginRight)
      .setMarginTop(PAGE.marginTop)
      .setMarginBottom(PAGE.marginBottom);
    // A new document starts with one empty paragraph: the first block is written into it.
    const first = body.getParagraphs()[0];
    const tables: GoogleAppsScript.Document.Table[] = [];
    model.blocks.forEach((block, i) => renderBlock(body, block, i === 0 ? first : null, tables));
    body.editAsText().setFontFamily(PAGE.font).setFontSize(PAGE.fontSize).setForegroundColor(BLACK);
    for (const t of tables) t.editAsText().setFontSize(PAGE.tableFontSize);
    doc.saveAndClose();
    return { id: doc.getId(), url: doc.getUrl() };
  }
}

/** The document a killed job already made, when it still exists. */
function reopen(id: string | null | undefined): GoogleAppsScript.Document.Document | null {
  if (!id) return null;
  try {
    return DocumentApp.openById(id);
  } catch {
    return null;
  }
}

/** Appends a paragraph, or fills the document's first (empty) one. */
function para(body: Body, text: string, reuse: Paragraph | null): Paragraph {
  if (reuse) {
    reuse.setText(text);
    return reuse;
  }
  return body.appendParagraph(text);
}

const ALIGN: Record<ColumnAlign, GoogleAppsScript.Document.HorizontalAlignment> = {
  get left() {
    return DocumentApp.HorizontalAlignment.LEFT;
  },
  get center() {
    return DocumentApp.HorizontalAlignment.CENTER;
  },
  get right() {
    return DocumentApp.HorizontalAlignment.RIGHT;
  },
};

/**
 * A paragraph's look in one call: paragraph attributes (heading, alignment, spacing, indents)
 * and text attributes (bold, italic, size) together, where each setter would be a call.
 */
type Style = Partial<Record<GoogleAppsScript.Document.Attribute, unknown>>;

function styled(p: Paragraph, style: Style): Paragraph {
  return p.setAttributes(style);
}

function renderBlock(
  body: Body,
  block: ReportBlock,
  reuse: Paragraph | null,
  tables: GoogleAppsScript.Document.Table[],
): void {
  const A = DocumentApp.Attribute;
  switch (block.kind) {
    case 'issuer':
      styled(para(body, block.lines.join('\n'), reuse), {
        [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
        [A.SPACING_AFTER]: 18,
        [A.BOLD]: true,
      });
      return;
    case 'title':
      styled(para(body, block.text, reuse), {
        [A.HEADING]: DocumentApp.ParagraphHeading.TITLE,
        [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
        [A.SPACING_BEFORE]: 6,
        [A.SPACING_AFTER]: 6,
        [A.BOLD]: true,
        [A.FONT_SIZE]: PAGE.titleSize,
      });
      return;
    case 'addressee':
      styled(body.appendParagraph(block.lines.join('\n')), {
        [A.SPACING_AFTER]: 12,
        [A.INDENT_START]: TEXT_HALF,
        [A.INDENT_FIRST_LINE]: TEXT_HALF,
        [A.BOLD]: true,
      });
      return;
    case 'dateline':
      para(body, block.text, reuse).setSpacingAfter(12);
      return;
    case 'heading':
      styled(para(body, block.text, reuse), {
        [A.HEADING]:
          block.level === 1
            ? DocumentApp.ParagraphHeading.HEADING1
            : DocumentApp.ParagraphHeading.HEADING2,
        [A.SPACING_BEFORE]: block.level === 1 ? 12 : 8,
        [A.SPACING_AFTER]: 4,
        [A.BOLD]: true,
        [A.FONT_SIZE]: PAGE.headingSize,
      });
      return;
    case 'paragraph': {
      const style: Style = {
        [A.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.JUSTIFY,
        [A.INDENT_FIRST_LINE]: block.italic ? 0 : INDENT,
        [A.SPACING_AFTER]: 3,
      };
      if (block.bold) style[A.BOLD] = true;
      if (block.italic) style[A.ITALIC] = true;
      styled(para(body, block.text, reuse), style);
      return;
    }
    case 'list':
      for (const item of block.items)
        body.appendListItem(item).setAlignment(DocumentApp.HorizontalAlignment.JUSTIFY);
      return;
    case 'table':
      tables.push(renderTable(body, block));
      return;
    case 'chart':
      renderChart(body, block.chart, block.caption);
      return;
    case 'signature':
      styled(body.appendParagraph(block.lines.join('\n')), {
        [A.SPACING_BEFORE]: 24,
        [A.INDENT_FIRST_LINE]: 0,
      });
      return;
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

function renderTable(
  body: Body,
  block: Extract<ReportBlock, { kind: 'table' }>,
): GoogleAppsScript.Document.Table {
  const table = body.appendTable([block.header.slice(), ...block.rows.map((r) => r.slice())]);
  columnWidths(block.widths).forEach((w, i) => table.setColumnWidth(i, w));
  table.getRow(0).editAsText().setBold(true);
  block.rows.forEach((row, r) => {
    // A section row (text in the first cell only) is bold, like a subheading.
    if (row.length > 1 && row.slice(1).every((c) => c === ''))
      table
        .getRow(r + 1)
        .editAsText()
        .setBold(true);
  });
  block.align?.forEach((align, c) => {
    if (align === 'left') return;
    for (let r = 1; r <= block.rows.length; r++) {
      if (c >= block.header.length) break;
      table.getCell(r, c).getChild(0).asParagraph().setAlignment(ALIGN[align]);
    }
  });
  return table;
}

/** The chart's image from the Sheets chart of «Сводка» that shows the same data table. */
function renderChart(body: Body, chart: ChartSpec, caption: string): void {
  const sheet = monitoredSpreadsheet().getSheetByName(SHEETS.summary);
  const column = CHART_DATA_SHEET.columns[chart.id];
  const embedded = sheet
    ?.getCharts()
    .find(
      (c) =>
        c.getRanges()[0]?.getColumn() === column &&
        c.getRanges()[0]?.getSheet().getName() === CHART_DATA_SHEET.name,
    );
  if (!embedded) return;
  const image = body.appendParagraph('').appendInlineImage(embedded.getAs('image/png'));
  image.setWidth(640).setHeight(400);
  (image.getParent() as Paragraph).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  styled(body.appendParagraph(caption), {
    [DocumentApp.Attribute.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER,
    [DocumentApp.Attribute.SPACING_AFTER]: 12,
  });
}
