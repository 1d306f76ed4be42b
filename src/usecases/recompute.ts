/**
 * «Пересчитать показатели»: one read per input sheet, the pure core, one write per output
 * sheet (Показатели, Сводка, Рекомендации, and «Значения для формул», the table the custom
 * functions take as an argument).
 */
import { computeMonitoring } from '../core/monitoring';
import { formulaTable } from '../core/customFunctions';
import { JOURNAL } from '../core/messages';
import { SHEETS } from '../sheets/schema';
import { indicatorsSheet, recommendationsSheet, summarySheet } from '../sheets/outputs';
import type { MonitoringResult } from '../core/monitoring';
import type { Ports } from '../ports';
import { journal } from './journal';
import {
  readData,
  readLists,
  readRegistry,
  readRules,
  readSettingsSheet,
} from '../sheets/workbook';

export interface Computation {
  result: MonitoringResult;
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
  const result = computeMonitoring({ registry: schools, lists, data, settings, rules, period });
  return { result, settings, inputErrors: [...settingsErrors, ...registryErrors, ...listErrors] };
}

/** The sheets recompute writes, each in one write: a long job does them as steps. */
export const RECOMPUTE_OUTPUTS = ['indicators', 'summary', 'recommendations', 'formulas'] as const;
export type RecomputeOutput = (typeof RECOMPUTE_OUTPUTS)[number];

export function writeOutput(ports: Ports, result: MonitoringResult, which: RecomputeOutput): void {
  if (which === 'formulas') {
    ports.sheets.replace(SHEETS.formulaValues, formulaTable(result), { frozenRows: 1 });
    return;
  }
  const table =
    which === 'indicators'
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
  const computation = compute(ports, period);
  for (const which of RECOMPUTE_OUTPUTS) writeOutput(ports, computation.result, which);
  journalRecompute(ports, computation);
  return computation;
}
