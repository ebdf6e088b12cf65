// Lint: typescript-eslint's recommended rules, plus the project's architecture and safety rules.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'public/index/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nothing from a page or a feed becomes markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never markup (SECURITY.md).' },
        { property: 'outerHTML', message: 'Render text, never markup (SECURITY.md).' },
        { property: 'insertAdjacentHTML', message: 'Render text, never markup (SECURITY.md).' },
        { property: 'setHTMLUnsafe', message: 'Render text, never markup (SECURITY.md).' },
        { property: 'createContextualFragment', message: 'Render text, never markup (SECURITY.md).' },
        { object: 'document', property: 'write', message: 'Render text, never markup (SECURITY.md).' },
        { object: 'document', property: 'writeln', message: 'Render text, never markup (SECURITY.md).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never markup (SECURITY.md).' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // core/ is the pure engine: it runs in Node and in every context, so no browser glue.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports'], message: 'core/ is pure: no WXT.' },
            { group: ['idb', 'webextension-polyfill', 'preact', 'preact/*'], message: 'core/ is pure: no browser glue or UI.' },
            { group: ['../utils/*', '../entrypoints/*', '../components/*', '../../utils/*', '../../entrypoints/*', '../../components/*'], message: 'core/ depends on nothing outside core/.' },
            { group: ['node:*', 'fs', 'path'], message: 'core/ runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'core/ is pure.' },
        { name: 'chrome', message: 'core/ is pure.' },
        { name: 'document', message: 'core/ is pure: no DOM.' },
        { name: 'window', message: 'core/ is pure: no DOM.' },
        { name: 'indexedDB', message: 'core/ is pure.' },
        { name: 'fetch', message: 'core/ is pure: no network.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/ has no clock: pass `now` in.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'core/ has no clock: pass `now` in.' },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'core/ has no clock.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'tests/**/*.{ts,tsx}', '*.config.ts', '*.config.js'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
