// The REST shim's GraphQL documents live beside their routes in src/rest; tsc copies
// only TypeScript, so the build copies the documents into dist/rest as well.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
cpSync(join(root, 'src', 'rest'), join(root, 'dist', 'rest'), {
  recursive: true,
  filter: (source) => !/\.[cm]?[jt]s$/.test(source),
});
