/**
 * Small offline inputs written on the fly, for the tests of careless and hostile files: a
 * registry of a few schools and response rows by field code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';

export const PERIOD = '2024-2025';
export const PREVIOUS = '2023-2024';

export const RESPONSE_HEADER = [
  'timestamp',
  'period',
  'school_id',
  'respondent_email',
  'students_total',
  'teachers_total',
  'has_tutoring',
  'comment',
];

export function schoolCode(i: number): string {
  return String(i).padStart(3, '0');
}

/** A registry line per school: `001`, `002`, … with registry e-mails. */
export function registryCsv(count: number, extra: string[] = []): string {
  const lines = [
    'school_id,name,municipality,locality,email,is_internship_site,leader_school_id,active',
  ];
  for (let i = 1; i <= count; i++)
    lines.push(
      `${schoolCode(i)},Школа № ${i},Округ,urban,school${schoolCode(i)}@edu.example.ru,нет,,да`,
    );
  return [...lines, ...extra].join('\n') + '\n';
}

/** A valid response row of school i as CSV cells (header RESPONSE_HEADER). */
export function responseCells(i: number, over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    timestamp: `2025-05-${String(10 + (i % 15)).padStart(2, '0')}T09:00:00Z`,
    period: PERIOD,
    school_id: schoolCode(i),
    respondent_email: `school${schoolCode(i)}@edu.example.ru`,
    students_total: String(100 + i),
    teachers_total: '20',
    has_tutoring: 'да',
    comment: '',
  };
  const merged = { ...base, ...over } as Record<string, string>;
  return RESPONSE_HEADER.map((h) => merged[h] ?? '');
}

/** CSV text: cells quoted when they need it. */
export function csvText(rows: readonly (readonly string[])[], eol = '\n'): string {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
}

export interface OfflineCase {
  dir: string;
  out: string;
  file(name: string, text: string | Buffer): string;
  /** `run` arguments over the registry and the responses file written here. */
  args(...extra: string[]): string[];
}

export function offlineCase(schools: number, responses: string, registry?: string): OfflineCase {
  const dir = tempDir('shnor-hostile-');
  const file = (name: string, text: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  file('registry.csv', registry ?? registryCsv(schools));
  file('responses.csv', responses);
  const out = path.join(dir, 'out');
  return {
    dir,
    out,
    file,
    args: (...extra) => [
      'run',
      '--registry',
      path.join(dir, 'registry.csv'),
      '--responses',
      path.join(dir, 'responses.csv'),
      ...extra,
      '--out',
      out,
    ],
  };
}
