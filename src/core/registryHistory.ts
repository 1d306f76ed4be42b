/**
 * Registry facts per period (domain spec §3, rev 2). `is_internship_site`, `leader_school_id`
 * and `active` change over the years; each recompute freezes the current period's values in
 * «История реестра», and the figures of an earlier period use that period's rows. Where no
 * snapshot exists, today's registry stands in and the summary row says so.
 */
import { parseBool, parseText } from './parse';
import type { RegistrySchool } from './types';

export interface RegistryFact {
  period: string;
  school_id: string;
  is_internship_site: boolean;
  leader_school_id: string;
  active: boolean;
}

/** The current registry as the facts of `period`. */
export function snapshot(period: string, registry: readonly RegistrySchool[]): RegistryFact[] {
  return registry.map((s) => ({
    period,
    school_id: s.school_id,
    is_internship_site: s.is_internship_site,
    leader_school_id: s.leader_school_id,
    active: s.active,
  }));
}

/** The history with `period`'s rows replaced by the registry's: other periods stay frozen. */
export function withSnapshot(
  history: readonly RegistryFact[],
  period: string,
  registry: readonly RegistrySchool[],
): RegistryFact[] {
  if (period === '') return [...history];
  return [...history.filter((f) => f.period !== period), ...snapshot(period, registry)].sort(
    (a, b) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : a.school_id < b.school_id ? -1 : 1,
  );
}

/** Rows of «История реестра» as typed by the product (or edited): unreadable rows skipped. */
export function parseHistory(records: readonly Record<string, unknown>[]): RegistryFact[] {
  const out: RegistryFact[] = [];
  for (const r of records) {
    const period = parseText(r.period);
    const id = parseText(r.school_id);
    if (period === null || id === null) continue;
    out.push({
      period,
      school_id: id,
      is_internship_site: parseBool(r.is_internship_site).value === true,
      leader_school_id: parseText(r.leader_school_id) ?? '',
      // A blank «active» reads as yes, as in the registry.
      active: parseBool(r.active).value !== false,
    });
  }
  return out;
}

/** A period's registry, aligned with the current schools. */
export interface PeriodRegistry {
  /** The schools with that period's facts. */
  schools: RegistrySchool[];
  /** Whether each school took part in that period. */
  active: boolean[];
  /** false: no snapshot, today's registry stood in («по текущему реестру»). */
  fromHistory: boolean;
}

export function periodRegistry(
  period: string,
  schools: readonly RegistrySchool[],
  history: readonly RegistryFact[],
): PeriodRegistry {
  const rows = new Map(history.filter((f) => f.period === period).map((f) => [f.school_id, f]));
  if (rows.size === 0) {
    return { schools: [...schools], active: schools.map(() => true), fromHistory: false };
  }
  return {
    schools: schools.map((s) => {
      const f = rows.get(s.school_id);
      return f
        ? { ...s, is_internship_site: f.is_internship_site, leader_school_id: f.leader_school_id }
        : s;
    }),
    // A school without a row was not in that period's registry.
    active: schools.map((s) => rows.get(s.school_id)?.active === true),
    fromHistory: true,
  };
}
