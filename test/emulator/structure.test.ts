/**
 * The emulator's structure, held by a test: one bridge to Google's types (`asGas`) and one
 * way to build Google's errors (`gasError`), and modules that import each other in no circle
 * (imports erased by the compiler, `import type`, do not count), so each package reads bottom
 * up: model below views.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../emulator');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
}

/** Top-level functions and constants named `name`, as `file:line`. */
function definitionsOf(name: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(ROOT)) {
    const source = parse(file);
    const visit = (node: ts.Node): void => {
      const named =
        (ts.isFunctionDeclaration(node) && node.name?.text === name) ||
        (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name);
      if (named) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${path.relative(ROOT, file)}:${line}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('emulator structure', () => {
  test('one asGas and one gasError, both in services/gas.ts', () => {
    expect(definitionsOf('asGas')).toEqual([expect.stringMatching(/^services\/gas\.ts:/)]);
    expect(definitionsOf('gasError')).toEqual([expect.stringMatching(/^services\/gas\.ts:/)]);
  });

  test("no other module builds Google's errors by hand", () => {
    const byHand = sourceFiles(ROOT)
      .filter((file) => /\.name\s*=\s*'Exception'/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(byHand).toEqual(['services/gas.ts']);
  });
});
