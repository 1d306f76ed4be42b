/**
 * The architecture's boundaries are held by lint, not by good intentions: a file that crosses
 * one is refused by `npm run lint` (eslint.config.mjs). Each case lints a small source text
 * as if it were a file at that path (one ESLint run for all of them).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..');

const cases: Array<[file: string, source: string]> = [
  ['src/core/a.ts', "import * as m from '../adapters/gas';\nexport const x = m;\n"],
  [
    'src/core/report/b.ts',
    "import * as m from '../../adapters/gas/sheets';\nexport const x = m;\n",
  ],
  ['src/core/c.ts', "import type { Ports } from '../ports';\nexport type X = Ports;\n"],
  ['src/core/d.ts', "import { SHEETS } from '../sheets/schema';\nexport const x = SHEETS;\n"],
  ['src/core/e.ts', "import * as m from '../usecases/setup';\nexport const x = m;\n"],
  ['src/core/f.ts', "import { FIELDS } from './catalogue';\nexport const x = FIELDS;\n"],
  ['src/core/g.ts', 'export const x = SpreadsheetApp.getActive();\n'],
  ['src/usecases/h.ts', 'export const x = MailApp.getRemainingDailyQuota();\n'],
  [
    'src/usecases/i.ts',
    "import { gasPorts } from '../adapters/gas';\nexport const x = gasPorts;\n",
  ],
  ['src/sheets/j.ts', "import { gasPorts } from '../adapters/gas';\nexport const x = gasPorts;\n"],
  ['src/usecases/k.ts', "import type { Ports } from '../ports';\nexport type X = Ports;\n"],
  ['src/app/l.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n"],
  ['src/adapters/gas/m.ts', "import * as m from '../../../emulator';\nexport const x = m;\n"],
];

/** The rule ids lint reports for each case, by file name. */
function lintCases(): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const out = {};
      for (const [file, source] of cases) {
        const [result] = await eslint.lintText(source, { filePath: file });
        out[file] = result.messages.map((m) => String(m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      input: JSON.stringify(cases),
      encoding: 'utf8',
    }),
  );
}

describe('lint holds the layers', () => {
  const found = lintCases();

  it('refuses a core file that imports an adapter, a port, the sheet mapping or a use case', () => {
    for (const file of ['a', 'report/b', 'c', 'd', 'e']) {
      expect([file, found[`src/core/${file}.ts`]]).toEqual([file, ['no-restricted-imports']]);
    }
  });

  it('lets a core file import the core', () => {
    expect(found['src/core/f.ts']).toEqual([]);
  });

  it('refuses Google globals in the core and the use cases', () => {
    expect(found['src/core/g.ts']).toEqual(['no-restricted-globals']);
    expect(found['src/usecases/h.ts']).toEqual(['no-restricted-globals']);
  });

  it('refuses a use case or the sheet mapping that imports an adapter; ports are fine', () => {
    expect(found['src/usecases/i.ts']).toEqual(['no-restricted-imports']);
    expect(found['src/sheets/j.ts']).toEqual(['no-restricted-imports']);
    expect(found['src/usecases/k.ts']).toEqual([]);
  });

  it('keeps the offline libraries and the emulator out of the Apps Script bundle', () => {
    expect(found['src/app/l.ts']).toEqual(['no-restricted-imports']);
    expect(found['src/adapters/gas/m.ts']).toEqual(['no-restricted-imports']);
  });
});
