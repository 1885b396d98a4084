// Shared jest settings for every workspace: SWC keeps decorator metadata (unlike
// esbuild), workspace packages resolve to their TypeScript sources, and one
// PostgreSQL (embedded unless DATABASE_URL is set) serves the whole run.
const path = require('node:path');
const fs = require('node:fs');

const root = __dirname;
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@pay/common$': path.join(root, 'services/common/src/index.ts'),
    '^@pay/common/testkit$': path.join(root, 'services/common/src/testkit/index.ts'),
    '^@pay/orders$': path.join(root, 'services/orders/src/index-lib.ts'),
    '^@pay/gateway$': path.join(root, 'gateway/src/index-lib.ts'),
    '^@pay/ledger$': path.join(root, 'services/ledger/src/index-lib.ts'),
    '^@pay/reconciliation$': path.join(root, 'services/reconciliation/src/index-lib.ts'),
    '^@pay/settlement$': path.join(root, 'services/settlement/src/index-lib.ts'),
    '^@pay/demo$': path.join(root, 'demo/src/index.ts'),
  },
  globalSetup: path.join(root, 'scripts/jest-global-setup.mjs'),
  globalTeardown: path.join(root, 'scripts/jest-global-teardown.mjs'),
  testTimeout: 60000,
  maxWorkers: 2,
};
