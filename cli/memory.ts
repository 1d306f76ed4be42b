/**
 * A full garbage collection now, asked of V8 (which Node only offers behind --expose-gc).
 * The offline run calls it once, before the workbook export's worker thread starts: the jobs
 * before leave the heap grown (≈ 220 MB held for ≈ 140 MB live at 2,000 schools), and the
 * documents' export after them does not shrink it, so without this the two threads' peaks add
 * up (≈ 430 MB instead of ≈ 380 MB).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  // A new context gets the `gc` function the flag exposes; this one was made without it.
  (runInNewContext('gc') as () => void)();
}
