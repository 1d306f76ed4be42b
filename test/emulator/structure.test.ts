/**
 * The emulator's structure, held by a test: one bridge to Google's types (`asGas`) and one
 * way to build Google's errors (`gasError`), and modules that import each other in no circle
 * (imports erased by the compiler, `import type`, do not count), so each package reads bottom
 * up: model below views.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { asGas, gasEnum, gasError } from '../../emulator/services/gas';

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

/** Whether an import or re-export is erased by the compiler (`import type`, all names typed). */
function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return false; // `import './x'` runs the module
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return (
      !clause.name &&
      named !== undefined &&
      ts.isNamedImports(named) &&
      named.elements.length > 0 &&
      named.elements.every((e) => e.isTypeOnly)
    );
  }
  if (statement.isTypeOnly) return true;
  const clause = statement.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

/** Each emulator module and the emulator modules it imports at run time. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(ROOT)) {
    const targets: string[] = [];
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const spec = statement.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
      if (typeOnly(statement)) continue;
      const base = path.resolve(path.dirname(file), spec.text);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
      if (target) targets.push(path.relative(ROOT, target));
    }
    graph.set(path.relative(ROOT, file), targets);
  }
  return graph;
}

/** Every circle of imports, each as the path that closes it (`a -> b -> a`). */
function circles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        found.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('emulator structure', () => {
  test('the import graph is read from the sources (a known edge, a type-only one left out)', () => {
    const graph = importGraph();
    expect(graph.get('services/documents/document.ts')).toContain('services/documents/body.ts');
    // context.ts names the element classes in `import type` only: no run-time edge.
    expect(graph.get('services/documents/context.ts')).not.toContain('services/documents/body.ts');
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a -> b -> c -> a']);
  });

  test('emulator modules import each other in no circle (type-only imports aside)', () => {
    expect(circles(importGraph())).toEqual([]);
  });

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

  // The @ts-expect-error lines are checked by `npm run typecheck`: were asGas or gasEnum blind
  // casts again, the compiler would report those directives as unused.
  test('asGas hands the object itself out, and the compiler refuses one that does not fit', () => {
    const file = { getName: (): string => 'Отчёт' };
    expect(asGas<GoogleAppsScript.Drive.File>(file)).toBe(file);
    const wrongReturn = { getName: (): number => 42 };
    // @ts-expect-error getName must return a string, as Google's File.getName does
    expect(asGas<GoogleAppsScript.Drive.File>(wrongReturn)).toBe(wrongReturn);
    const nothingInCommon = { unrelated: true };
    // @ts-expect-error an object sharing no member with File is no emulated File
    expect(asGas<GoogleAppsScript.Drive.File>(nothingInCommon)).toBe(nothingInCommon);
    const foreign = { EVERYONE: 'EVERYONE' as const };
    // @ts-expect-error Drive's Access has no member EVERYONE
    expect(gasEnum<typeof GoogleAppsScript.Drive.Access>(foreign)).toBe(foreign);
    const misnamed = { ANYONE: 'PRIVATE' as const };
    // @ts-expect-error a member holds its own name
    expect(gasEnum<typeof GoogleAppsScript.Drive.Access>(misnamed)).toBe(misnamed);
  });

  test("gasError builds Google's error: String(e) reads as the execution log shows it", () => {
    const error = gasError('Invalid argument: id');
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toBe('Exception: Invalid argument: id');
  });
});
