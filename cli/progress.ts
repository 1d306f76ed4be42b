/**
 * What the terminal shows while a run goes: one line per stage on stderr, and a progress bar
 * over the submissions when there are many of them and stderr is a terminal.
 */
import { SingleBar } from 'cli-progress';
import { CLI, CLI_RUN } from './messages';

export interface ErrStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** From this many submissions on, a bar is worth drawing. */
export const BAR_FROM = 200;

export function progressReporter(stderr: ErrStream, quiet: boolean) {
  let bar: SingleBar | null = null;
  const line = (text: string) => {
    if (!quiet) stderr.write(`• ${text}\n`);
  };
  const onProgress = (stage: string, done = 0, total = 0) => {
    if (stage !== 'submit') {
      finish();
      line(CLI.stages[stage] ?? stage);
      return;
    }
    if (quiet) return;
    if (!bar && done === 1 && stderr.isTTY && total >= BAR_FROM) {
      bar = new SingleBar({
        format: CLI_RUN.progressBar,
        stream: stderr as NodeJS.WritableStream,
        barsize: 30,
        hideCursor: true,
        clearOnComplete: false,
        fps: 10,
      });
      bar.start(total, 0);
    }
    if (bar) bar.update(done);
    else if (done === total) line(CLI.submitted(done, total));
  };
  const finish = () => {
    if (!bar) return;
    bar.stop();
    bar = null;
  };
  return { onProgress, finish, line };
}
