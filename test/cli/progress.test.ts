/** What the terminal shows during a run: stage lines, and a bar only on a terminal. */
import { BAR_FROM, progressReporter } from '../../cli/progress';

function stream(isTTY: boolean) {
  let text = '';
  return {
    isTTY,
    columns: 100,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

function simulate(reporter: ReturnType<typeof progressReporter>, total: number) {
  reporter.onProgress('setup');
  for (let done = 1; done <= total; done++) reporter.onProgress('submit', done, total);
  reporter.onProgress('recompute');
  reporter.finish();
}

describe('progressReporter', () => {
  it('draws a bar over many submissions when stderr is a terminal', () => {
    const err = stream(true);
    simulate(progressReporter(err, false), BAR_FROM);
    expect(err.text).toContain(`ответы школ |`);
    expect(err.text).toContain(`${BAR_FROM} из ${BAR_FROM}`);
    expect(err.text).toContain('• пересчёт показателей');
  });

  it('writes one line, no bar, when stderr is not a terminal (a log, CI)', () => {
    const err = stream(false);
    simulate(progressReporter(err, false), BAR_FROM);
    expect(err.text).not.toContain('|');
    expect(err.text).toContain(`• ответы школ через форму: ${BAR_FROM} из ${BAR_FROM}\n`);
    expect(err.text.split('\n').length).toBeLessThan(6);
  });

  it('draws no bar for a small input even on a terminal', () => {
    const err = stream(true);
    simulate(progressReporter(err, false), 20);
    expect(err.text).not.toContain('|');
    expect(err.text).toContain('ответы школ через форму: 20 из 20');
  });

  it('is silent with --quiet', () => {
    const err = stream(true);
    simulate(progressReporter(err, true), BAR_FROM);
    expect(err.text).toBe('');
  });
});
