import type { MikroORM } from '@mikro-orm/postgresql';
import { createSubgraphServer, moduleQueues, startJobQueue, type SubgraphServer } from '@pay/common';
import type { ReconciliationConfig } from './config';
import { buildReconciliationSchema } from './schema';
import { buildReconciliationContext, type ReconciliationRuntime } from './context';
import { reconciliationModules } from './modules';

export interface ReconciliationServer extends SubgraphServer {
  runtime: ReconciliationRuntime;
}

/** Builds the reconciliation service — subgraph, order-state intake, jobs — without listening. */
export async function createReconciliationServer(options: {
  orm: MikroORM;
  config: ReconciliationConfig;
  databaseUrl: string;
}): Promise<ReconciliationServer> {
  const { orm, config } = options;
  const jobs = await startJobQueue({
    url: options.databaseUrl,
    schema: 'reconciliation_jobs',
    queues: moduleQueues(reconciliationModules),
  });
  const runtime: ReconciliationRuntime = { orm, config, jobs };
  const server = await createSubgraphServer({
    orm,
    http: config.http,
    internalSecret: config.auth.internalSecret,
    schema: await buildReconciliationSchema(),
    modules: reconciliationModules,
    runtime,
    jobs,
    buildContext: (actor, requestId) => buildReconciliationContext(runtime, actor, requestId),
  });
  return { ...server, runtime };
}
