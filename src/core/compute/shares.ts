/**
 * Shares of a school's counts (domain spec, section 6): count / base, missing when either is
 * unanswered or the base is 0, and — for results — when fewer than `min_participants` wrote
 * the work.
 */
import { FIELDS, fieldByCode, type FieldDef } from '../catalogue/fields';
import { RESULT_COMPONENTS, type ResultComponent } from '../catalogue/components';
import { emptyFieldValues } from '../fieldValues';
import { numAt, type PeriodColumns } from './columns';
import type { FieldValues } from '../types';

export function num(values: FieldValues | null | undefined, code: string): number | null {
  const v = values?.[code];
  return typeof v === 'number' ? v : null;
}

export function bool(values: FieldValues | null | undefined, code: string): boolean | null {
  const v = values?.[code];
  return typeof v === 'boolean' ? v : null;
}

export function share(count: number | null, base: number | null): number | null {
  if (count === null || base === null || base <= 0) return null;
  return count / base;
}

/** Fields that have a share: every bounded count except participants themselves. */
export const SHARE_FIELDS: readonly FieldDef[] = FIELDS.filter(
  (f) => f.type === 'int' && f.base !== undefined && f.measure !== 'participants',
);

// Fields whose base is a participants count (results): min_participants applies to them.
const PARTICIPANT_BASED = new Set(
  FIELDS.filter((f) => f.base !== undefined && fieldByCode(f.base)?.measure === 'participants').map(
    (f) => f.code,
  ),
);

function isParticipantsBase(def: FieldDef): boolean {
  return PARTICIPANT_BASED.has(def.code);
}

/** [count code, participants code] of each test of a component. */
export function componentPairs(component: ResultComponent): readonly (readonly [string, string])[] {
  return component.pairs;
}

export interface Pooled {
  count: number;
  participants: number;
}

/**
 * A results component pooled over its tests and over the given periods' responses: the sum
 * of counts over the sum of participants, taking only tests where both were answered.
 */
export function pooledComponent(
  periods: readonly (FieldValues | null)[],
  component: ResultComponent,
): Pooled {
  let count = 0;
  let participants = 0;
  const pairs = componentPairs(component);
  for (const values of periods) {
    if (!values) continue;
    for (const [countCode, participantsCode] of pairs) {
      const c = num(values, countCode);
      const p = num(values, participantsCode);
      if (c === null || p === null) continue;
      count += c;
      participants += p;
    }
  }
  return { count, participants };
}

export function pooledShare(p: Pooled, minParticipants: number): number | null {
  if (p.participants < minParticipants || p.participants <= 0) return null;
  return p.count / p.participants;
}

const SHARE_KEYS: readonly { code: string }[] = [...SHARE_FIELDS, ...RESULT_COMPONENTS];

/**
 * Current-period field shares and pooled components, as stored in SchoolResult.shares: for a
 * period's columns, a function of the school (its index and pooled results).
 */
export function schoolSharesOf(
  columns: PeriodColumns,
  pooled: Readonly<Record<string, { count: Float64Array; participants: Float64Array }>>,
  minParticipants: number,
): (i: number) => Record<string, number | null> {
  const fields = SHARE_FIELDS.map((def) => ({
    code: def.code,
    counts: columns.num(def.code),
    bases: columns.num(def.base as string),
    participantsBased: isParticipantsBase(def),
  }));
  const components = RESULT_COMPONENTS.map((c) => ({ code: c.code, ...pooled[c.code] }));
  return (i) => {
    // A copy of one template (the same keys in the same order): a fast object, not a dictionary.
    const out = emptyFieldValues(SHARE_KEYS) as Record<string, number | null>;
    // fieldShare, over the columns (NaN = unanswered).
    for (const f of fields) {
      const base = f.bases[i];
      const count = f.counts[i];
      out[f.code] =
        base !== base ||
        count !== count ||
        base <= 0 ||
        (f.participantsBased && base < minParticipants)
          ? null
          : count / base;
    }
    // pooledShare of the responded schools (NaN participants: not responded).
    for (const c of components) {
      const y = c.participants[i];
      out[c.code] = y !== y || y < minParticipants || y <= 0 ? null : c.count[i] / y;
    }
    return out;
  };
}

/**
 * Municipal share of a field: sum of counts / sum of bases over the schools where both were
 * answered (a sum-over-sum, as the summary computes it). null when nothing was answered.
 */
export function municipalFieldShare(columns: PeriodColumns, def: FieldDef): number | null {
  if (!def.base) return null;
  const counts = columns.num(def.code);
  const bases = columns.num(def.base);
  let count = 0;
  let base = 0;
  for (let i = 0; i < columns.n; i++) {
    const c = numAt(counts, i);
    const b = numAt(bases, i);
    if (c === null || b === null) continue;
    count += c;
    base += b;
  }
  return share(count, base);
}

/**
 * A share shrunk toward the municipal share `p` (rev 2): (count + k·p) / (base + k). Small
 * schools are noisy — 1 «2» out of 3 pupils must not outrank a school of 300 — so every share
 * used to rank or compare schools is shrunk; tables show the raw share. With k = 0 (or no
 * municipal share) the raw share comes back.
 */
export function shrink(count: number, base: number, p: number | null, k: number): number | null {
  if (p === null || !(k > 0)) return share(count, base);
  return (count + k * p) / (base + k);
}
