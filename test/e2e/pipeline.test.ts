/**
 * The whole path through the real entry points on the emulator, with the shipped sample:
 * setup, the inspector's sheets, every response through the form and the submit trigger,
 * recompute, the report, and the exported files read back.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsv } from '../../cli/csv';
import { runMonitoring, type RunResult, type StageInfo } from '../../cli/pipeline';
import { modelCost } from '../../emulator/cost';
import { SHEETS } from '../../src/sheets/schema';
import { recordsOf } from './harness';

const root = path.join(__dirname, '..', '..');
const sample = (name: string) => readCsv(path.join(root, 'sample', `${name}.csv`));
const inputs = () => ({
  registry: sample('registry'),
  lists: sample('lists'),
  settings: sample('settings'),
  responses: [sample('responses')],
});

const records = (run: RunResult, name: string) =>
  recordsOf(run.google.SpreadsheetApp.getActiveSpreadsheet(), name);

function sheetValues(run: RunResult, name: string): unknown[][] {
  const ss = run.google.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

describe('npm start pipeline on the sample municipality', () => {
  let run: RunResult;
  let outDir: string;
  const stages: Record<string, Omit<StageInfo, 'google'>> = {};

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-e2e-'));
    run = await runMonitoring(inputs(), {
      outDir,
      onStageDone: (stage, { executions, wallMs, perExecution }) => {
        stages[stage] = { executions, wallMs, perExecution };
      },
    });
  });

  // The emulator's clock moves with each call's modelled cost, so the letters job stops at its
  // time budget and goes on in new executions, as on Google: none runs past the 6-minute limit.
  it('runs the letters job in executions that each fit Apps Script’s 6 minutes', () => {
    const letters = stages.letters.perExecution ?? [];
    const seconds = letters.map((calls) => modelCost(calls, 1).modelledMs / 1000);
    const total = seconds.reduce((a, b) => a + b, 0);
    expect(letters).toHaveLength(stages.letters.executions);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(360);
    expect(letters.length).toBeGreaterThanOrEqual(Math.ceil(total / 360));
    // Every responding school got its letter, across the executions.
    expect(fs.readdirSync(path.join(outDir, 'letters'))).toHaveLength(run.summary.responded);
  });

  it('keeps every raw response: the responses sheet has one row per submission', () => {
    const raw = sheetValues(run, SHEETS.responses);
    expect(raw.length - 1).toBe(run.submitted);
  });

  it('took the responses in one batch, with no trigger run and no error', () => {
    const runs = (
      run.google.ScriptApp as unknown as {
        __getExecutions(): Array<{ handler: string; error?: string }>;
      }
    ).__getExecutions();
    expect(runs.filter((e) => e.handler === 'onFormSubmit')).toHaveLength(0);
    expect(runs.filter((e) => e.error)).toEqual([]);
  });

  it('accounts for every raw row: accepted, superseded by a later one, or rejected with reasons', () => {
    const raw = sheetValues(run, SHEETS.responses);
    const data = records(run, SHEETS.data);
    const rejected = records(run, SHEETS.rejected);
    const acceptedRows = new Set(data.map((r) => Number(r.response_row)));
    const rejectedRows = new Set(rejected.map((r) => Number(r.row)));
    const header = raw[0].map(String);
    const schoolCol = header.findIndex((h) => /Код ОО|школ/i.test(h));
    const periodCol = header.findIndex((h) => /период/i.test(h));
    expect(schoolCol).toBeGreaterThan(0);
    for (let row = 2; row <= raw.length; row++) {
      if (acceptedRows.has(row) || rejectedRows.has(row)) continue;
      // Superseded: the same school and period has a later accepted row.
      const school = String(raw[row - 1][schoolCol]).split(' — ')[0];
      const period = String(raw[row - 1][periodCol] ?? '');
      const later = data.find(
        (d) =>
          d.school === school &&
          (period === '' || d.reporting_period === period) &&
          Number(d.response_row) > row,
      );
      expect({ row, later: Boolean(later) }).toEqual({ row, later: true });
    }
    // One accepted row per school and period.
    const keys = data.map((r) => `${r.school}|${r.reporting_period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects the planted bad responses, each with a Russian reason naming the problem', () => {
    const reasons = records(run, SHEETS.rejected).map((r) => String(r.reasons));
    expect(reasons.some((r) => /педагог/i.test(r) && /больше/i.test(r))).toBe(true);
    expect(reasons.some((r) => /412 чел\./.test(r))).toBe(true);
    expect(reasons.some((r) => /9999/.test(r))).toBe(true);
  });

  it('writes the three files, and the workbook has every sheet of the layout', async () => {
    for (const f of Object.values(run.files)) expect(fs.statSync(f).size).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(run.files.xlsx);
    const names = wb.worksheets.map((w) => w.name);
    for (const name of [
      SHEETS.settings,
      SHEETS.registry,
      SHEETS.lists,
      SHEETS.responses,
      SHEETS.data,
      SHEETS.rejected,
      SHEETS.indicators,
      SHEETS.summary,
      SHEETS.recommendations,
      SHEETS.rules,
      SHEETS.journal,
    ]) {
      expect(names).toContain(name);
    }
    // School codes stay text with their leading zeros.
    const data = wb.getWorksheet(SHEETS.data)!;
    expect(data.getRow(2).getCell(1).value).toMatch(/^\d{4}$/);
  });

  it('keeps respondent text that looks like a formula as text, through to the .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(run.files.xlsx);
    const raw = wb.getWorksheet(SHEETS.responses)!;
    let found = false;
    raw.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) found = true;
        expect(cell.formula).toBeUndefined();
      }),
    );
    expect(found).toBe(true);
  });

  it('writes the summary in the contract shape', () => {
    const summary = JSON.parse(fs.readFileSync(run.files.summary, 'utf8'));
    expect(summary.period).toBe('2025-2026');
    expect(summary.schools_total).toBe(36);
    expect(summary.responded).toBe(34);
    expect(
      summary.indicators.find((i: { code: string }) => i.code === 'share_flagged'),
    ).toMatchObject({
      section: 1,
      denominator: 36,
    });
    expect(summary.schools).toHaveLength(36);
    expect(summary.rejected.length).toBeGreaterThanOrEqual(3);
    for (const key of [
      'school_id',
      'official_status',
      'status',
      'results_index',
      'isb',
      'dynamics',
    ]) {
      expect(summary.schools[0]).toHaveProperty(key);
    }
  });

  it('writes the analytical report with its title, the summary and the annex', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(run.files.docx));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Аналитическая записка по итогам мониторинга');
    expect(text).toContain('2025–2026 учебный год');
    expect(text).toContain('представили 34 из 36 школ');
    expect(text).toContain('Приложение');
    // Rule texts name the suggested leader schools; no template placeholder reaches a reader.
    expect(text).not.toMatch(/\{[a-z_]+\}/);
    const recommendations = sheetValues(run, SHEETS.recommendations).flat().map(String);
    expect(recommendations.some((c) => /\{[a-z_]+\}/.test(c))).toBe(false);
  });

  it('answers custom functions from the tables recompute writes, read-only, over cells and ranges', () => {
    const summary = JSON.parse(fs.readFileSync(run.files.summary, 'utf8'));
    const flagged = summary.schools.filter((s: { status: string }) => s.status !== '');
    const ids = flagged.map((s: { school_id: string }) => [s.school_id]);
    const table = sheetValues(run, SHEETS.formulaValues);
    const statuses = run.project.callCustomFunction<string[][]>('SHNOR_STATUS', ids, table);
    expect(statuses.map((r) => r[0])).toEqual(flagged.map((s: { status: string }) => s.status));
    const summarySheet = sheetValues(run, SHEETS.summary);
    const share = run.project.callCustomFunction('SHNOR_INDICATOR', 'share_flagged', summarySheet);
    const expected = summary.indicators.find((i: { code: string }) => i.code === 'share_flagged');
    expect(Number(share)).toBeCloseTo(expected.count / expected.denominator, 3);
    expect(run.project.callCustomFunction('SHNOR_SHARE', 7, 18)).toBeCloseTo(0.389, 3);
    // A custom function may not write: the same bundle's writing entry point is refused.
    expect(() => run.project.callCustomFunction('menuRecompute')).toThrow(
      'You do not have permission',
    );
  });

  // The offline run ingests in one batch («Сверить ответы»); online, the trigger takes each
  // response, sometimes twice or blank. Both must end in the same data and the same summary.
  it('ingests the same data through the trigger (fired twice, blank events) as in one batch', async () => {
    const faulty = await runMonitoring(inputs(), {
      outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-e2e-faults-')),
      faults: { duplicateSubmitEvents: true, blankSubmitEvents: true },
      ingest: 'trigger',
    });
    // The same rows; the trigger keeps arrival order, the batch the order of the responses.
    const rows = (r: RunResult) =>
      records(r, SHEETS.data)
        .map((d) =>
          Object.fromEntries(
            Object.entries(d).map(([k, c]) => [k, c instanceof Date ? c.getTime() : c]),
          ),
        )
        .sort((a, b) =>
          `${a.school} ${a.reporting_period}`.localeCompare(`${b.school} ${b.reporting_period}`),
        );
    expect(sheetValues(faulty, SHEETS.data)[0]).toEqual(sheetValues(run, SHEETS.data)[0]);
    expect(rows(faulty)).toEqual(rows(run));
    expect(sheetValues(faulty, SHEETS.rejected).length).toBe(
      sheetValues(run, SHEETS.rejected).length,
    );
    expect(fs.readFileSync(faulty.files.summary, 'utf8')).toBe(
      fs.readFileSync(run.files.summary, 'utf8'),
    );
  });
});
