// Lint: type-aware typescript-eslint (floating promises, unused values, unsafe calls) over the
// extension, its tests, the stand-in and the scripts. Formatting is Prettier's, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'tests/site/dist/**', 'bench-results/**', 'demo-screenshots/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
      // Every file is in tsconfig.json's project (allowJs brings in the .mjs scripts) or in tests/site's,
      // except the stand-in's smoke scripts, which nothing imports.
      parserOptions: { projectService: { allowDefaultProject: ['tests/site/smoke.mjs', 'tests/site/smoke/*.mjs'] } },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Callbacks are declared with method shorthand in props and dependency interfaces and passed on
      // destructured; no code here calls a method that relies on `this` detached from its object.
      '@typescript-eslint/unbound-method': 'off',
      // A chat lookup (LookupChat) may answer at once or with a promise; Promise.all takes both.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
    },
  },
  {
    // What ships never builds HTML from strings: tweets, names and imported files are hostile input.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render with JSX, never from an HTML string.' },
        { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]', message: 'Build nodes, never HTML strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build nodes, never HTML strings.' },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'Build nodes, never HTML strings.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'tests/**/*.tsx'],
    rules: {
      // Fakes implement async interfaces (storage areas, sendMessage, tabs) with async functions that answer at once.
      '@typescript-eslint/require-await': 'off',
      // vitest types its asymmetric matchers (expect.any, expect.stringContaining) as `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['tests/e2e/**', 'bench/**'],
    rules: {
      // Raw IndexedDB in page scripts rejects with request.error: a DOMException, typed `| null`.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: {
      // Plain JS (no checkJs): its parameters are implicitly `any`; the promise rules still apply to it.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
