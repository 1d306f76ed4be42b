import type { Clock } from '../ports';

/**
 * A token of this moment, unique between executions: the time in base 36 at a fixed width (so
 * tokens sort in the order they were made) and six random characters. The intake cache's
 * version, an output sheet's edit stamp and a job request's key are such tokens.
 */
export function timeToken(clock: Pick<Clock, 'now'>): string {
  return (
    clock.now().getTime().toString(36).padStart(10, '0') + Math.random().toString(36).slice(2, 8)
  );
}
