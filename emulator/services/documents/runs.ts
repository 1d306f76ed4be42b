/**
 * Edits on a list of styled runs by character offsets: the model behind Text ranges.
 * Offsets are local to one list of runs; end offsets here are exclusive.
 */
import type { TextAttrs, TextRun } from './model';

export function runsText(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Makes sure a run starts at `offset`; returns the index of that run. */
function splitAt(runs: TextRun[], offset: number): number {
  let pos = 0;
  for (let i = 0; i < runs.length; i += 1) {
    const len = runs[i].text.length;
    if (offset === pos) return i;
    if (offset < pos + len) {
      const cut = offset - pos;
      const head = runs[i];
      runs.splice(
        i,
        1,
        { text: head.text.slice(0, cut), attrs: head.attrs },
        {
          text: head.text.slice(cut),
          attrs: { ...head.attrs },
        },
      );
      return i + 1;
    }
    pos += len;
  }
  return runs.length;
}

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TextAttrs>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Drops empty runs and merges neighbours with equal attributes. */
export function normalise(runs: TextRun[]): void {
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    if (runs[i].text === '') runs.splice(i, 1);
    else if (i + 1 < runs.length && sameAttrs(runs[i].attrs, runs[i + 1].attrs)) {
      runs[i].text += runs[i + 1].text;
      runs.splice(i + 1, 1);
    }
  }
}

/** Sets (or, with undefined, clears) attributes on [start, end). */
export function styleRange(runs: TextRun[], start: number, end: number, patch: TextAttrs): void {
  if (end <= start) return;
  const first = splitAt(runs, start);
  const last = splitAt(runs, end);
  for (let i = first; i < last; i += 1) {
    const attrs = { ...runs[i].attrs, ...patch };
    for (const k of Object.keys(attrs) as Array<keyof TextAttrs>) {
      if (attrs[k] === undefined) delete attrs[k];
    }
    runs[i] = { text: runs[i].text, attrs };
  }
  normalise(runs);
}

/** Inserted text takes the style of the character before it, as typing does. */
export function insertText(runs: TextRun[], offset: number, text: string): void {
  if (text === '') return;
  if (runs.length === 0) {
    runs.push({ text, attrs: {} });
    return;
  }
  let pos = 0;
  for (const run of runs) {
    const len = run.text.length;
    if (offset > pos && offset <= pos + len) {
      const cut = offset - pos;
      run.text = run.text.slice(0, cut) + text + run.text.slice(cut);
      return;
    }
    pos += len;
  }
  runs[0].text = text + runs[0].text;
}

export function deleteRange(runs: TextRun[], start: number, end: number): void {
  if (end <= start) return;
  const first = splitAt(runs, start);
  const last = splitAt(runs, end);
  runs.splice(first, last - first);
  normalise(runs);
}

export function attrsAt(runs: TextRun[], offset: number): TextAttrs | null {
  let pos = 0;
  for (const run of runs) {
    if (offset < pos + run.text.length) return run.attrs;
    pos += run.text.length;
  }
  return null;
}
