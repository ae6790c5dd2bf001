// ESLint: typescript-eslint's type-checked recommended rules, and shared/ kept free of both shells.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'node_modules/', 'data/', 'coverage/', '**/*.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // Leaving a field out with a rest pattern ({ first: _first, ...rest }) is how a copy without it is made.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    // The local review room's page scripts run in the browser, as classic scripts.
    files: ['apps-script/local-runtime/room/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'script', globals: globals.browser },
  },
  {
    // The pure core: no browser extension, no Apps Script, no DOM or Node globals reached for by import.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/extension/**', '**/extension'], message: 'shared/ imports nothing from extension/.' },
          { group: ['**/apps-script/**', '**/apps-script'], message: 'shared/ imports nothing from apps-script/.' },
          { group: ['node:*', 'wxt', 'wxt/*', '@wxt-dev/*', 'preact', 'preact/*'], message: 'shared/ stays free of shells and runtimes.' },
        ],
      }],
    },
  },
);
