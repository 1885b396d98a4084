import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from '@pay/gateway';
import { buildOrdersSchema } from '@pay/orders';
import { buildLedgerSchema } from '@pay/ledger';
import { buildReconciliationSchema } from '@pay/reconciliation';
import { buildSettlementSchema } from '@pay/settlement';

const root = join(__dirname, '..');
const builders: Record<string, () => Promise<import('graphql').GraphQLSchema>> = {
  orders: buildOrdersSchema,
  ledger: buildLedgerSchema,
  reconciliation: buildReconciliationSchema,
  settlement: buildSettlementSchema,
};

describe('schema/ is the contract', () => {
  it('matches what the services generate and composes', async () => {
    const subgraphs = JSON.parse(readFileSync(join(root, 'schema/subgraphs.json'), 'utf8')) as {
      name: string;
      url: string;
    }[];
    const sdls = [];
    for (const subgraph of subgraphs) {
      const build = builders[subgraph.name];
      if (!build) throw new Error(`no schema builder registered in this test for subgraph ${subgraph.name}`);
      const sdl = printSubgraphSchema(await build());
      const checkedIn = readFileSync(join(root, 'schema', `${subgraph.name}.graphql`), 'utf8');
      if (sdl !== checkedIn)
        throw new Error(
          `schema/${subgraph.name}.graphql is stale: run \`npm run schema:generate\` and commit it`,
        );
      sdls.push({ ...subgraph, sdl });
    }
    const supergraph = composeSupergraph(sdls);
    const checkedIn = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
    if (supergraph !== checkedIn)
      throw new Error('schema/supergraph.graphql is stale: run `npm run schema:generate` and commit it');
    expect(supergraph).toContain('join__graph');
  });
});
