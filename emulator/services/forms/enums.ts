/**
 * FormApp's enums as plain objects whose values are the member names, so an item type read
 * back from the emulator compares equal to `FormApp.ItemType.TEXT` as in Apps Script.
 */
import { enumOf } from '../enum';

export const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const;
export type ItemTypeName = (typeof ITEM_TYPES)[number];
export const ItemType = enumOf(...ITEM_TYPES);

export const DestinationType = enumOf('SPREADSHEET');

export const PAGE_NAVIGATION_TYPES = ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const;
export type PageNavigationName = (typeof PAGE_NAVIGATION_TYPES)[number];
export const PageNavigationType = enumOf(...PAGE_NAVIGATION_TYPES);

export const Alignment = enumOf('LEFT', 'CENTER', 'RIGHT');
export const FeedbackType = enumOf('CORRECT', 'INCORRECT', 'GENERAL');

/** Item types that collect an answer and so get a column in the responses sheet. */
export const ANSWERABLE_TYPES: ReadonlySet<ItemTypeName> = new Set<ItemTypeName>([
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'LIST',
  'MULTIPLE_CHOICE',
  'PARAGRAPH_TEXT',
  'SCALE',
  'TEXT',
  'TIME',
  'FILE_UPLOAD',
]);
