/**
 * The documents of the sample run as a reader gets them: report.docx and the letters read
 * back, the workbook's visible cells, and — when LibreOffice is installed — the report's pages.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsv } from '../../cli/csv';
import { runMonitoring, type RunResult } from '../../cli/pipeline';
import { RISKS } from '../../src/core/catalogue';
import { formatPercent, typeset } from '../../src/core/text';
import { CHART_DATA_SHEET, SHEETS } from '../../src/sheets/schema';

const root = path.join(__dirname, '..', '..');
const sample = (name: string) => readCsv(path.join(root, 'sample', `${name}.csv`));

/** Paragraph texts and table rows (cell texts) of a .docx body. */
async function readDocx(
  file: string,
): Promise<{ paragraphs: string[]; rows: string[][]; xml: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[1] === undefined ? '\n' : m[1]))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => text(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])),
  );
  return { paragraphs, rows, xml };
}

const CODE_LIKE = /\b[a-z]+_[a-z_]+\b/;
const RISK_CODE = new RegExp(`\\b(${RISKS.map((r) => r.code).join('|')})\\b`);

describe('the documents of the sample run', () => {
  let run: RunResult;
  let out: string;
  let report: Awaited<ReturnType<typeof readDocx>>;
  let summary: {
    indicators: Array<{
      code: string;
      title: string;
      percent: number | null;
      value: string | null;
    }>;
    schools: Array<{ school_id: string; name: string; status: string }>;
  };

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-docs-'));
    run = await runMonitoring(
      {
        registry: sample('registry'),
        lists: sample('lists'),
        settings: sample('settings'),
        responses: [sample('responses')],
      },
      { outDir: out },
    );
    report = await readDocx(run.files.docx);
    summary = JSON.parse(fs.readFileSync(run.files.summary, 'utf8'));
  });

  it('has every section of §8 in the .docx read back', () => {
    const text = report.paragraphs.join('\n');
    for (const re of [
      /Муниципальная методическая служба/,
      /Аналитическая записка по итогам мониторинга/,
      /^1\. Цели, показатели и методы мониторинга$/m,
      /^2\. Участие школ$/m,
      /^3\. Показатели мониторинга$/m,
      /^4\. Школы по статусам$/m,
      /^Рисунок 1 — /m,
      /^Рисунок 2 — /m,
      /^5\. Выводы$/m,
      /^6\. Адресные рекомендации$/m,
      /^7\. Эффективность мер/m,
      /^8\. Управленческие решения$/m,
      /Исполнитель/,
      /^Приложение\. /m,
    ])
      expect(text).toMatch(re);
    // A4 with margins left 20, right 10 mm; page numbers in the header from page 2.
    expect(report.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(report.xml).toMatch(/w:left="1134"/);
    expect(report.xml).toMatch(/w:right="567"/);
    expect(report.xml).toMatch(/<w:titlePg\/>/);
    expect(report.xml).toMatch(/<w:cantSplit\/>/);
    expect(report.xml).toMatch(/<w:tblHeader\/>/);
  });

  it('shows in Table 1 the percentages of summary.json', () => {
    let checked = 0;
    for (const ind of summary.indicators) {
      if (ind.percent === null || ind.value !== null || ind.code.startsWith('gap_')) continue;
      const row = report.rows.find((r) => r[0].startsWith(typeset(ind.title)));
      expect(row).toBeDefined();
      expect(row![3]).toBe(formatPercent(ind.percent));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('names every flagged school and every school that did not respond', () => {
    const text = report.paragraphs.join('\n');
    for (const s of summary.schools.filter((x) => x.status !== ''))
      expect(text).toContain(typeset(s.name));
  });

  it('writes one letter per responding school, each naming its school', async () => {
    const letters = fs.readdirSync(run.files.letters).filter((f) => f.endsWith('.docx'));
    expect(letters.length).toBe((run.summary as { responded: number }).responded);
    const first = summary.schools.find((s) => letters.includes(`${s.school_id}.docx`))!;
    const letter = await readDocx(path.join(run.files.letters, `${first.school_id}.docx`));
    expect(letter.paragraphs.join('\n')).toContain(`Руководителю ${typeset(first.name)}`);
  });

  it('shows no code-looking token in the report, the letters and the product sheets', async () => {
    const visible: string[] = [...report.paragraphs, ...report.rows.flat()];
    for (const f of fs.readdirSync(run.files.letters).slice(0, 10)) {
      const l = await readDocx(path.join(run.files.letters, f));
      visible.push(...l.paragraphs, ...l.rows.flat());
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(run.files.xlsx);
    for (const name of [SHEETS.summary, SHEETS.indicators, SHEETS.dynamics, SHEETS.notResponded]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.rowCount).toBeGreaterThan(1);
      ws.eachRow((r) =>
        r.eachCell((c, col) => {
          // A school's personal link is an address, not a word (it may carry `usp=pp_url`).
          if (typeof c.value === 'string' && !ws.getColumn(col).hidden && !/^https?:/.test(c.value))
            visible.push(c.value);
        }),
      );
    }
    for (const t of visible) {
      expect(t).not.toMatch(CODE_LIKE);
      expect(t).not.toMatch(RISK_CODE);
    }
  });

  it('lays the workbook out for its reader', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(run.files.xlsx);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 6)).toEqual([
      SHEETS.summary,
      SHEETS.indicators,
      SHEETS.dynamics,
      SHEETS.notResponded,
      SHEETS.recommendations,
      SHEETS.measures,
    ]);
    expect(names).not.toContain('Sheet1');
    expect(names).toContain(SHEETS.measures);
    expect(wb.getWorksheet(CHART_DATA_SHEET.name)!.state).toBe('hidden');
    const summarySheet = wb.getWorksheet(SHEETS.summary)!;
    expect(summarySheet.pageSetup.orientation).toBe('landscape');
    expect(summarySheet.pageSetup.paperSize).toBe(9);
    expect(summarySheet.pageSetup.fitToWidth).toBe(1);
    expect(summarySheet.pageSetup.printTitlesRow).toBe('1:1');
    // The charts of «Сводка» as pictures (exceljs writes no charts).
    expect(summarySheet.getImages()).toHaveLength(2);
    // The indicator codes sit in a hidden column; percents carry a «%» format, gaps «п.п.».
    expect(summarySheet.getColumn(1).hidden).toBe(true);
    const formatOf = (code: string) => {
      let f = '';
      summarySheet.eachRow((r) => {
        if (r.getCell(1).value === code) f = String(r.getCell(6).numFmt);
      });
      return f;
    };
    expect(formatOf('share_flagged')).toContain('%');
    expect(formatOf('gap_vpr_fail')).toContain('п.п.');
  });

  const soffice =
    spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
  (soffice ? it : it.skip)(
    'converts to PDF with the annex at most one page per flagged school',
    () => {
      const pdfDir = path.join(out, 'pdf');
      fs.mkdirSync(pdfDir, { recursive: true });
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', pdfDir, run.files.docx],
        {
          stdio: 'ignore',
          timeout: 180_000,
        },
      );
      const pdf = path.join(pdfDir, 'report.pdf');
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split(
        '\f',
      );
      const annexStart = pages.findIndex((p) => /Приложение\. Адресные рекомендации/.test(p));
      expect(annexStart).toBeGreaterThan(0);
      const annexPages = pages.slice(annexStart).filter((p) => p.trim() !== '').length;
      const flagged = summary.schools.filter((s) => s.status !== '').length;
      expect(annexPages).toBeLessThanOrEqual(flagged);
      // The sample (36 schools) reads in about ten pages.
      expect(pages.filter((p) => p.trim() !== '').length).toBeLessThanOrEqual(12);
    },
    240_000,
  );
});
