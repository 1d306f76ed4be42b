/**
 * The emulated Spreadsheet service (`SpreadsheetApp`), in `./spreadsheet/`. This module is what
 * the rest of the emulator imports.
 */
export { createSpreadsheetApp, EmulatedSpreadsheetApp } from './spreadsheet/app';
export { EmulatedSpreadsheet, type ToastRecord } from './spreadsheet/workbook';
export { EmulatedSheet } from './spreadsheet/sheet';
export { EmulatedRange } from './spreadsheet/range';
export {
  SheetData,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
} from './spreadsheet/sheet-data';
export { EmulatedDataValidation, EmulatedDataValidationBuilder } from './spreadsheet/validation';
export {
  EmulatedConditionalFormatRule,
  EmulatedConditionalFormatRuleBuilder,
  type ConditionalRuleSpec,
} from './spreadsheet/conditional';
export { EmulatedChart, EmulatedChartBuilder, type ChartSpecView } from './spreadsheet/charts';
export { EmulatedProtection } from './spreadsheet/protection';
export {
  EmulatedUi,
  EmulatedMenu,
  type MenuSpec,
  type MenuEntry,
  type AlertRecord,
  type DialogRecord,
} from './spreadsheet/ui';
export {
  FormulaCell,
  type CellValue,
  type StoredCell,
  DEFAULT_DATE_FORMAT,
  AUTOMATIC_FORMAT,
} from './spreadsheet/cell-values';
export { displayValue } from './spreadsheet/number-format';
export { Messages as SheetsMessages } from './spreadsheet/errors';
export { ChartType } from './spreadsheet/enums';
