// Lint: typescript-eslint recommended, plus the architecture's boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'MailApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Utilities',
  'Session',
  'HtmlService',
  'Logger',
  'UrlFetchApp',
  'Charts',
  'GmailApp',
  'CalendarApp',
].map((name) => ({
  name,
  message: 'The pure core and the use cases reach Google only through ports.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The core is pure: no Apps Script globals, no Node modules, no I/O.
    files: ['src/core/**/*.ts', 'src/usecases/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', '../adapters/*', '../../adapters/*'] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'exceljs', 'docx', '**/emulator/**'] },
      ],
    },
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
