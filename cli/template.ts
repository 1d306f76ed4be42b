/**
 * `shnor-monitor template --out DIR`: empty input files with the right headers and a short
 * guide. Semicolons and a UTF-8 BOM, so that Russian Excel opens them in columns and keeps
 * the Cyrillic letters the inspector types.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIELDS, LIST_COLUMNS, REGISTRY_COLUMNS, SETTINGS } from '../src/core/catalogue';
import { NO_SPELLINGS, YES_SPELLINGS } from '../src/core/parse';
import { CLI_TEMPLATE } from './messages';
import { TIMESTAMP } from './columns';

const BOM = '\uFEFF';
const EOL = '\r\n';

export const TEMPLATE_FILES = {
  'registry.csv': REGISTRY_COLUMNS.map((c) => c.code),
  'lists.csv': LIST_COLUMNS.map((c) => c.code),
  'responses.csv': [
    TIMESTAMP,
    'period',
    ...FIELDS.map((f) => f.code).filter((c) => c !== 'period'),
  ],
  'settings.csv': ['key', 'value'],
} as const;

function defaultText(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}

/**
 * Writes the files that are missing; a file already there (perhaps filled in) is never
 * overwritten. Returns what was written and what was left as it was.
 */
export function writeTemplate(dir: string): { written: string[]; kept: string[] } {
  mkdirSync(dir, { recursive: true });
  const fields = FIELDS.map((f) => `    ${f.code} — ${f.label}`).join(EOL);
  const settings = SETTINGS.map(
    (s) => `    ${s.code} — ${s.label}${s.default === '' ? '' : ` (${defaultText(s.default)})`}`,
  ).join(EOL);
  const contents: Array<[string, string]> = [
    ...Object.entries(TEMPLATE_FILES).map(
      ([name, header]) => [name, `${BOM}${header.join(';')}${EOL}`] as [string, string],
    ),
    [
      'README.txt',
      `${BOM}${CLI_TEMPLATE.readme(fields, settings, YES_SPELLINGS.join(', '), NO_SPELLINGS.join(', '))}`,
    ],
  ];
  const written: string[] = [];
  const kept: string[] = [];
  for (const [name, text] of contents) {
    const file = path.join(dir, name);
    try {
      // 'wx': create only; an existing file makes the write fail and is left untouched.
      writeFileSync(file, text, { flag: 'wx' });
      written.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      kept.push(file);
    }
  }
  return { written, kept };
}
