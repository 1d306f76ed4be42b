/**
 * Contextual value added and leader schools (domain spec, section 6): the residual of the
 * results index against ИСБ, resilient schools, and leader suggestions for flagged schools.
 */
import type { Locality } from '../types';
import { leastSquares, type Column } from './stats';

/** Residual of the results index on the least-squares line over ИСБ; null without both. */
export function residuals(isb: Column, ri: Column): (number | null)[] {
  const fit = leastSquares(isb, ri);
  return ri.map((y, i) => {
    const x = isb[i];
    if (!fit || x === null || y === null) return null;
    return y - (fit.a + fit.b * x);
  });
}

/** Low ИСБ, yet results at or above the municipal median. */
export function resilient(
  lowIsb: readonly boolean[],
  ri: Column,
  medianRi: number | null,
): boolean[] {
  return ri.map((y, i) => medianRi !== null && lowIsb[i] && y !== null && y >= medianRi);
}

export interface LeaderCandidateInfo {
  id: string;
  locality: Locality;
  flagged: boolean;
  hasLeader: boolean;
}

export const MAX_LEADER_SUGGESTIONS = 3;

/**
 * For each flagged school without a leader: up to three schools with the highest residual
 * among schools with a results index above the median, same locality first. Candidates
 * exclude flagged schools (a choice: a school on the lists is not offered as a mentor).
 * Ties on residual go to the earlier school in the given (canonical) order.
 */
export function suggestLeaders(
  schools: readonly LeaderCandidateInfo[],
  ri: Column,
  residual: Column,
  medianRi: number | null,
): string[][] {
  const candidates: number[] = [];
  if (medianRi !== null) {
    schools.forEach((s, i) => {
      const y = ri[i];
      if (!s.flagged && y !== null && y > medianRi && residual[i] !== null) candidates.push(i);
    });
  }
  candidates.sort((a, b) => (residual[b] as number) - (residual[a] as number) || a - b);

  // The answer depends only on the school's locality: compute it once per locality.
  const byLocality = new Map<Locality, string[]>();
  const pick = (locality: Locality): string[] => {
    const cached = byLocality.get(locality);
    if (cached) return cached;
    const out: string[] = [];
    if (locality !== '') {
      for (const i of candidates) {
        if (out.length === MAX_LEADER_SUGGESTIONS) break;
        if (schools[i].locality === locality) out.push(schools[i].id);
      }
    }
    for (const i of candidates) {
      if (out.length === MAX_LEADER_SUGGESTIONS) break;
      if (!out.includes(schools[i].id)) out.push(schools[i].id);
    }
    byLocality.set(locality, out);
    return out;
  };

  return schools.map((s) => (s.flagged && !s.hasLeader ? [...pick(s.locality)] : []));
}
