/**
 * `shnor-monitor template --out DIR`: empty input files with the right headers and a short
 * guide. Semicolons and a UTF-8 BOM, so that Russian Excel opens them in columns and keeps
 * the Cyrillic letters the inspector types.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIELDS, LIST_COLUMNS, REGISTRY_COLUMNS, SETTINGS } from '../src/core/catalogue';
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

export function writeTemplate(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, header] of Object.entries(TEMPLATE_FILES)) {
    const file = path.join(dir, name);
    writeFileSync(file, `${BOM}${header.join(';')}${EOL}`);
    written.push(file);
  }
  const fields = FIELDS.map((f) => `    ${f.code} — ${f.label}`).join(EOL);
  const settings = SETTINGS.map(
    (s) => `    ${s.code} — ${s.label}${s.default === '' ? '' : ` (${defaultText(s.default)})`}`,
  ).join(EOL);
  const readme = path.join(dir, 'README.txt');
  writeFileSync(readme, `${BOM}${CLI_TEMPLATE.readme(fields, settings)}`);
  written.push(readme);
  return written;
}
