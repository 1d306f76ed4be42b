import type { ReportBlock, ReportModel, ScatterChartSpec } from '../../core/report/model';
import type { DocumentInfo, DocumentWriter } from '../../ports';

type Body = GoogleAppsScript.Document.Body;

/**
 * Renders a report model into a new Google Doc. It stays where DocumentApp puts it (the root of
 * the user's Drive): filing it into a folder takes DriveApp's full `drive` scope, which the
 * add-on does not ask for. Its link goes to «Журнал» and to the user (see README, scopes).
 */
export class GasDocumentWriter implements DocumentWriter {
  write(title: string, model: ReportModel): DocumentInfo {
    const doc = DocumentApp.create(title);
    const body = doc.getBody();
    // A new document starts with one empty paragraph: the first block is written into it.
    const [first, ...rest] = model.blocks;
    if (first && first.kind === 'title') {
      const paragraph = body.getParagraphs()[0];
      paragraph.setText(first.text);
      paragraph.setHeading(DocumentApp.ParagraphHeading.TITLE);
    } else if (first) {
      renderBlock(body, first);
    }
    for (const block of rest) renderBlock(body, block);
    doc.saveAndClose();
    return { id: doc.getId(), url: doc.getUrl() };
  }
}

function renderBlock(body: Body, block: ReportBlock): void {
  switch (block.kind) {
    case 'title':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'heading': {
      const level =
        block.level === 1
          ? DocumentApp.ParagraphHeading.HEADING1
          : block.level === 2
            ? DocumentApp.ParagraphHeading.HEADING2
            : DocumentApp.ParagraphHeading.HEADING3;
      body.appendParagraph(block.text).setHeading(level);
      return;
    }
    case 'paragraph': {
      const p = body.appendParagraph(block.text);
      if (block.bold) p.editAsText().setBold(true);
      return;
    }
    case 'list':
      for (const item of block.items) body.appendListItem(item);
      return;
    case 'table': {
      const table = body.appendTable([block.header.slice(), ...block.rows.map((r) => r.slice())]);
      table.getRow(0).editAsText().setBold(true);
      block.widths?.forEach((width, i) => {
        if (width !== undefined) table.setColumnWidth(i, width);
      });
      return;
    }
    case 'chart':
      renderChart(body, block.chart);
      return;
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

/** A scatter chart as an image, drawn by the Charts service. */
function renderChart(body: Body, chart: ScatterChartSpec): void {
  if (chart.points.length === 0) return;
  // A third column marks the flagged schools (drawn as their own series).
  const data = Charts.newDataTable()
    .addColumn(Charts.ColumnType.NUMBER, chart.xTitle)
    .addColumn(Charts.ColumnType.NUMBER, chart.yTitle)
    .addColumn(Charts.ColumnType.NUMBER, 'flagged');
  for (const p of chart.points) data.addRow([p.x, p.y, p.flagged ? 1 : 0]);
  const image = Charts.newScatterChart()
    .setDataTable(data)
    .setTitle(chart.title)
    .setXAxisTitle(chart.xTitle)
    .setYAxisTitle(chart.yTitle)
    .setDimensions(640, 420)
    .build()
    .getAs('image/png');
  body.appendImage(image);
}
