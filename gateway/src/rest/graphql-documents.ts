import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** One named operation of a REST route, as written in a `.graphql` file beside it. */
export interface RestOperation {
  name: string;
  /** The operation with every fragment it uses, ready to send. */
  source: string;
  document: DocumentNode;
  file: string;
}

/**
 * Reads every `.graphql` file below `dir` (the REST shim keeps its operations as
 * documents next to the routes that run them; the build copies them into dist). Each
 * operation must be named and a name may exist only once. Fragments are shared by the
 * whole shim (one definition, e.g. the merchant API's order item, used by several
 * routes); an operation is sent with the fragments it uses.
 */
export function loadRestOperations(dir: string): Map<string, RestOperation> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const found: { node: OperationDefinitionNode; file: string }[] = [];
  for (const file of graphqlFiles(dir)) {
    for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(definition.name.value))
          throw new Error(`${file}: fragment ${definition.name.value} is defined twice`);
        fragments.set(definition.name.value, definition);
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        found.push({ node: definition, file });
      }
    }
  }
  const operations = new Map<string, RestOperation>();
  for (const { node, file } of found) {
    const name = node.name?.value;
    if (!name) throw new Error(`${file}: every REST operation needs a name`);
    if (operations.has(name)) throw new Error(`${file}: operation ${name} is defined twice`);
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [node, ...fragmentsUsedBy(node, fragments, file)],
    };
    operations.set(name, { name, source: print(document), document, file });
  }
  return operations;
}

/** The fragments a definition spreads, transitively, each once. */
function fragmentsUsedBy(
  root: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  file: string,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [root];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: fragment ${name} is not defined in any REST document`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()];
}

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFiles(path);
    return entry.name.endsWith('.graphql') ? [path] : [];
  });
}
