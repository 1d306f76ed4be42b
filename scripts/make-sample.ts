/**
 * Writes the sample municipality shipped in sample/ (36 schools, two periods).
 * Run `npx tsx scripts/make-sample.ts`; the output is deterministic.
 */
import { stringify } from 'csv-stringify/sync';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syntheticMunicipality } from '../cli/synthetic';

const out = path.join(__dirname, '..', 'sample');
const sample = syntheticMunicipality(36);
mkdirSync(out, { recursive: true });
for (const name of ['registry', 'lists', 'settings', 'responses'] as const) {
  writeFileSync(path.join(out, `${name}.csv`), stringify(sample[name], { record_delimiter: '\n' }));
}
console.log(
  `sample/: ${sample.registry.length - 1} schools, ${sample.responses.length - 1} responses`,
);
