// Shared jest settings for every workspace: SWC keeps decorator metadata (unlike
// esbuild), @pay/common resolves to its TypeScript sources, and one PostgreSQL
// (embedded unless DATABASE_URL is set) serves the whole run. Only @pay/common: a
// service's tests meet other services as processes (common's testkit), never as code;
// the cross-service suite (test/) maps the rest itself.
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
  },
  globalSetup: path.join(root, 'scripts/jest-global-setup.mjs'),
  globalTeardown: path.join(root, 'scripts/jest-global-teardown.mjs'),
  testTimeout: 60000,
  maxWorkers: 2,
};
