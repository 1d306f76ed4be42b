/** Dynamics of a school's status between two periods (domain spec, section 6). */
import type { Dynamics } from '../types';
import { hasInfo, type PeriodCore } from './periodCore';

/**
 * Dynamics of the status of record (rev 2). A school without a response in the current
 * period is `no_data` («нет данных») instead of `left` («вышла»), and whenever its status rests on the computed
 * status (which needs a response); an official list that still names it keeps `осталась` /
 * `вошла`, and one that never named it keeps `вне списков` (a choice: the list is the record).
 */
export function dynamicsOf(prev: PeriodCore | null, cur: PeriodCore, i: number): Dynamics {
  if (!hasInfo(prev)) return '';
  const was = prev.flagged[i];
  const is = cur.flagged[i];
  if (cur.values[i] === null && !is && (was || !cur.hasList || cur.usedComputedForOfficial)) {
    return 'no_data';
  }
  if (was && is) return 'stayed';
  if (was) return 'left';
  if (is) return 'entered';
  return 'outside';
}
