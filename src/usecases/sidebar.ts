/**
 * The sidebar «Панель мониторинга», server side: one plain status object for the page (all
 * text already in Russian, numbers as numbers) and saving the reminder settings, validated
 * by the same reader as «Настройки» so a wrong value gets the same Russian message and
 * nothing is written.
 */
import { settingByCode } from '../core/catalogue/settings';
import { SIDEBAR, TRIGGERS_TEXT } from '../core/messages';
import { dayOffset, reminderPlan } from '../core/reminders';
import { readSettings, settingText } from '../core/settings';
import type { Cell, Ports } from '../ports';
import type { SaveOutcome, SidebarJob, SidebarStatus } from '../core/sidebar';
import { readRecords, SETTINGS_SHEET, SHEETS } from '../sheets/schema';
import { readRegistry, readSettingsSheet } from '../sheets/workbook';
import { jobsView } from './jobs';
import { respondedSchools } from './reminders/ledger';
import { rejectedAndHeld } from './report';
import { triggerRuns } from './triggers';

/** The settings the sidebar edits, in the form's order. */
export const SIDEBAR_SETTINGS = [
  'deadline',
  'reminder_days_before',
  'reminder_on_deadline',
  'reminder_days_after',
  'reminder_max',
  'reminder_min_gap',
  'reminder_hour',
  'inspector_emails',
  'reply_to',
] as const;

/** How many non-responding schools the sidebar names. */
const NAMES_SHOWN = 30;

/** A settings cell as the sheet shows it: a date cell is a day of the spreadsheet's zone. */
function cellText(ports: Pick<Ports, 'sheets'>, raw: Cell | undefined): string {
  if (raw instanceof Date) return SIDEBAR.date(ports.sheets.calendarDate(raw));
  if (typeof raw === 'boolean') return raw ? 'да' : 'нет';
  return raw === undefined || raw === null ? '' : String(raw);
}

function settingsRecords(ports: Pick<Ports, 'sheets'>) {
  return readRecords(SETTINGS_SHEET, ports.sheets.read(SHEETS.settings));
}

export function sidebarStatus(ports: Ports): SidebarStatus {
  const { settings, errors } = readSettingsSheet(ports.sheets);
  const period = settingText(settings, 'period');
  const plan = reminderPlan(settings);
  const today = ports.sheets.calendarDate(ports.clock.now());
  const active = readRegistry(ports.sheets).schools.filter((s) => s.active);
  const answered = period ? respondedSchools(ports, period) : new Set<string>();
  const responded = active.filter((s) => answered.has(s.school_id)).length;
  const { rejected, held } = period ? rejectedAndHeld(ports, period) : { rejected: [], held: [] };

  const runs = Object.entries(triggerRuns(ports)).flatMap(([handler, list]) =>
    list.slice(0, 2).map((r) => ({
      at: r.at,
      text: SIDEBAR.run(TRIGGERS_TEXT.handlers[handler] ?? handler),
      result: r.result,
    })),
  );
  const { current, history } = jobsView(ports);
  const jobRuns = history.slice(0, 3).map((j) => ({
    at: j.finishedAt ?? j.updatedAt,
    text: SIDEBAR.run(j.title),
    result: j.message ?? SIDEBAR.jobStatus[j.status],
  }));
  const when = (iso: string) => ports.clock.format(new Date(iso), 'dd.MM.yyyy HH:mm');
  const lines = [...runs, ...jobRuns]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((r) => `${r.text} — ${when(r.at)}: ${r.result}`);

  const job: SidebarJob | null =
    current && current.status === 'running'
      ? {
          title: current.title,
          step: current.stepTitle,
          done: current.stepDone,
          total: current.stepTotal,
          // Whole steps done, plus the share of the current one.
          percent: Math.round(
            (100 *
              (current.step + (current.stepTotal > 0 ? current.stepDone / current.stepTotal : 0))) /
              Math.max(current.steps, 1),
          ),
          text: SIDEBAR.jobProgress(
            current.title,
            current.step + 1,
            current.steps,
            current.stepTitle,
            current.stepDone,
            current.stepTotal,
          ),
        }
      : null;

  const raw = new Map(
    settingsRecords(ports).map((r) => [String(r.record.key).trim(), r.record.value]),
  );
  const fields = SIDEBAR_SETTINGS.map((code) => ({
    code,
    label: settingByCode(code)?.label ?? code,
    value: cellText(ports, raw.get(code)),
  }));

  return {
    period,
    deadline: plan ? SIDEBAR.date(plan.deadline) : SIDEBAR.noDeadline,
    daysLeft: plan ? SIDEBAR.daysLeft(-dayOffset(plan, today)) : '',
    schools: active.length,
    responded,
    respondedText: SIDEBAR.responded(responded, active.length),
    notResponded: active
      .filter((s) => !answered.has(s.school_id))
      .slice(0, NAMES_SHOWN)
      .map((s) => s.name),
    held: held.length,
    rejected: rejected.length,
    quotaLeft: ports.mailer.remainingQuota(),
    runs: lines,
    job,
    fields,
    settingErrors: errors,
  };
}

/**
 * Saves the sidebar's settings. Every value is read as «Настройки» reads it; any wrong one
 * returns the Russian messages and nothing is written. Unknown keys are ignored.
 */
export function saveSidebarSettings(ports: Ports, values: Record<string, unknown>): SaveOutcome {
  const allowed = new Set<string>(SIDEBAR_SETTINGS);
  const changes = Object.entries(values)
    .filter(([code]) => allowed.has(code))
    .map(([code, value]) => [code, typeof value === 'string' ? value.trim() : ''] as const);
  const errors = readSettings(changes.map(([code, value]) => [code, value])).errors;
  if (errors.length) return { ok: false, errors };

  const table = ports.sheets.read(SHEETS.settings);
  const records = readRecords(SETTINGS_SHEET, table);
  const valueColumn = SETTINGS_SHEET.columns.findIndex((c) => c.code === 'value');
  for (const [code, value] of changes) {
    const record = records.find((r) => String(r.record.key).trim() === code);
    if (!record) return { ok: false, errors: [SIDEBAR.noSettingRow(code)] };
    const row = [...(table[record.row - 1] ?? [])];
    while (row.length <= valueColumn) row.push('');
    if (cellText(ports, row[valueColumn]) === value) continue;
    row[valueColumn] = value;
    ports.sheets.writeRow(SHEETS.settings, record.row, row);
  }
  return { ok: true, errors: [] };
}
