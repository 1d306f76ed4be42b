/**
 * The options of `run` that change what is computed: --period (and its default) and the
 * access-code column of section 8a.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { SHEETS } from '../../src/sheets/schema';
import { cli, indicator, kansk, kanskArgs, readSummary, sampleArgs, tempDir } from './helpers';

describe('--period', () => {
  it('defaults to the period of the settings (the latest here), compared with the one before it', async () => {
    const out = tempDir();
    const r = await cli(...sampleArgs(out));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Отчётный период: 2025-2026 (из настроек');
    const summary = readSummary(out);
    expect(summary.period).toBe('2025-2026');
    expect(indicator(summary, 'share_flagged').previous_percent).not.toBeNull();
  });

  it('re-runs a past period: summary, sheets and report are for it, with no earlier one', async () => {
    const out = tempDir();
    const r = await cli(...sampleArgs(out, '--period', '2024-2025'));
    expect(r.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.period).toBe('2024-2025');
    // Every school answered in 2024-2025 (two stayed silent only in 2025-2026).
    expect(summary.responded).toBe(36);
    expect(indicator(summary, 'share_flagged')).toMatchObject({
      count: 7,
      denominator: 36,
      previous_percent: null,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'monitoring.xlsx'));
    let period: unknown = null;
    wb.getWorksheet(SHEETS.settings)!.eachRow((row) => {
      if (row.getCell(1).value === 'period') period = row.getCell(3).value;
    });
    expect(period).toBe('2024-2025');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'report.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('за 2024–2025 учебный год');
  });
});

describe('access codes (domain spec 8a) offline', () => {
  it('without an access_code column no response is held for its missing code', async () => {
    const out = tempDir();
    expect((await cli(...kanskArgs(out))).code).toBe(0);
    const summary = readSummary(out);
    expect(summary.held).toEqual([]);
    expect(summary.rejected.every((r) => !/код доступа/i.test(r.errors.join(' ')))).toBe(true);
  });

  it('with the column, codes are checked against the issued links; without links, unchecked', async () => {
    // Kansk's responses with an access_code column whose codes no link carries.
    const text = iconv.decode(fs.readFileSync(kansk('responses.csv')), 'win1251');
    const lines = text.split('\r\n');
    const withCodes = lines
      .map((l, i) => (l === '' ? l : `${l};${i === 0 ? 'access_code' : 'ZZZZ9999'}`))
      .join('\r\n');
    const dir = tempDir();
    const file = path.join(dir, 'responses-codes.csv');
    fs.writeFileSync(file, iconv.encode(withCodes, 'win1251'));
    const ids = fs
      .readFileSync(kansk('registry.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0])
      .filter((id) => id !== '');
    const links = path.join(dir, 'links.csv');
    fs.writeFileSync(
      links,
      ['school_id,period,access_code', ...ids.map((id) => `${id},2021-2022,AAAA2222`)].join('\n'),
    );
    const out = tempDir();
    const r = await cli(...kanskArgs(out, file), '--links', links);
    expect(r.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.responded).toBe(0);
    // Held for the inspector (the contract's `held`), with the access code as the reason; the
    // one row whose school is not in the registry is rejected.
    const held = summary.held.map((h) => h.reasons);
    expect(held).toHaveLength(19);
    expect(held.every((reasons) => /ZZZZ9999/.test(reasons.join(' ')))).toBe(true);
    expect(summary.rejected).toHaveLength(1);

    const unchecked = tempDir();
    const u = await cli(...kanskArgs(unchecked, file));
    expect(u.code).toBe(0);
    expect(u.stderr).toContain('коды доступа не проверены');
    expect(readSummary(unchecked).held).toEqual([]);
    expect(readSummary(unchecked).responded).toBe(18);
  });
});
