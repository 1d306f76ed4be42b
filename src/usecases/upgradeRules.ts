/**
 * Once per spreadsheet, on the first recompute or setup after the update: the rev-2 default
 * rules replace untouched rev-1 rows of «Правила», new rules are appended, and every edited
 * row that was kept is named in «Журнал» (the inspector decides whether to take the new
 * default). The inspector's own columns and rows stay where they are.
 */
import { JOURNAL } from '../core/messages';
import { planRulesUpgrade } from '../core/rules/upgrade';
import type { Cell, RuleRow } from '../core/types';
import type { Ports } from '../ports';
import { columnIndex, RULES_SHEET, SHEETS } from '../sheets/schema';
import { readRules } from '../sheets/workbook';
import { journal } from './journal';

export const RULES_REVISION_KEY = 'rules.revision';
const REVISION = '2';

export function upgradeRulesSheet(ports: Pick<Ports, 'sheets' | 'properties' | 'clock'>): void {
  if (ports.properties.get(RULES_REVISION_KEY) === REVISION) return;
  const table = ports.sheets.read(SHEETS.rules);
  ports.properties.set(RULES_REVISION_KEY, REVISION);
  if (table.length === 0) return; // no sheet: the defaults are used as they are
  const rows = readRules(ports.sheets);
  const plan = planRulesUpgrade(rows);
  if (plan.replaced.size === 0 && plan.added.length === 0 && plan.kept.length === 0) return;
  const index = columnIndex(RULES_SHEET, table[0]);
  const width = table[0].length;
  const place = (cells: Cell[], rule: RuleRow) => {
    for (const [code, col] of index) cells[col] = rule[code as keyof RuleRow] ?? '';
    return cells;
  };
  // readRules skips blank rows: map its rows back to the sheet's non-blank rows.
  const sheetRows = table
    .map((r, i) => ({ r, i }))
    .slice(1)
    .filter(({ r }) => !r.every((c) => c === '' || c === null));
  const out = table.map((r) => [...r]);
  for (const [k, rule] of plan.replaced) place(out[sheetRows[k].i], rule);
  for (const rule of plan.added) out.push(place(new Array<Cell>(width).fill(''), rule));
  if (plan.replaced.size > 0 || plan.added.length > 0) ports.sheets.replace(SHEETS.rules, out);
  journal(
    ports,
    JOURNAL.rulesUpgraded,
    JOURNAL.rulesUpgradeDetails(
      [...plan.replaced.values()].map((r) => r.rule_id),
      plan.added.map((r) => r.rule_id),
      plan.kept,
    ),
  );
}
