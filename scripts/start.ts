/**
 * `npm start`: the whole monitoring of the shipped sample municipality on the embedded
 * emulator, through the add-on's real entry points. Writes out/monitoring.xlsx,
 * out/report.docx and out/summary.json.
 */
import path from 'node:path';
import { readCsv } from '../cli/csv';
import { runMonitoring } from '../cli/pipeline';

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
      spreadsheetName: 'Мониторинг ШНОР и ШНСУ — Сосновский муниципальный округ (пример)',
      onProgress: (stage, done, total) => {
        if (stage !== 'submit') return void console.log(`• ${stageName[stage] ?? stage}`);
        const step = Math.floor(((done ?? 0) / (total ?? 1)) * 10);
        if (step !== lastShown) {
          lastShown = step;
          console.log(`• ответы школ через форму: ${done} из ${total}`);
        }
      },
    },
  );
  const summary = result.summary as {
    period: string;
    schools_total: number;
    responded: number;
    rejected: unknown[];
  };
  console.log(
    `\nПериод ${summary.period}: данные представили ${summary.responded} из ${summary.schools_total} школ, ` +
      `отклонено ответов: ${summary.rejected.length}.`,
  );
  console.log(`Файлы:\n  ${result.files.xlsx}\n  ${result.files.docx}\n  ${result.files.summary}`);
  console.log(`Готово за ${((Date.now() - started) / 1000).toFixed(1)} с.`);
}

const stageName: Record<string, string> = {
  setup: 'настройка: листы, анкета, триггер (меню «Настроить мониторинг…»)',
  recompute: 'пересчёт показателей',
  report: 'аналитическая записка',
  export: 'выгрузка в файлы',
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
