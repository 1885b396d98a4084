// Regenerates schema/<subgraph>.graphql and schema/supergraph.graphql from the built
// services; with --check, fails (exit 1) when the checked-in files are stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { printSubgraphSchema } = require('@apollo/subgraph');
const { composeSupergraph } = require(join(root, 'gateway/dist/index-lib.js'));

const check = process.argv.includes('--check');
const subgraphs = JSON.parse(readFileSync(join(root, 'schema/subgraphs.json'), 'utf8'));
const files = {};
const sdls = [];
for (const subgraph of subgraphs) {
  const mod = require(join(root, subgraph.module));
  const sdl = printSubgraphSchema(await mod[subgraph.build]());
  files[`${subgraph.name}.graphql`] = sdl;
  sdls.push({ name: subgraph.name, url: subgraph.url, sdl });
}
files['supergraph.graphql'] = composeSupergraph(sdls);

let stale = [];
for (const [name, content] of Object.entries(files)) {
  const path = join(root, 'schema', name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === content) continue;
  if (check) stale.push(name);
  else {
    writeFileSync(path, content);
    console.log(`wrote schema/${name}`);
  }
}
if (check && stale.length) {
  console.error(
    `schema/ is stale (${stale.join(', ')}): run \`npm run schema:generate\` and commit the result`,
  );
  process.exit(1);
}
console.log(check ? 'schema/ is up to date' : 'schema/ regenerated');
