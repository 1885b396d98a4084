// Lint settings for every workspace (ESLint 9 flat config). TypeScript gets the
// typescript-eslint recommended rules; the plain JavaScript config and script files
// (jest configs, scripts/*.mjs) get the core JavaScript rules only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Declared by hand rather than through the `globals` package, which is only a
// transitive dependency here.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  AbortController: 'readonly',
  AbortSignal: 'readonly',
  fetch: 'readonly',
  globalThis: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  setImmediate: 'readonly',
  clearImmediate: 'readonly',
  structuredClone: 'readonly',
  queueMicrotask: 'readonly',
  performance: 'readonly',
  crypto: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
};

const commonJsGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
};

// Import boundaries: a service talks to another only through its public contract (the
// graph over HTTP), so a service's files may import @pay/common and nothing else of ours,
// neither by package name nor by a relative path that climbs into another workspace.
const workspaces = ['common', 'orders', 'ledger', 'reconciliation', 'settlement', 'gateway', 'demo'];
function onlyCommon(self, allowed = []) {
  const others = workspaces.filter((name) => name !== 'common' && name !== self && !allowed.includes(name));
  const message = 'A service imports only @pay/common; reach another service through its graph API.';
  return [
    'error',
    {
      paths: others.map((name) => ({ name: `@pay/${name}`, message })),
      patterns: [
        { group: others.map((name) => `@pay/${name}/**`), message },
        {
          regex: `^(\\.\\./)+(services/)?(${workspaces.filter((name) => name !== self).join('|')})/(src|dist|esm|test)(/|$)`,
          message: 'Do not climb into another workspace by a relative path; import @pay/common.',
        },
      ],
    },
  ];
}

// Leading underscore marks a parameter or binding that is unused on purpose (express
// error handlers, destructuring to omit a field).
const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      '.turbo/**',
      '**/.turbo/**',
      'coverage/**',
      'schema/**',
      'console/src/graphql/generated.ts',
      'gateway/src/rest/generated.ts',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-unused-vars': unusedVars },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, ...commonJsGlobals },
    },
    rules: { 'no-unused-vars': unusedVars },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  // Type-aware rules for every workspace. `project` (not `projectService`): the project
  // service only finds files named tsconfig.json, and those exclude the specs, which live in
  // each workspace's tsconfig.test.json.
  {
    files: [
      'services/**/*.ts',
      'gateway/**/*.ts',
      'demo/**/*.ts',
      'test/**/*.ts',
      'console/**/*.ts',
      'console/**/*.tsx',
    ],
    languageOptions: {
      parserOptions: {
        project: [
          './services/*/tsconfig.test.json',
          './gateway/tsconfig.test.json',
          './services/*/tsconfig.json',
          './gateway/tsconfig.json',
          './demo/tsconfig.json',
          './test/tsconfig.json',
          './console/tsconfig.json',
          './console/tsconfig.test.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...['common', 'orders', 'ledger', 'reconciliation', 'settlement'].map((name) => ({
    files: [`services/${name}/**/*.ts`],
    rules: { 'no-restricted-imports': onlyCommon(name) },
  })),
  { files: ['gateway/**/*.ts'], rules: { 'no-restricted-imports': onlyCommon('gateway') } },
  { files: ['demo/**/*.ts'], rules: { 'no-restricted-imports': onlyCommon('demo') } },
);
