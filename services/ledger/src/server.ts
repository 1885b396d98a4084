import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createSubgraphServer,
  moduleQueues,
  startJobQueue,
  type JobQueue,
  type SubgraphServer,
} from '@pay/common';
import type { LedgerConfig } from './config';
import { buildLedgerSchema } from './schema';
import { buildLedgerContext, type LedgerRuntime } from './context';
import { ledgerModules } from './modules';
import { LedgerHealthCache } from './modules/verify/ledger-health';
import {
  attachPostingBatcher,
  detachPostingBatcher,
  PostingBatcher,
} from './modules/posting/posting-batcher';

export interface LedgerServer extends SubgraphServer {
  jobs: JobQueue;
}

/**
 * Builds the ledger service — subgraph, internal order-event and settlement-money
 * endpoints, scheduled jobs — without listening.
 */
export async function createLedgerServer(options: {
  orm: MikroORM;
  config: LedgerConfig;
  databaseUrl: string;
}): Promise<LedgerServer> {
  const { orm, config } = options;
  // Postings outside a transaction (order events, adjustments, settlement money) are
  // group-committed on a plain pg pool of their own.
  const batcher = new PostingBatcher({ url: options.databaseUrl });
  attachPostingBatcher(orm, batcher);
  const jobs = await startJobQueue({
    url: options.databaseUrl,
    schema: 'ledger_jobs',
    queues: moduleQueues(ledgerModules),
  });
  const runtime: LedgerRuntime = { orm, config, jobs, ledgerHealth: new LedgerHealthCache() };
  const server = await createSubgraphServer({
    orm,
    http: config.http,
    internalSecret: config.auth.internalSecret,
    schema: await buildLedgerSchema(),
    modules: ledgerModules,
    runtime,
    jobs,
    buildContext: (actor, requestId) => buildLedgerContext(runtime, actor, requestId),
    onStop: async () => {
      detachPostingBatcher(orm);
      await batcher.close();
    },
  });
  return { ...server, jobs };
}
