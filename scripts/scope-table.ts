/**
 * Regenerates emulator/scopes/table.json: the OAuth scopes each Apps Script method documents.
 *
 * Source: the "Authorization" section of every method on Google's reference pages
 * (developers.google.com/apps-script/reference/...), as copied into the JSDoc of the npm package
 * `gas-types-detailed` (a fork of @types/google-apps-script that keeps those sections). It is
 * not a dependency: unpack it anywhere and pass its folder:
 *
 *   npm pack gas-types-detailed@1.1.3 && tar xzf gas-types-detailed-1.1.3.tgz
 *   npx tsx scripts/scope-table.ts package
 *
 * Only the classes the emulator implements are kept. A method whose page lists no scopes is
 * kept with an empty list (it needs none), so "not in the table" and "needs nothing" differ.
 */
import fs from 'node:fs';
import path from 'node:path';

const SERVICES = [
  'spreadsheet',
  'forms',
  'document',
  'drive',
  'mail',
  'script',
  'properties',
  'lock',
  'cache',
  'utilities',
  'base',
  'html',
  'charts',
];

function pascal(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** The Apps Script classes the emulator implements (typed against @types/google-apps-script). */
function emulatedClasses(): Set<string> {
  const names = new Set<string>();
  const walk = (d: string): void => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.ts'))
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(/GoogleAppsScript\.[A-Za-z]+\.([A-Z][A-Za-z]+)/g))
          names.add(m[1]);
    }
  };
  walk(path.join(__dirname, '..', 'emulator'));
  return names;
}

function main(dir: string): void {
  const table: Record<string, string[]> = {};
  const classes = emulatedClasses();
  for (const service of SERVICES) {
    const file = path.join(dir, `google-apps-script.${service}.d.ts`);
    const text = fs.readFileSync(file, 'utf8');
    for (const block of text.split('/**').slice(1)) {
      const doc = block.slice(0, block.indexOf('*/'));
      const url = /apps-script\/reference\/([a-z-]+)\/([a-z-]+)#([A-Za-z0-9_]+)\(/.exec(doc);
      if (!url) continue;
      const cls = pascal(url[2]);
      if (!classes.has(cls)) continue;
      const key = `${cls}.${url[3]}`;
      const scopes = [...doc.matchAll(/- https:\/\/www\.googleapis\.com\/auth\/([a-z._]+)/g)].map(
        (m) => m[1],
      );
      // Overloads: a call is allowed when any overload's scopes allow it.
      table[key] = [...new Set([...(table[key] ?? []), ...scopes])].sort();
    }
  }
  // Grouped as class -> "scope scope" -> methods, so the file stays readable.
  const grouped: Record<string, Record<string, string[]>> = {};
  for (const key of Object.keys(table).sort()) {
    const [cls, method] = key.split('.');
    const set = table[key].join(' ');
    ((grouped[cls] ??= {})[set] ??= []).push(method);
  }
  const out = path.join(__dirname, '..', 'emulator', 'scopes', 'table.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const lines = Object.entries(grouped).map(
    ([cls, sets]) => `  ${JSON.stringify(cls)}: ${JSON.stringify(sets)}`,
  );
  fs.writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`${Object.keys(table).length} methods -> ${out}`);
}

main(process.argv[2] ?? 'package');
