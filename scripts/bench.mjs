// `npm run bench`: runs every benchmark in bench/, prints each figure as
// `name: value unit`, and ends with a one-line summary. Figures, never assertions.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const only = process.argv[2];
const summaries = [];
for (const file of readdirSync(benchDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  process.stdout.write(`# ${file}\n`);
  const { run } = await import(pathToFileURL(join(benchDir, file)).href);
  const started = Date.now();
  summaries.push(await run({ print: (line) => process.stdout.write(`${line}\n`) }));
  process.stdout.write(
    `${file.replace(/\.mjs$/, '')}_duration: ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
process.stdout.write(`summary: ${summaries.join('; ')}\n`);
