/**
 * How one raw response is judged, and how «Данные» follows from all of them. The live
 * trigger (ingest.ts) applies it one response at a time; «Сверить ответы» (reconcile.ts)
 * applies it to the whole responses sheet. Both use these functions, so the two cannot drift
 * apart: after any failure, reconcile gives what ingestion would have given.
 */
import { CATALOGUE, type Catalogue } from './catalogue';
import { sameAccessCode } from './access';
import { INTAKE } from './messages';
import { isEmail } from './parse';
import { excerpt } from './text';
import { schoolIdFromChoice } from './schoolChoice';
import { validateResponse } from './validation';
import { settleData, versionKey, type DataEntry, type JudgedVersion } from './versions';
import type { Decision, IntakeState } from './words';
import type { Cell, DataRow, RegistrySchool, Settings } from './types';

export const ACCESS_CODE_FIELD = 'access_code';
export const SCHOOL_FIELD = 'school_id';
export const COLLECTED_EMAIL = 'collected_email';
const TIMESTAMP_TITLES = new Set(['timestamp', 'отметка времени']);
const EMAIL_TITLES = new Set(['email address', 'адрес электронной почты']);
/** Question label -> field code, once per catalogue. */
const labelIndexes = new WeakMap<Catalogue, ReadonlyMap<string, string>>();
function labelToCode(catalogue: Catalogue): ReadonlyMap<string, string> {
  let index = labelIndexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.fields.map((f) => [f.label.toLowerCase(), f.code]));
    labelIndexes.set(catalogue, index);
  }
  return index;
}

/** One version of a response: its row in «Ответы формы», when it was sent, its answers. */
export interface RawResponse {
  row: number;
  timestamp: Date;
  answers: Record<string, unknown>;
}

export function isTimestampTitle(title: Cell | undefined): boolean {
  return TIMESTAMP_TITLES.has(
    String(title ?? '')
      .trim()
      .toLowerCase(),
  );
}

/** What each column of a header holds: the timestamp, a field's code, or nothing known. */
type ColumnPlan = Array<typeof TIMESTAMP | string | null>;
const TIMESTAMP = 0;

interface HeaderPlan {
  titles: unknown[];
  titleMap: Readonly<Record<string, string>>;
  catalogue: Catalogue;
  columns: ColumnPlan;
}

/**
 * Each header's plan, worked out once for all the rows read with it («Сверить ответы» reads
 * thousands), and again when the header's titles, the title map or the catalogue change.
 */
const headerPlans = new WeakMap<readonly Cell[], HeaderPlan>();

function columnPlan(
  header: readonly Cell[],
  titleMap: Readonly<Record<string, string>>,
  catalogue: Catalogue,
): ColumnPlan {
  const known = headerPlans.get(header);
  if (
    known &&
    known.titleMap === titleMap &&
    known.catalogue === catalogue &&
    known.titles.length === header.length &&
    known.titles.every((t, i) => t === header[i])
  )
    return known.columns;
  const labels = labelToCode(catalogue);
  const columns = header.map((h) => {
    const title = String(h).trim();
    if (isTimestampTitle(title)) return TIMESTAMP;
    const code = EMAIL_TITLES.has(title.toLowerCase())
      ? COLLECTED_EMAIL
      : (titleMap[title] ?? labels.get(title.toLowerCase()));
    return code || null;
  });
  headerPlans.set(header, { titles: [...header], titleMap, catalogue, columns });
  return columns;
}

/** Answers keyed by field code: the header is matched by question title, never by position. */
export function rawResponse(
  row: number,
  header: readonly Cell[],
  values: readonly Cell[],
  titleMap: Readonly<Record<string, string>>,
  catalogue: Catalogue = CATALOGUE,
): RawResponse | null {
  const columns = columnPlan(header, titleMap, catalogue);
  const answers: Record<string, unknown> = {};
  let timestamp: Date | null = null;
  for (let i = 0; i < columns.length; i++) {
    const code = columns[i];
    if (code === null) continue;
    const value = values[i];
    if (code === TIMESTAMP)
      timestamp = value instanceof Date ? value : value ? new Date(String(value)) : null;
    else answers[code] = value instanceof Date ? value.toISOString() : value;
  }
  if (!timestamp || Number.isNaN((timestamp as Date).getTime())) return null;
  if (typeof answers.school_id === 'string')
    answers.school_id = schoolIdFromChoice(answers.school_id);
  return { row, timestamp, answers };
}

