// ESLint flat config (ESLint 9+ reads only eslint.config.*). `npm run lint` = `eslint src test scripts`.
// Type-aware rules are left out on purpose: `npm run typecheck` already runs tsc in strict mode, and
// type-aware linting would double the time on a 2-core machine.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'demo/**', 'node_modules/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The project guide: no `any`, no @ts-ignore, and every disable must say why.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 10 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Money is decimal.js; a float parse of a money value is a bug. Flag the usual suspects.
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money is decimal.js: use parseMoney / new Decimal, never a float.' }],
      'no-restricted-properties': ['error', { object: 'Number', property: 'parseFloat', message: 'Money is decimal.js: use parseMoney / new Decimal, never a float.' }],
    },
  },
  {
    // Product code reports problems as findings or OpResult messages, never by logging them away.
    // (Scripts, benches and the CLI print their results; they are exempt.)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  {
    // Plain CommonJS config files run by node/webpack-cli.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
