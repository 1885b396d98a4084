const preset = require('../jest.preset.js');

module.exports = { ...preset, rootDir: __dirname, roots: ['<rootDir>'], testMatch: ['**/*.e2e.ts'] };
