/**
 * Reading `Реестр школ` and `Перечни` (domain spec, section 3). Rows are keyed by column
 * code, Russian label, or "Label (code)"; every problem names its row and column.
 */
import { LIST_COLUMNS, REGISTRY_COLUMNS, type ColumnDef } from './catalogue/registry';
import { REGISTRY_MESSAGES as M } from './messages';
import { isEmail, normalizePeriod, parseBool, parseText } from './parse';
import type { ListEntry, Locality, OfficialStatus, RegistrySchool } from './types';

export interface RowOptions {
  /** Sheet row number of rows[0]; default 2 (row 1 is the header). */
  firstRow?: number;
}

function columnKeyIndex(columns: readonly ColumnDef[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of columns) {
    index.set(c.code.toLowerCase(), c.code);
    index.set(c.label.toLowerCase(), c.code);
  }
  return index;
}

/** Re-keys a row by column code; unknown keys are dropped. */
function byCode(row: Record<string, unknown>, index: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const k = key.trim().toLowerCase();
    const inner = /\(([a-z_]+)\)\s*$/.exec(k)?.[1];
    const code = index.get(k) ?? (inner ? index.get(inner) : undefined);
    if (code !== undefined && !(code in out && parseText(out[code]) !== null)) out[code] = value;
  }
  return out;
}

function isEmptyRow(row: Record<string, unknown>): boolean {
  return Object.values(row).every((v) => parseText(v) === null);
}

const LOCALITY_WORDS: Record<string, Locality> = {
  urban: 'urban',
  город: 'urban',
  городская: 'urban',
  городской: 'urban',
  г: 'urban',
  rural: 'rural',
  село: 'rural',
  сельская: 'rural',
  сельский: 'rural',
  с: 'rural',
};

export function parseLocality(raw: unknown): Locality | null {
  const text = (parseText(raw) ?? '').toLowerCase().replace(/\.$/, '');
  if (text === '') return '';
  return LOCALITY_WORDS[text] ?? null;
}

const REGISTRY_INDEX = columnKeyIndex(REGISTRY_COLUMNS);
const LIST_INDEX = columnKeyIndex(LIST_COLUMNS);

function label(columns: readonly ColumnDef[], code: string): string {
  return columns.find((c) => c.code === code)?.label ?? code;
}

/** Registry rows -> schools. Rows without a usable code or name are skipped with a message. */
export function parseRegistry(
  rows: Record<string, unknown>[],
  options: RowOptions = {},
): { schools: RegistrySchool[]; errors: string[] } {
  const first = options.firstRow ?? 2;
  const errors: string[] = [];
  const schools: RegistrySchool[] = [];
  const rowOf = new Map<string, number>();
  const col = (code: string) => label(REGISTRY_COLUMNS, code);

  rows.forEach((rawRow, i) => {
    const rowNo = first + i;
    const row = byCode(rawRow, REGISTRY_INDEX);
    if (isEmptyRow(row)) return;
    const school_id = parseText(row.school_id) ?? '';
    const name = parseText(row.name) ?? '';
    if (school_id === '') {
      errors.push(M.required(rowNo, col('school_id')));
      return;
    }
    if (rowOf.has(school_id)) {
      errors.push(M.duplicateId(rowNo, col('school_id'), school_id, rowOf.get(school_id) ?? 0));
      return;
    }
    if (name === '') {
      errors.push(M.required(rowNo, col('name')));
      return;
    }
    let locality = parseLocality(row.locality);
    if (locality === null) {
      errors.push(M.badLocality(rowNo, col('locality'), String(row.locality)));
      locality = '';
    }
    let email = parseText(row.email) ?? '';
    if (email !== '' && !isEmail(email)) {
      errors.push(M.badEmail(rowNo, col('email'), email));
      email = '';
    }
    const bool = (code: string, fallback: boolean): boolean => {
      const b = parseBool(row[code]);
      if (b.error) errors.push(M.badBool(rowNo, col(code), String(row[code])));
      return b.value ?? fallback;
    };
    rowOf.set(school_id, rowNo);
    schools.push({
      school_id,
      name,
      municipality: parseText(row.municipality) ?? '',
      locality,
      email,
      is_internship_site: bool('is_internship_site', false),
      leader_school_id: parseText(row.leader_school_id) ?? '',
      active: bool('active', true),
      no_reminders: bool('no_reminders', false),
    });
  });

  // Leader references can point forward, so they are checked once all rows are read.
  for (const s of schools) {
    if (s.leader_school_id === '') continue;
    const rowNo = rowOf.get(s.school_id) ?? 0;
    if (s.leader_school_id === s.school_id) {
      errors.push(M.selfLeader(rowNo, col('leader_school_id')));
      s.leader_school_id = '';
    } else if (!rowOf.has(s.leader_school_id)) {
      errors.push(M.unknownLeader(rowNo, col('leader_school_id'), s.leader_school_id));
      s.leader_school_id = '';
    }
  }
  return { schools, errors };
}

