import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type DocumentNode } from 'graphql';

/** One named operation of a REST route, as written in a `.graphql` file beside it. */
export interface RestOperation {
  name: string;
  /** The file's whole text (fragments it defines are shared by its operations). */
  source: string;
  document: DocumentNode;
  file: string;
}

/**
 * Reads every `.graphql` file below `dir` (the REST shim keeps its operations as
 * documents next to the routes that run them; the build copies them into dist). Each
 * operation must be named, and a name may exist only once.
 */
export function loadRestOperations(dir: string): Map<string, RestOperation> {
  const operations = new Map<string, RestOperation>();
  for (const file of graphqlFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    const document = parse(source);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = definition.name?.value;
      if (!name) throw new Error(`${file}: every REST operation needs a name`);
      if (operations.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
      operations.set(name, { name, source, document, file });
    }
  }
  return operations;
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}
