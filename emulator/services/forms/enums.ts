/**
 * FormApp's enums as plain objects whose values are the member names, so an item type read
 * back from the emulator compares equal to `FormApp.ItemType.TEXT` as in Apps Script.
 */

function nameEnum<K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

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
export const ItemType = nameEnum(ITEM_TYPES);

export const DestinationType = nameEnum(['SPREADSHEET'] as const);

export const PAGE_NAVIGATION_TYPES = ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const;
export type PageNavigationName = (typeof PAGE_NAVIGATION_TYPES)[number];
export const PageNavigationType = nameEnum(PAGE_NAVIGATION_TYPES);

export const Alignment = nameEnum(['LEFT', 'CENTER', 'RIGHT'] as const);
export const FeedbackType = nameEnum(['CORRECT', 'INCORRECT', 'GENERAL'] as const);

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
