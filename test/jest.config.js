const path = require('node:path');
const preset = require('../jest.preset.js');

const root = path.join(__dirname, '..');

// The cross-service suite imports every workspace, each from its TypeScript sources.
module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testMatch: ['**/*.e2e.ts'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@pay/orders$': path.join(root, 'services/orders/src/index-lib.ts'),
    '^@pay/gateway$': path.join(root, 'gateway/src/index-lib.ts'),
    '^@pay/ledger$': path.join(root, 'services/ledger/src/index-lib.ts'),
    '^@pay/reconciliation$': path.join(root, 'services/reconciliation/src/index-lib.ts'),
    '^@pay/settlement$': path.join(root, 'services/settlement/src/index-lib.ts'),
    '^@pay/demo$': path.join(root, 'demo/src/index.ts'),
  },
};
