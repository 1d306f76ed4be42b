/**
 * Emulated DocumentApp (entry point; the classes live in ./documents/). Documents are Drive
 * files, so DocumentApp is built over the emulated DriveApp.
 */
export {
  createDocumentApp,
  EmulatedDocument,
  EmulatedDocumentApp,
  GOOGLE_DOCS_MIME,
} from './documents/document';
export type {
  BlockNode,
  DocumentModel,
  HorizontalRuleNode,
  ImageNode,
  InlineNode,
  ListItemNode,
  PageBreakNode,
  ParagraphLike,
  ParagraphNode,
  TableCellNode,
  TableNode,
  TableRowNode,
  TextAttrs,
  TextNode,
  TextRun,
} from './documents/model';
export type { AlignmentName, GlyphName, HeadingName } from './documents/enums';