/** A header title that maps to a field (or is Google's timestamp or e-mail column). */
export function isKnownTitle(
  title: string,
  titleMap: Readonly<Record<string, string>>,
  catalogue: Catalogue = CATALOGUE,
): boolean {
  return (
    title === '' ||
    isTimestampTitle(title) ||
    EMAIL_TITLES.has(title.toLowerCase()) ||
    title in titleMap ||
    labelToCode(catalogue).has(title.toLowerCase())
  );
}

/** A blank event or row: nothing but (maybe) a timestamp. */
export function isBlankRow(header: readonly Cell[], values: readonly Cell[]): boolean {
  return values.every((v, i) => v === '' || isTimestampTitle(header[i]));
}

export interface IntakeContext {
  schools: readonly RegistrySchool[];
  settings: Settings;
  /** The code a school's personal link carries for a period; null when codes are not checked. */
  expectedCode: ((schoolId: string, period: string) => string) | null;
  /** The clock for period and timestamp checks (rev 2); absent = not checked. */
  now?: Date;
  /** The questionnaire (the catalogue's by default). */
  catalogue?: Catalogue;
}

export type Verdict =
  | { kind: 'accepted'; data: DataRow }
  | { kind: 'held'; data: DataRow; reasons: string[] }
  | { kind: 'rejected'; school_id: string; period: string; reasons: string[] };

// Rebuilding judges every response against one registry: index it once, not a scan a row.
// The first school of a code, as `find` gives; a list that grows is re-indexed.
const schoolIndexes = new WeakMap<
  readonly RegistrySchool[],
  { length: number; index: Map<string, RegistrySchool> }
>();

function schoolById(schools: readonly RegistrySchool[], id: string): RegistrySchool | undefined {
  let cached = schoolIndexes.get(schools);
  if (!cached || cached.length !== schools.length) {
    const index = new Map<string, RegistrySchool>();
    for (const s of schools) if (!index.has(s.school_id)) index.set(s.school_id, s);
    schoolIndexes.set(schools, (cached = { length: schools.length, index }));
  }
  return cached.index.get(id);
}

/** Valid and authentic: accepted; valid but not proven to come from the school: held. */
export function judge(raw: RawResponse, ctx: IntakeContext, recordedPeriod?: string): Verdict {
  const period =
    String(raw.answers.period ?? '').trim() || recordedPeriod || String(ctx.settings.period ?? '');
  const validation = validateResponse(raw.answers, ctx.schools as RegistrySchool[], {
    period,
    now: ctx.now,
    timestamp: raw.timestamp,
    fields: ctx.catalogue?.fields,
  });
  if (!validation.ok) {
    return {
      kind: 'rejected',
      school_id: validation.school_id,
      period: validation.period,
      reasons: validation.errors,
    };
  }
  const data: DataRow = {
    school_id: validation.school_id,
    period: validation.period,
    values: validation.values,
    response_id: String(raw.row),
    timestamp: raw.timestamp.toISOString(),
  };
  const reasons: string[] = [];
  if (ctx.expectedCode) {
    const given = String(raw.answers[ACCESS_CODE_FIELD] ?? '').trim();
    if (given === '') reasons.push(INTAKE.noAccessCode);
    else if (!sameAccessCode(given, ctx.expectedCode(data.school_id, data.period))) {
      reasons.push(INTAKE.wrongAccessCode(excerpt(given)));
    }
  }
  const email = String(raw.answers[COLLECTED_EMAIL] ?? '').trim();
  if (email !== '') {
    const school = schoolById(ctx.schools, data.school_id);
    if (school && school.email && !sameSender(email, school.email)) {
      reasons.push(INTAKE.foreignEmail(excerpt(email), school.email));
    }
  }
  return reasons.length > 0 ? { kind: 'held', data, reasons } : { kind: 'accepted', data };
}

