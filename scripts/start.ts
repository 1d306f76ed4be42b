/**
 * `npm start`: the whole monitoring of the shipped sample municipality on the embedded
 * emulator, through the add-on's real entry points. Writes out/monitoring.xlsx,
 * out/report.docx and out/summary.json.
 */
import path from 'node:path';
import { readCsv } from '../cli/csv';
import { runMonitoring } from '../cli/pipeline';
import { CLI, CLI_RUN } from '../cli/messages';

async function main(): Promise<void> {
  const root = path.join(__dirname, '..');
  const sample = (name: string) => readCsv(path.join(root, 'sample', `${name}.csv`));
  const outDir = path.join(root, 'out');
  const started = Date.now();
  let lastShown = -1;
  const result = await runMonitoring(
    {
      registry: sample('registry'),
      lists: sample('lists'),
      settings: sample('settings'),
      responses: [sample('responses')],
    },
    {
      outDir,
      // A local run: no Apps Script time limit to chunk long jobs for.
      clockFollowsCost: false,
      spreadsheetName: 'Мониторинг ШНОР и ШНСУ — Сосновский муниципальный округ (пример)',
      onProgress: (stage, done, total) => {
        if (stage !== 'submit') return void console.log(`• ${CLI.stages[stage] ?? stage}`);
        const step = Math.floor(((done ?? 0) / (total ?? 1)) * 10);
        if (step !== lastShown) {
          lastShown = step;
          console.log(`• ${CLI.submitted(done ?? 0, total ?? 0)}`);
        }
      },
    },
  );
  const { summary } = result;
  const ofPeriod = summary.rejected.filter((r) => r.period === summary.period).length;
  console.log(
    `\n${CLI.result(summary.period, summary.responded, summary.schools_total, ofPeriod)}`,
  );
  console.log(CLI_RUN.accounting(summary.rows));
  console.log(
    `${CLI.files}\n  ${result.files.xlsx}\n  ${result.files.docx}\n  ${result.files.summary}\n  ${result.files.letters}/`,
  );
  console.log(CLI.done(((Date.now() - started) / 1000).toFixed(1)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
