/**
 * What `replace` wrote into a sheet, kept as fingerprints so that the next write of the same
 * sheet finds what changed without reading the sheet back: one 48-bit hash per column of each
 * block of rows, of the cells as written. The caller keeps the text between executions and
 * drops it whenever the sheet may hold something else (an edit, a structural change); the
 * sheet's id, grid height and layout are in it too, and any of them differing voids it.
 */
import type { Cell } from '../../ports';

const VERSION = 'f1';
const CODE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Characters of one block-column fingerprint (6 bits each: 48 bits). */
const CODE_CHARS = 8;

/** Rows per block: 100, doubled while a sheet would have more than 64 blocks. */
export function blockRowsFor(rows: number): number {
  let block = 100;
  while (Math.ceil(rows / block) > 64) block *= 2;
  return block;
}

/** Two 32-bit FNV-1a hashes (different offsets) of one block-column, folded into 48 bits. */
function blockCode(cells: readonly Cell[][], from: number, to: number, c: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let r = from; r < to; r++) {
    const v = cells[r][c];
    const text =
      typeof v === 'number'
        ? `n${v}`
        : typeof v === 'string'
          ? `s${v}`
          : typeof v === 'boolean'
            ? `b${v}`
            : v instanceof Date
              ? `d${v.getTime()}`
              : `o${String(v)}`;
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text.charCodeAt(i) : 0;
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x01000193) ^ (b >>> 15);
    }
  }
  let out = '';
  for (let k = 0; k < 5; k++) out += CODE[(a >>> (k * 6)) & 63];
  a = ((a >>> 30) & 3) | ((b & 0xffff) << 2);
  for (let k = 0; k < 3; k++) out += CODE[(a >>> (k * 6)) & 63];
  return out;
}

/** What a sheet holds after a write, as far as the fingerprints tell. */
export interface Fingerprints {
  sheetId: number;
  gridRows: number;
  layout: string;
  rows: number;
  width: number;
  blockRows: number;
  /** One code per block and column, block by block. */
  codes: string[];
}

export function fingerprintsOf(
  cells: readonly Cell[][],
  width: number,
  sheetId: number,
  gridRows: number,
  layout: string,
): Fingerprints {
  const blockRows = blockRowsFor(cells.length);
  const codes: string[] = [];
  for (let from = 0; from < cells.length; from += blockRows) {
    const to = Math.min(cells.length, from + blockRows);
    for (let c = 0; c < width; c++) codes.push(blockCode(cells, from, to, c));
  }
  return { sheetId, gridRows, layout, rows: cells.length, width, blockRows, codes };
}

export function fingerprintText(f: Fingerprints): string {
  const head = [VERSION, f.sheetId, f.gridRows, f.rows, f.width, f.blockRows, f.layout];
  return `${head.join(' ')} ${f.codes.join('')}`;
}

export function parseFingerprints(text: string | null | undefined): Fingerprints | null {
  if (!text) return null;
  const parts = text.split(' ');
  if (parts.length !== 8 || parts[0] !== VERSION) return null;
  const [sheetId, gridRows, rows, width, blockRows] = parts.slice(1, 6).map(Number);
  const all = parts[7];
  const blocks = Math.ceil(rows / blockRows);
  if (![sheetId, gridRows, rows, width, blockRows].every(Number.isInteger) || blockRows < 1)
    return null;
  if (all.length !== blocks * width * CODE_CHARS) return null;
  const codes: string[] = [];
  for (let i = 0; i < all.length; i += CODE_CHARS) codes.push(all.slice(i, i + CODE_CHARS));
  return { sheetId, gridRows, layout: parts[6], rows, width, blockRows, codes };
}

/**
 * A short hash of a layout (a changed layout voids the fingerprints); single cells' formats,
 * set on every write as the data asks, are not the sheet's layout.
 */
export function layoutCode(layout: { cellFormats?: unknown } | undefined): string {
  const text = JSON.stringify(layout ? { ...layout, cellFormats: undefined } : null);
  return blockCode([[text]], 0, 1, 0);
}

/**
 * Per column, 1 for each row whose cell must be written: every row of a block whose
 * fingerprint differs from `before`'s, and non-empty cells where `before` held nothing (below
 * its rows or right of its width: left empty, as the write clears what lies outside a table).
 */
export function changedSince(
  before: Fingerprints,
  now: Fingerprints,
  cells: Cell[][],
): Uint8Array[] {
  const { width, blockRows } = now;
  const changed = Array.from({ length: width }, () => new Uint8Array(cells.length));
  const oldBlocks = Math.ceil(before.rows / before.blockRows);
  for (let b = 0, from = 0; from < cells.length; b++, from += blockRows) {
    const to = Math.min(cells.length, from + blockRows);
    for (let c = 0; c < width; c++) {
      const was = b < oldBlocks && c < before.width ? before.codes[b * before.width + c] : null;
      if (was === now.codes[b * width + c]) continue;
      const mask = changed[c];
      for (let r = from; r < to; r++) if (was !== null || cells[r][c] !== '') mask[r] = 1;
    }
  }
  return changed;
}
