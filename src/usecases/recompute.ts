/**
 * «Пересчитать показатели»: one read per input sheet, the pure core, one write per output
 * sheet (Показатели, Сводка, Динамика, Не представили, Рекомендации, and «Значения для формул», the table the custom
 * functions take as an argument).
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
import type { Ports } from '../ports';
import { journal } from './journal';
import { isbResultsChart, statusChart } from '../core/report/charts';
import type { EmbeddedChartSpec } from '../ports';
import { CHART_DATA_SHEET, READER_ORDER } from '../sheets/schema';
import { upgradeRulesSheet } from './upgradeRules';
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

export function writeOutput(ports: Ports, computation: Computation, which: RecomputeOutput): void {
  const { result } = computation;
  if (which === 'formulas') {
    ports.sheets.replace(SHEETS.formulaValues, formulaTable(result), { frozenRows: 1 });
    return;
  }
  if (which === 'charts') {
    // The report's two charts in «Сводка», then the sheets in the reader's order.
    ports.sheets.setCharts(
      SHEETS.summary,
      summaryCharts(result, summarySheet(result).rows.length + 2),
    );
    ports.sheets.arrange(READER_ORDER, [CHART_DATA_SHEET.name]);
    return;
  }
  if (which === 'registryHistory') {
    // rev 2: freeze this period's registry facts; earlier periods' rows stay as they were.
    ports.sheets.replace(
      SHEETS.registryHistory,
      registryHistoryTable(
        withSnapshot(computation.registryHistory, result.period, computation.registry),
      ),
      layoutOf(REGISTRY_HISTORY_SHEET),
    );
    return;
  }
  if (which === 'notResponded') {
    // One read each of «Ссылки школам» and «Отклонено», one write.
    const table = notRespondedSheet(
      result,
      computation.registry,
      readLinks(ports.sheets),
      readRejectedSheet(ports.sheets),
    );
    ports.sheets.replace(SHEETS.notResponded, table.rows, table.layout);
    return;
  }
  const table =
    which === 'dynamics'
      ? dynamicsSheet(result)
      : which === 'indicators'
        ? indicatorsSheet(result)
        : which === 'summary'
          ? summarySheet(result)
          : recommendationsSheet(result);
  ports.sheets.replace(SHEETS[which], table.rows, table.layout);
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

export function recompute(ports: Ports, period?: string): Computation {
  upgradeRulesSheet(ports);
  const computation = compute(ports, period);
  for (const which of RECOMPUTE_OUTPUTS) writeOutput(ports, computation, which);
  journalRecompute(ports, computation);
  return computation;
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
