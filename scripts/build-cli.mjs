// Builds dist-cli/cli.cjs: the offline command (cli/main.ts with the emulator) as one CommonJS
// file for Node, which bin/shnor-monitor.cjs loads without compiling TypeScript at every start
// (tsx's loader cost the offline run about 60 MB of memory and a fifth of its CPU time).
// Packages stay in node_modules. Not in dist/: that folder is what clasp pushes to Apps Script.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function buildCli(root) {
  const outfile = path.join(root, 'dist-cli', 'cli.cjs');
  await bundle(path.join(root, 'cli', 'main.ts'), outfile);
  // The workbook export's worker thread (emulator/export/xlsx-thread.ts): its own bundle.
  await bundle(
    path.join(root, 'cli', 'xlsx-worker.ts'),
    path.join(root, 'dist-cli', 'xlsx-worker.cjs'),
  );
  return outfile;
}

/** One entry point as a CommonJS file for Node; packages stay in node_modules. */
function bundle(entry, outfile) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    outfile,
    logLevel: 'silent',
    plugins: [sourceDirname(path.dirname(outfile))],
  });
}

/**
 * A module that reads files next to itself (`__dirname`) still finds them from the bundle:
 * its `__dirname` becomes its own folder, relative to the bundle's.
 */
function sourceDirname(outDir) {
  return {
    name: 'source-dirname',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!/\b__dirname\b/.test(text)) return undefined;
        const rel = path.relative(outDir, path.dirname(args.path)).split(path.sep).join('/');
        const own = `const __sourceDirname = require('node:path').join(__dirname, ${JSON.stringify(rel)});\n`;
        return { contents: own + text.replace(/\b__dirname\b/g, '__sourceDirname'), loader: 'ts' };
      });
    },
  };
}
