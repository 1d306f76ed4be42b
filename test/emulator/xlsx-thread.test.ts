/**
 * The workbook export in a worker thread (the offline run's dist-cli/xlsx-worker.cjs, built by
 * `npm run build`): the same file as the export here, and its failures reported, not lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { exportSpreadsheetToXlsx } from '../../emulator/export/xlsx';
import { exportSpreadsheetInWorker } from '../../emulator/export/xlsx-thread';
import { CLI_RUN } from '../../cli/messages';
import { setup } from './spreadsheet-helpers';
import { sample } from './xlsx-sample';

const WORKER = path.join(__dirname, '..', '..', 'dist-cli', 'xlsx-worker.cjs');

/** Every part of the file but docProps/core.xml (it holds the time of writing). */
async function parts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(zip.files).sort(([a], [b]) => a.localeCompare(b)))
    if (!entry.dir && name !== 'docProps/core.xml') out[name] = await entry.async('base64');
  return out;
}

describe('xlsx export in a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-thread-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same file as the export here (formulas, dates, rules, notes, a chart)', async () => {
    const here = path.join(dir, 'here.xlsx');
    const there = path.join(dir, 'there.xlsx');
    await exportSpreadsheetToXlsx(sample().ss, here);
    await exportSpreadsheetInWorker(sample().ss, there, WORKER);
    const a = await parts(here);
    expect(Object.keys(a)).toContain('xl/media/chart1.png');
    expect(await parts(there)).toEqual(a);
  });

  it('cuts text too long for Excel with the run’s note, as the export here does', async () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Комментарий', '=A2'],
      ['я'.repeat(40000), 1.5],
    ]);
    const here = path.join(dir, 'here.xlsx');
    const there = path.join(dir, 'there.xlsx');
    await exportSpreadsheetToXlsx(ss, here, { cutNote: CLI_RUN.excelCut });
    await exportSpreadsheetInWorker(ss, there, WORKER);
    const a = await parts(here);
    expect(Buffer.from(a['xl/worksheets/sheet1.xml'], 'base64').toString()).toContain(
      CLI_RUN.excelCut(40000).trim(),
    );
    expect(await parts(there)).toEqual(a);
  });

  it('cuts long text with the run’s note in a workbook with a chart too, as every real run has', async () => {
    const { ss } = sample();
    ss.insertSheet('Длинный').getRange('A1').setValue('я'.repeat(40000));
    const here = path.join(dir, 'here.xlsx');
    await exportSpreadsheetToXlsx(ss, here, { cutNote: CLI_RUN.excelCut });
    const a = await parts(here);
    expect(Object.keys(a)).toContain('xl/media/chart1.png');
    const sheets = Object.entries(a)
      .filter(([name]) => name.startsWith('xl/worksheets/sheet') || name === 'xl/sharedStrings.xml')
      .map(([, body]) => Buffer.from(body, 'base64').toString());
    // Before: the English default note («characters, cut to fit Excel») reached the reader.
    expect(sheets.some((x) => x.includes(CLI_RUN.excelCut(40000).trim()))).toBe(true);
    expect(sheets.some((x) => x.includes('cut to fit Excel'))).toBe(false);
  });

  it('rejects with the worker’s error when the file cannot be written', async () => {
    const file = path.join(dir, 'missing', 'monitoring.xlsx');
    await expect(exportSpreadsheetInWorker(sample().ss, file, WORKER)).rejects.toThrow(
      /ENOENT.*missing/,
    );
    expect(fs.existsSync(file)).toBe(false);
  });
});
