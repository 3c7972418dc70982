// Lint rules for the web UI (plain ES modules in the browser, no build step).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/main/resources/static/**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: globals.browser,
    },
    rules: {
      // A change to a built-in prototype changes every screen at once; use a helper function.
      'no-extend-native': 'error',
      'no-unused-vars': ['error', { caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
  },
  {
    // Views take navigation and session from the router and shared widgets from widgets.js;
    // never from the shell (app.js imports the views) nor from each other.
    files: ['src/main/resources/static/js/views/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../app.js'],
              message: 'Views import from ../router.js, never from the shell.',
            },
            {
              group: ['./*'],
              message: 'Views do not borrow from each other: move shared parts to ../widgets.js.',
            },
          ],
        },
      ],
    },
  },
];