/** `ШНОР`, `ШНРО`, `ШНСУ`, `ШНОР+ШНСУ`, `ШНСУ, ШНОР`, `ШНОР и ШНСУ` -> a status, else null. */
export function parseStatus(raw: unknown): OfficialStatus | null {
  const text = (parseText(raw) ?? '').toUpperCase().replace(/Ё/g, 'Е');
  if (text === '') return '';
  const parts = text.split(/\s*(?:\+|,|;|\/|\sИ\s)\s*/).filter((p) => p !== '');
  let shnor = false;
  let shnsu = false;
  for (const p of parts) {
    if (p === 'ШНОР' || p === 'ШНРО') shnor = true;
    else if (p === 'ШНСУ' || p === 'ШНУС') shnsu = true;
    else return null;
  }
  return combineStatus(shnor, shnsu);
}

export function combineStatus(shnor: boolean, shnsu: boolean): OfficialStatus {
  if (shnor && shnsu) return 'ШНОР+ШНСУ';
  if (shnor) return 'ШНОР';
  if (shnsu) return 'ШНСУ';
  return '';
}

export function hasShnor(status: OfficialStatus): boolean {
  return status === 'ШНОР' || status === 'ШНОР+ШНСУ';
}

export function hasShnsu(status: OfficialStatus): boolean {
  return status === 'ШНСУ' || status === 'ШНОР+ШНСУ';
}

/**
 * List rows -> entries. Two rows for one school and period (it is on both lists) merge into
 * `ШНОР+ШНСУ`. With `knownSchoolIds`, a code missing from the registry is reported.
 */
export function parseLists(
  rows: Record<string, unknown>[],
  options: RowOptions & { knownSchoolIds?: Iterable<string> } = {},
): { entries: ListEntry[]; errors: string[] } {
  const first = options.firstRow ?? 2;
  const known = options.knownSchoolIds ? new Set(options.knownSchoolIds) : null;
  const errors: string[] = [];
  const merged = new Map<string, ListEntry>();
  const col = (code: string) => label(LIST_COLUMNS, code);

  rows.forEach((rawRow, i) => {
    const rowNo = first + i;
    const row = byCode(rawRow, LIST_INDEX);
    if (isEmptyRow(row)) return;
    const period = normalizePeriod(row.period);
    const school_id = parseText(row.school_id) ?? '';
    const status = parseStatus(row.status);
    if (period === '') return void errors.push(M.required(rowNo, col('period')));
    if (school_id === '') return void errors.push(M.required(rowNo, col('school_id')));
    if (status === null || status === '') {
      return void errors.push(M.badStatus(rowNo, col('status'), String(row.status ?? '')));
    }
    if (known && !known.has(school_id))
      errors.push(M.unknownSchool(rowNo, col('school_id'), school_id));
    const key = `${period}\u0000${school_id}`;
    const prev = merged.get(key);
    if (prev) {
      prev.status = combineStatus(
        hasShnor(prev.status) || hasShnor(status),
        hasShnsu(prev.status) || hasShnsu(status),
      ) as ListEntry['status'];
    } else merged.set(key, { period, school_id, status });
  });
  return { entries: [...merged.values()], errors };
}
