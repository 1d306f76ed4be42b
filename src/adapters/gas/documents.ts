import { scatterDataTable } from '../../core/report/model';
import type { ReportBlock, ReportModel, ScatterChartSpec } from '../../core/report/model';
import { REPORT } from '../../core/messages';
import type { DocumentInfo, DocumentOnce, DocumentWriter } from '../../ports';

type Body = GoogleAppsScript.Document.Body;

/**
 * Renders a report model into a new Google Doc. It stays where DocumentApp puts it (the root of
 * the user's Drive): filing it into a folder takes DriveApp's full `drive` scope, which the
 * add-on does not ask for. Its link goes to «Журнал» and to the user (see README, scopes).
 */
export class GasDocumentWriter implements DocumentWriter {
  write(title: string, model: ReportModel, once?: DocumentOnce): DocumentInfo {
    const earlier = reopen(once?.reuse);
    const doc = earlier ?? DocumentApp.create(title);
    if (!earlier) once?.created?.(doc.getId());
    const body = doc.getBody();
    // A document a killed run began is written again from its first block.
    if (earlier) body.clear();
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

/** The document a killed job already made, when it still exists. */
function reopen(id: string | null | undefined): GoogleAppsScript.Document.Document | null {
  if (!id) return null;
  try {
    return DocumentApp.openById(id);
  } catch {
    return null;
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

/** A scatter chart as an image, drawn by the Charts service from the model's data table. */
function renderChart(body: Body, chart: ScatterChartSpec): void {
  if (chart.points.length === 0) return;
  const table = scatterDataTable(chart, REPORT.chartSeries);
  const data = Charts.newDataTable();
  for (const label of table.columns) data.addColumn(Charts.ColumnType.NUMBER, label);
  for (const row of table.rows) data.addRow(row.slice());
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
