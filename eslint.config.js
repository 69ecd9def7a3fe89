// ESLint flat config: the web front end and the browser tests are ES modules; the embind glue is a
// script that runs inside emscripten's module factory (Module is in scope there).
export default [
  {
    ignores: ['dist/**', 'build/**', 'node_modules/**'],
  },
  {
    files: ['web/**/*.js', 'tests/web/**/*.mjs', 'build-scripts/**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        ImageData: 'readonly',
        matchMedia: 'readonly',
        location: 'readonly',
        history: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        HTMLElement: 'readonly',
        customElements: 'readonly',
        ResizeObserver: 'readonly',
        IntersectionObserver: 'readonly',
        CSSStyleSheet: 'readonly',
        getComputedStyle: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        devicePixelRatio: 'readonly',
        addEventListener: 'readonly',
        removeEventListener: 'readonly',
      },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-undef': 'error',
      'prefer-const': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['cpp/bindings/api.post.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: {
        Module: 'readonly',
        ArrayBuffer: 'readonly',
        DataView: 'readonly',
        Uint8ClampedArray: 'readonly',
      },
    },
    rules: { 'no-unused-vars': 'error', 'no-undef': 'error' },
  },
];
