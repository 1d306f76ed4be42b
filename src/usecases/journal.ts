import { SHEETS } from '../sheets/schema';
import type { Ports } from '../ports';
import { ensureProductSheet } from '../sheets/product';

/** One line in the journal sheet: when, what, details. */
export function journal(
  ports: Pick<Ports, 'sheets' | 'clock'>,
  event: string,
  details: string,
): void {
  ensureProductSheet(ports, 'journal');
  ports.sheets.append(SHEETS.journal, [[ports.clock.now(), event, details]]);
}
