// The esbuild options of the Apps Script bundle (dist/Code.js before packing and terser), and
// terser's options that keep function and class names. Shared by scripts/build.mjs, the
// bundle report (scripts/bundle-report.mjs) and the bundle test (which rebuilds it unpacked).
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** esbuild options for src/entry/index.ts; `addOn` builds the Editor add-on flavour. */
function codeBuildOptions(addOn = false) {
  return {
    entryPoints: [path.join(root, 'src/entry/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ShnorMonitor',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // SHNOR_ADDON=1 builds the Editor add-on flavour (menu under «Расширения»).
    define: { __ADDON__: addOn ? 'true' : 'false' },
    charset: 'utf8',
    legalComments: 'none',
    // Identifiers as written here; terser renames the local ones and keeps function and
    // class names.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    logLevel: 'silent',
  };
}

const keep = { keep_fnames: true, keep_classnames: true };

/** terser: local names mangled, function inlining off, function and class names kept. */
const TERSER_OPTIONS = {
  ecma: 2020,
  compress: { ...keep, inline: 0, reduce_funcs: false },
  mangle: keep,
  ...keep,
  format: { ascii_only: false, comments: false },
};

module.exports = { codeBuildOptions, TERSER_OPTIONS };
