/**
 * «Пересчитать показатели»: one read per input sheet, the pure core, one write per output
 * sheet (Показатели, Сводка, Динамика, Не представили, Рекомендации, and «Значения для формул», the table the custom
 * functions take as an argument). Only what changed is written: found from what the last
 * write left (outputMemory.ts), or else by reading the sheet back. The steps are long-job
 * steps (jobs/monitoring.ts), shared by the recompute and the report.
 */
import { computeMonitoring } from '../core/monitoring';
import { formulaTable } from '../core/customFunctions';
import { JOURNAL } from '../core/messages';
import { layoutOf, REGISTRY_HISTORY_SHEET, SHEETS } from '../sheets/schema';
import { withSnapshot, type RegistryFact } from '../core/registryHistory';
import type { RegistrySchool } from '../core/types';
import {
  dynamicsSheet,
  indicatorsSheet,
  notRespondedSheet,
  recommendationsSheet,
  summarySheet,
} from '../sheets/outputs';
import type { MonitoringResult } from '../core/monitoring';
import type { Ports, SheetLayout, Table } from '../ports';
import { journal } from './journal';
import { isbResultsChart, statusChart } from '../core/report/charts';
import type { EmbeddedChartSpec } from '../ports';
import { CHART_DATA_SHEET, READER_ORDER } from '../sheets/schema';
import type { OutputMemory } from './outputMemory';
import {
  registryHistoryTable,
  readData,
  readLinks,
  readLists,
  readRejectedSheet,
  readRegistry,
  readRegistryHistory,
  readRules,
  readSettingsSheet,
} from '../sheets/workbook';

export interface Computation {
  result: MonitoringResult;
  /** The registry as read, inactive schools included (for «История реестра»). */
  registry: RegistrySchool[];
  registryHistory: RegistryFact[];
  settings: Record<string, string | number | boolean>;
  inputErrors: string[];
}

/** Reads every input sheet once and runs the core. */
export function compute(ports: Pick<Ports, 'sheets'>, period?: string): Computation {
  const { settings, errors: settingsErrors } = readSettingsSheet(ports.sheets);
  const { schools, errors: registryErrors } = readRegistry(ports.sheets);
  const { lists, errors: listErrors } = readLists(ports.sheets);
  const rules = readRules(ports.sheets);
  const data = readData(ports.sheets).rows.map((r) => r.data);
  const registryHistory = readRegistryHistory(ports.sheets);
  const result = computeMonitoring({
    registry: schools,
    lists,
    data,
    settings,
    rules,
    period,
    registryHistory,
  });
  return {
    result,
    registry: schools,
    registryHistory,
    settings,
    inputErrors: [...settingsErrors, ...registryErrors, ...listErrors],
  };
}

/** The sheets recompute writes, each in one write: a long job does them as steps. */
export const RECOMPUTE_OUTPUTS = [
  'indicators',
  'summary',
  'dynamics',
  'notResponded',
  'recommendations',
  'formulas',
  'registryHistory',
  'charts',
] as const;
export type RecomputeOutput = (typeof RECOMPUTE_OUTPUTS)[number];

/** The table one output step writes: its sheet, rows and layout. */
export interface OutputTable {
  sheet: string;
  rows: Table;
  layout?: SheetLayout;
}

/** The table of an output sheet (null for the charts step, which writes its own way). */
export function outputTable(
  ports: Ports,
  computation: Computation,
  which: RecomputeOutput,
): OutputTable | null {
  const { result } = computation;
  if (which === 'charts') return null;
  if (which === 'formulas')
    // Rows keyed by school_id (column 2): a school added moves the rows below, not rewrites them.
    return {
      sheet: SHEETS.formulaValues,
      rows: formulaTable(result),
      layout: { frozenRows: 1, keyColumns: [1] },
    };
  if (which === 'registryHistory')
    // rev 2: freeze this period's registry facts; earlier periods' rows stay as they were.
    return {
      sheet: SHEETS.registryHistory,
      rows: registryHistoryTable(
        withSnapshot(computation.registryHistory, result.period, computation.registry),
      ),
      layout: layoutOf(REGISTRY_HISTORY_SHEET),
    };
  const table =
    which === 'notResponded'
      ? // One read each of «Ссылки школам» and «Отклонено».
        notRespondedSheet(
          result,
          computation.registry,
          readLinks(ports.sheets),
          readRejectedSheet(ports.sheets),
        )
      : which === 'dynamics'
        ? dynamicsSheet(result)
        : which === 'indicators'
          ? indicatorsSheet(result)
          : which === 'summary'
            ? summarySheet(result)
            : recommendationsSheet(result);
  return { sheet: SHEETS[which], rows: table.rows, layout: table.layout };
}

/**
 * Every output table, with what the sheets hold now read before anything is written (a read
 * after pending writes costs a round trip more): what the output steps then write. A sheet
 * whose last write `memory` describes is not read (outputMemory.ts).
 */
export function prepareOutputs(
  ports: Ports,
  computation: Computation,
  memory?: OutputMemory,
): Map<RecomputeOutput, OutputTable> {
  const tables = new Map<RecomputeOutput, OutputTable>();
  for (const which of RECOMPUTE_OUTPUTS) {
    const table = outputTable(ports, computation, which);
    if (table) tables.set(which, table);
  }
  ports.sheets.prefetch?.([...tables.values()].map((t) => ({ ...t, memory: memory?.of(t.sheet) })));
  return tables;
}

export function writeOutput(
  ports: Ports,
  computation: Computation,
  which: RecomputeOutput,
  prepared?: ReadonlyMap<RecomputeOutput, OutputTable>,
  memory?: OutputMemory,
): void {
  const { result } = computation;
  if (which === 'charts') {
    // The report's two charts in «Сводка», then the sheets in the reader's order.
    ports.sheets.setCharts(
      SHEETS.summary,
      summaryCharts(result, summarySheet(result).rows.length + 2),
      memory?.of(CHART_DATA_SHEET.name),
    );
    ports.sheets.arrange(READER_ORDER, [CHART_DATA_SHEET.name]);
    return;
  }
  const table = prepared?.get(which) ?? outputTable(ports, computation, which);
  if (table) ports.sheets.replace(table.sheet, table.rows, table.layout);
}

export function journalRecompute(ports: Ports, computation: Computation): void {
  const { result } = computation;
  journal(
    ports,
    JOURNAL.recompute,
    [
      JOURNAL.recomputeDetails(result.period, result.responded, result.schoolsTotal),
      ...computation.inputErrors,
      ...result.ruleErrors,
      ...result.warnings,
    ].join('\n'),
  );
}

/** The report's two charts, placed in «Сводка» below its table (data on a hidden sheet). */
function summaryCharts(result: MonitoringResult, anchorRow: number): EmbeddedChartSpec[] {
  const charts = [isbResultsChart(result), statusChart(result)].filter(
    (c): c is NonNullable<typeof c> => c !== null,
  );
  return charts.map((chart) => ({
    chart,
    dataSheet: CHART_DATA_SHEET.name,
    dataColumn: CHART_DATA_SHEET.columns[chart.id],
    anchorRow,
  }));
}
