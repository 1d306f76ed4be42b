/**
 * The Kansk seed (analytical note for 2021-2022, 18 schools, 7 of them ШНОР/ШНСУ) rebuilt
 * from its own counts as offline files (fixtures/kansk, see its README), run through the
 * command, and every percentage of its table checked in summary.json, the workbook and the
 * report. The seed has rounding slips; the correct value is asserted and the slip noted.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { SHEETS } from '../../src/sheets/schema';
import {
  cli,
  indicator,
  kanskArgs,
  readSummary,
  tempDir,
  type CliResult,
  type Summary,
} from './helpers';

let out: string;
let run: CliResult;
let summary: Summary;

beforeAll(async () => {
  out = tempDir('shnor-kansk-');
  run = await cli(...kanskArgs(out));
  summary = readSummary(out);
});

describe('Kansk 2021-2022 from files (seed 000)', () => {
  it('finishes with exit code 0 although one row is rejected', () => {
    expect(run.stderr).not.toMatch(/Ошибка|не распознан/);
    expect(run.code).toBe(0);
    expect(summary.period).toBe('2021-2022');
    expect(summary.schools_total).toBe(18);
    expect(summary.responded).toBe(18);
  });

  // [code, count, denominator, percent] as the seed's table has them (correct values).
  const table: Array<[string, number, number | null, number | null]> = [
    // Printed 38,9% in the table; the text above it says 38,8% — 7/18 is 38,9%.
    ['share_flagged', 7, 18, 38.9],
    // Printed 11,2%: 2/18 is 11,1%.
    ['share_risk_zone', 2, 18, 11.1],
    ['share_teachers_diagnosed', 169, 202, 83.7],
    ['share_teachers_supported', 182, 202, 90.1],
    ['share_teachers_in_networks', 26, 202, 12.9],
    ['share_teachers_in_asset', 22, 202, 10.9],
    ['share_teachers_with_iom', 65, 202, 32.2],
    ['share_in_municipal_events', 7, 7, 100],
    // Printed 71,5%: 5/7 is 71,4%.
    ['share_in_regional_events', 5, 7, 71.4],
    ['share_in_federal_events', 3, 7, 42.9],
    ['count_internship_sites', 3, null, null],
    ['share_team_internship', 0, 7, 0],
    ['share_with_leader_school', 2, 7, 28.6],
    ['share_methodical_landing', 3, 7, 42.9],
    ['share_improvement_program', 7, 7, 100],
    ['share_failure_prevention_program', 7, 18, 38.9],
    // Printed 22,3%: 4/18 is 22,2%.
    ['share_iup', 4, 18, 22.2],
    ['share_tutoring', 1, 18, 5.6],
  ];

  it.each(table)('%s = %d of %s → %s%%', (code, count, denominator, percent) => {
    expect(indicator(summary, code)).toMatchObject({ count, denominator, percent });
  });

  it('shows every municipal fact of the seed as «имеется»', () => {
    for (const code of [
      'mun_identification_method',
      'mun_monitoring_indicators',
      'mun_risk_zone_section',
      'mun_risk_zone_indicators',
      'mun_results_analysis',
      'mun_practice_dissemination',
      'mun_resource_deficit_monitoring',
    ]) {
      expect(indicator(summary, code)).toMatchObject({ value: 'имеется', percent: null });
    }
  });

  it('has no previous period to compare with: previous percents are null', () => {
    expect(indicator(summary, 'share_flagged').previous_percent).toBeNull();
  });

  it('keeps the later response of a school that answered twice, by time and not by file order', () => {
    // School 004's first try (9.05, listed last in the file) said «нет» to the failure
    // prevention programme and «да» to ИУП; its later answer (16.05) is the one counted.
    // Sorted as text, "9.05.2022" would come after "16.05.2022" and 6/18, 5/18 would show.
    expect(indicator(summary, 'share_failure_prevention_program').count).toBe(7);
    expect(indicator(summary, 'share_iup').count).toBe(4);
  });

  it('lists the row of a school not in the registry under rejected, code with its zero', () => {
    expect(summary.rejected).toHaveLength(1);
    expect(summary.rejected[0].school_id).toBe('019');
    expect(summary.rejected[0].errors.join(' ')).toMatch(/019.*не найдена в реестре/);
    expect(summary.held).toEqual([]);
    // The terminal traces it back to the file and its line.
    expect(run.stdout).toMatch(/responses\.csv, строка 20, школа 019: Школа с кодом «019»/);
  });

  it('keeps the official statuses and leading zeros of the school codes', () => {
    const flagged = summary.schools.filter((s) => s.status !== '').map((s) => s.school_id);
    expect(flagged).toEqual(['003', '005', '007', '009', '012', '015', '018']);
    expect(summary.schools.find((s) => s.school_id === '009')?.official_status).toBe('ШНОР+ШНСУ');
  });

  it('writes the workbook: the summary sheet with the percentages, data typed, times in Krasnoyarsk', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'monitoring.xlsx'));
    // «Сводка»: code, section, title, count, denominator, percent (a number, shown as 38,9%).
    const sheet = wb.getWorksheet(SHEETS.summary)!;
    const row = (code: string) => {
      let found: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(1).value === code) found = (r.values as unknown[]).slice(1, 7);
      });
      return found;
    };
    expect(row('share_flagged')).toEqual([
      'share_flagged',
      expect.any(String),
      expect.any(String),
      7,
      18,
      38.9,
    ]);
    expect(row('share_iup').slice(3)).toEqual([4, 18, 22.2]);
    expect(row('share_in_regional_events').slice(3)).toEqual([5, 7, 71.4]);
    const data = wb.getWorksheet(SHEETS.data)!;
    const ids: string[] = [];
    data.eachRow((r, n) => {
      if (n > 1) ids.push(String(r.getCell(1).value));
    });
    expect(ids).toHaveLength(18);
    expect(ids).toContain('003');
    // School 004 answered «16.05.2022 10:30:00» Krasnoyarsk time (settings: time_zone);
    // the workbook shows the spreadsheet's wall time, as Google's download does.
    const header = (data.getRow(1).values as unknown[]).map(String);
    const receivedCol = header.indexOf('Получен');
    let received: unknown = null;
    data.eachRow((r) => {
      if (r.getCell(1).value === '004') received = r.getCell(receivedCol).value;
    });
    expect(received).toBeInstanceOf(Date);
    expect((received as unknown as Date).toISOString()).toBe('2022-05-16T10:30:00.000Z');
  });

  it('writes the analytical report for 2021-2022 with participation and the summary', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Аналитическая записка по итогам мониторинга');
    expect(text).toContain('2021–2022 учебный год');
    expect(text).toContain('г. Канск');
    expect(text).toContain('представили 18 из 18 школ');
    expect(text).toContain('38,9 %');
    expect(text).toContain('71,4 %');
  });
});
