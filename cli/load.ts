/**
 * The command's file options to tables: CSV files, or the add-on's own spreadsheet as .xlsx
 * (then a CSV given as well takes the place of that sheet, and response CSVs add to it).
 */
import { CLI_USAGE } from './messages';
import { knownColumns, type TableKind } from './columns';
import { readCsv, type CsvTable } from './csv';
import { UsageError } from './errors';
import type { MonitoringInputs } from './inputs';
import { readWorkbook } from './xlsx-input';

export interface FileOptions {
  registry?: string;
  responses?: string[];
  lists?: string;
  settings?: string;
  links?: string;
  xlsx?: string;
  period?: string;
}

function csv(file: string, kind: TableKind): CsvTable {
  return readCsv(file, (header) => knownColumns(kind, header));
}

export async function loadInputFiles(options: FileOptions): Promise<MonitoringInputs> {
  if (!options.registry && !options.xlsx) throw new UsageError(CLI_USAGE.needRegistry);
  if ((options.responses ?? []).length === 0 && !options.xlsx)
    throw new UsageError(CLI_USAGE.needResponses);
  const workbook = options.xlsx ? await readWorkbook(options.xlsx) : undefined;
  const registry = options.registry ? csv(options.registry, 'registry') : workbook?.registry;
  if (!registry) throw new UsageError(CLI_USAGE.needRegistry);
  return {
    registry,
    responses: [
      ...(workbook ? [workbook.responses] : []),
      ...(options.responses ?? []).map((f) => csv(f, 'responses')),
    ],
    lists: options.lists ? csv(options.lists, 'lists') : workbook?.lists,
    settings: options.settings ? csv(options.settings, 'settings') : workbook?.settings,
    links: options.links ? csv(options.links, 'links') : workbook?.links,
    period: options.period,
  };
}