/**
 * Mail services anyone can open an address at: their domain says nothing about who writes,
 * so there only the registry address itself counts (domain spec 8a).
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'internet.ru',
  'mail.ua',
  'yandex.ru',
  'ya.ru',
  'yandex.com',
  'yandex.by',
  'yandex.kz',
  'yandex.ua',
  'narod.ru',
  'rambler.ru',
  'rambler.ua',
  'lenta.ru',
  'ro.ru',
  'autorambler.ru',
  'myrambler.ru',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'mail.com',
  'proton.me',
  'protonmail.com',
  'qip.ru',
  'pochta.ru',
]);

/** The registry address itself, or an address in the same domain unless that domain is public. */
export function sameSender(email: string, registryEmail: string): boolean {
  const a = email.toLowerCase().trim();
  const b = registryEmail.toLowerCase().trim();
  if (a === b) return true;
  const domain = b.split('@')[1] ?? '';
  return domain !== '' && !PUBLIC_MAIL_DOMAINS.has(domain) && (a.split('@')[1] ?? '') === domain;
}

/**
 * Where the «what to fix» e-mail of a response may go (domain spec 8a): the school's registry
 * address, and the respondent's only when the response passed the code or the address check.
 * A typed address alone never receives mail: the add-on must not become a mail relay.
 */
export function noticeAddresses(
  raw: RawResponse,
  ctx: IntakeContext,
  schoolId: string,
  period: string,
): string[] {
  const school = schoolById(ctx.schools, schoolId);
  if (!school) return [];
  const to = [school.email];
  const given = String(raw.answers[ACCESS_CODE_FIELD] ?? '').trim();
  if (
    ctx.expectedCode &&
    given !== '' &&
    sameAccessCode(given, ctx.expectedCode(school.school_id, period))
  )
    to.push(String(raw.answers.respondent_email ?? '').trim());
  const collected = String(raw.answers[COLLECTED_EMAIL] ?? '').trim();
  if (collected !== '' && school.email && sameSender(collected, school.email)) to.push(collected);
  const seen = new Set<string>();
  return to.filter((a) => {
    const key = a.toLowerCase();
    if (!isEmail(a) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface JournalEntry {
  row: number;
  timestamp: Date;
  school_id: string;
  period: string;
  reasons: string[];
  state: IntakeState;
  decision: Decision;
}

/**
 * «Данные» from every raw response, and the versions to list in «Отклонено». `decisions` are
 * the inspector's, for held versions (by `versionKey`). `previous` is what «Данные» held: a
 * response whose latest version (edited by the school) is invalid keeps its earlier, valid
 * version — the raw sheet no longer has it.
 */
export function rebuild(
  raws: readonly RawResponse[],
  ctx: IntakeContext,
  decisions: ReadonlyMap<string, Decision>,
  previous: readonly DataEntry[],
  /** The period each version was filed under when it came in (by `versionKey`). */
  periods: ReadonlyMap<string, string> = new Map(),
): { data: DataEntry[]; journal: JournalEntry[] } {
  const versions: JudgedVersion[] = [];
  const journal: JournalEntry[] = [];
  for (const raw of raws) {
    const key = versionKey(raw.row, raw.timestamp);
    const verdict = judge(raw, ctx, periods.get(key));
    const decision = verdict.kind === 'held' ? (decisions.get(key) ?? '') : '';
    versions.push({
      row: raw.row,
      timestamp: raw.timestamp,
      data: acceptedData(verdict, decision),
    });
    if (verdict.kind === 'accepted') continue;
    const entry = verdict.kind === 'held' ? verdict.data : verdict;
    journal.push({
      row: raw.row,
      timestamp: raw.timestamp,
      school_id: entry.school_id,
      period: entry.period,
      reasons: verdict.reasons,
      state: stateOf(verdict.kind, decision),
      decision,
    });
  }
  return { data: settleData(versions, previous), journal };
}

/** The data a verdict puts in «Данные»: accepted, or held and accepted by the inspector. */
export function acceptedData(verdict: Verdict, decision: Decision = ''): DataRow | null {
  if (verdict.kind === 'accepted') return verdict.data;
  if (verdict.kind === 'held' && decision === 'accept') return verdict.data;
  return null;
}

export function stateOf(kind: 'held' | 'rejected', decision: Decision): IntakeState {
  if (kind === 'rejected') return 'rejected';
  if (decision === 'accept') return 'accepted_by_inspector';
  if (decision === 'reject') return 'rejected_by_inspector';
  return 'held';
}
