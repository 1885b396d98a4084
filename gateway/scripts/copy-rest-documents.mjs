// The REST shim's GraphQL documents live beside their routes in src/rest; tsc copies
// only TypeScript, so the build copies the documents into dist/rest as well. Documents
// left in dist by an earlier build are removed first: a moved or deleted document must
// not stay loadable (operation names are unique across the shim).
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'rest');

function removeDocuments(dir) {
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeDocuments(path);
    else if (entry.name.endsWith('.graphql')) rmSync(path);
  }
}

removeDocuments(target);
cpSync(join(root, 'src', 'rest'), target, {
  recursive: true,
  filter: (source) => !/\.[cm]?[jt]s$/.test(source),
});
