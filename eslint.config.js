// ESLint flat config: eslint's recommended rules over every JS folder, each folder with the globals of
// where it runs (the `globals` package). build-scripts/lint.sh runs it (and `npm run lint` runs lint.sh).
import { builtinRules } from 'eslint/use-at-your-own-risk';
import globals from 'globals';

// eslint's recommended set: the rules whose metadata marks them recommended (the list @eslint/js's
// `configs.recommended` is generated from; that package is not a dependency here).
const recommended = Object.fromEntries(
  [...builtinRules]
    .filter(([, rule]) => rule.meta?.docs?.recommended === true)
    .map(([name]) => [name, 'error']),
);

const house = {
  ...recommended,
  'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
  'prefer-const': 'error',
  eqeqeq: 'error',
};

export default [
  { ignores: ['dist/**', 'build/**', 'node_modules/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  // The front end and the pages' fixtures: ES modules and classic scripts in the browser.
  {
    files: ['web/**/*.js', 'tests/web/fixtures/**/*.js', 'tests/bench/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser },
    rules: house,
  },
  // Node scripts that drive Chromium: their page.evaluate callbacks run in the page.
  {
    files: ['tests/web/**/*.mjs', 'tests/bench/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: house,
  },
  // Node only: the build scripts, the adversarial round, the schemes' API tests, this file.
  {
    files: ['build-scripts/**/*.mjs', 'tests/reliability/**/*.mjs', 'cpp/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: house,
  },
  // The presets' scaling factors are float32 values from the models' config files written the shortest way
  // that reads back the same double (64.83999633789062 is exactly float32 64.84): the rule wants 17 digits.
  {
    files: ['web/app/schemes/context/presets.js'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  // The embind glue (--post-js): scripts concatenated into emscripten's module factory, which runs under
  // node and in browsers. Only the factory's own names are in scope, declared here; what one post-js file
  // uses from another it declares in a `/* global */` comment.
  {
    files: ['cpp/**/*.post.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: { Module: 'readonly', stackSave: 'readonly', stackRestore: 'readonly' },
    },
    rules: house,
  },
];
