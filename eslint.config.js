// ESLint (flat config): typescript-eslint's recommended rules, plus the import arrows of
// docs/architecture.md §2 enforced with no-restricted-imports:
// - the page (src/ui) imports only tfjs-free faces: src/train/protocol, the */types files,
//   the */face files, never tfjs or the engine;
// - the core (octconv, data, train, spectra) never imports the page;
// - spectra never imports train.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

const engine = ['@tensorflow/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'public/**', 'bench/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: engine, message: 'The page never loads tfjs: ask the worker through src/train/protocol.ts.' },
            {
              regex: '^(\\.\\./)+(octconv|data|spectra|train|frequency)/(?!(types|protocol|face)$).*',
              message: 'src/ui imports only tfjs-free faces: train/protocol, the */face files and the */types files.',
            },
            {
              regex: '^(\\.\\./)+(octconv|data|spectra|train|frequency)(/index)?$',
              message: 'A module index re-exports tfjs code: import a tfjs-free face instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/{octconv,data,train,spectra,frequency,tfjs-fixes}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)ui(/|$)', message: 'The core never imports the page (src/ui).' }] },
      ],
    },
  },
  {
    files: ['src/spectra/**/*.ts', 'src/frequency/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)ui(/|$)', message: 'The core never imports the page (src/ui).' },
            { regex: '(^|/)train(/|$)', message: 'spectra never imports train (docs/architecture.md §2).' },
          ],
        },
      ],
    },
  },
);
