// Lint: typescript-eslint recommended, plus the architecture's boundaries (README, «Layout»).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import googleGlobals from './scripts/google-globals.cjs';

const noGoogleGlobals = googleGlobals.map((name) => ({
  name,
  message: 'Only src/adapters and src/app reach Google; the rest goes through ports.',
}));

/** An import whose path names one of these top-level folders of src/ (or emulator, cli). */
const into = (folders, message) => ({
  regex: `(^|/)(${folders.join('|')})(/|$)`,
  message,
});
// Every file of src/: no Node, no emulator, no offline-only libraries (not in the bundle).
const bundleOnly = [
  { regex: '^(node:|fs$|path$|exceljs$|docx$)', message: 'Not available in Apps Script.' },
  into(['emulator', 'cli'], 'The Apps Script bundle must not import the offline tools.'),
];
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [...bundleOnly, ...patterns] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // Each block below names its files exactly, so no later block overrides an earlier one.
  { files: ['src/**/*.ts'], rules: restrict() },
  {
    // The core is pure: it imports nothing outside src/core.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...noGoogleGlobals],
      ...restrict(
        into(
          ['adapters', 'app', 'entry', 'ports', 'sheets', 'usecases', 'ui'],
          'The core imports nothing outside src/core.',
        ),
      ),
    },
  },
  {
    // Ports are interfaces over core types.
    files: ['src/ports/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...noGoogleGlobals],
      ...restrict(
        into(
          ['adapters', 'app', 'entry', 'sheets', 'usecases', 'ui'],
          'Ports depend on the core only.',
        ),
      ),
    },
  },
  {
    // Sheet schema and mapping, and the use cases: Google only through ports, no adapter.
    files: ['src/sheets/**/*.ts', 'src/usecases/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...noGoogleGlobals],
      ...restrict(
        into(['adapters', 'app', 'entry', 'ui'], 'Use cases reach Google only through ports.'),
      ),
    },
  },
  {
    files: ['src/sheets/**/*.ts'],
    rules: restrict(
      into(
        ['adapters', 'app', 'entry', 'ui', 'usecases'],
        'Sheet mapping sits below the use cases.',
      ),
    ),
  },
  {
    files: ['scripts/**/*.{mjs,cjs}', 'bin/**/*.{js,mjs,cjs}', '*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
