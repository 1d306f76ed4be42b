/**
 * What recompute last wrote into each output sheet (the sheet store's fingerprints, ports
 * WriteMemory), kept in document properties: the next recompute then writes the blocks that
 * changed without reading the sheets back. Never trusted beyond what it describes:
 * - an inspector's edit in an output sheet drops that sheet's memory (`onEdit`), a structural
 *   change drops all of it (the change trigger); the store itself ignores it for a sheet made
 *   again, a grid of another height or another layout;
 * - a recompute drops the memory of the sheets it is about to write, durably, before writing
 *   (a write cut short leaves no memory), and keeps the new one after the writes;
 * - an edit while a recompute runs: the recompute keeps its memory afterwards, over the
 *   dropped one, so each edit also leaves a new stamp of the sheet, and a memory counts only
 *   with the stamp its recompute saw before writing.
 * One key per sheet, split into parts of at most 8,000 characters (9 KB per value).
 */
import { setEach, type KeyValueStore, type Ports, type WriteMemory } from '../ports';
import { CHART_DATA_SHEET, SHEETS } from '../sheets/schema';
import { timeToken } from './token';

const PREFIX = 'outputs.written.';
const PART_CHARS = 8000;

/** The sheets recompute writes with a memory. */
export const REMEMBERED_SHEETS: readonly string[] = [
  SHEETS.indicators,
  SHEETS.summary,
  SHEETS.dynamics,
  SHEETS.notResponded,
  SHEETS.recommendations,
  SHEETS.formulaValues,
  SHEETS.registryHistory,
  CHART_DATA_SHEET.name,
];

const keyOf = (sheet: string, part = 0) => `${PREFIX}${sheet}${part > 0 ? `.${part}` : ''}`;
const stampOf = (sheet: string) => `outputs.edited.${sheet}`;

/** Drops the memory of these sheets (all when none is named) and stamps them anew: one write. */
export function forgetOutputs(
  ports: Pick<Ports, 'properties' | 'clock'>,
  sheets = REMEMBERED_SHEETS,
): void {
  const named = sheets.filter((s) => REMEMBERED_SHEETS.includes(s));
  const stamp = timeToken(ports.clock);
  setEach(
    ports.properties,
    Object.fromEntries(
      named.flatMap((s) => [
        [keyOf(s), ''],
        [stampOf(s), stamp],
      ]),
    ),
  );
}

export class OutputMemory {
  private readonly kept: Record<string, string> = {};

  constructor(private readonly stored: (key: string) => string | null | undefined) {}

  /** One read of every property where the store can list them. */
  static load(properties: KeyValueStore): OutputMemory {
    const all = properties.all?.();
    return new OutputMemory(all ? (key) => all[key] : (key) => properties.get(key));
  }

  private stamp(sheet: string): string {
    return this.stored(stampOf(sheet)) ?? '';
  }

  /**
   * The text kept for this sheet, or null. The first part starts with the number of parts and
   * the sheet's stamp when it was written (another stamp: edited since).
   */
  last(sheet: string): string | null {
    const [count, stamp, ...rest] = (this.stored(keyOf(sheet)) ?? '').split('|');
    if (rest.length !== 1 || stamp !== this.stamp(sheet)) return null;
    const parts = Number(count);
    let text = rest[0];
    for (let i = 1; i < parts; i++) {
      const part = this.stored(keyOf(sheet, i));
      if (part === null || part === undefined) return null;
      text += part;
    }
    return text;
  }

  /** '' for each sheet with a memory: written before the sheets are. */
  forgetting(): Record<string, string> {
    return Object.fromEntries(
      REMEMBERED_SHEETS.filter((s) => this.stored(keyOf(s))).map((s) => [keyOf(s), '']),
    );
  }

  /** What `replace` takes for this sheet; what it gives back is kept (see `take`). */
  of(sheet: string): WriteMemory {
    // The stamp as loaded, before any write: an edit from now on stamps the sheet anew.
    const stamp = this.stamp(sheet);
    return {
      last: this.last(sheet),
      written: (text) => {
        const parts: string[] = [];
        for (let i = 0; i < text.length; i += PART_CHARS) parts.push(text.slice(i, i + PART_CHARS));
        parts.forEach((part, i) => {
          this.kept[keyOf(sheet, i)] = i === 0 ? `${parts.length}|${stamp}|${part}` : part;
        });
      },
    };
  }

  /** The memories kept since the last call, to be written after the sheets. */
  take(): Record<string, string> {
    const out = { ...this.kept };
    for (const key of Object.keys(this.kept)) delete this.kept[key];
    return out;
  }
}
