import type { Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createServiceApp,
  jsonErrorHandler,
  listen,
  mountSubgraph,
  startJobQueue,
  type Listening,
} from '@pay/common';
import type { ReconciliationConfig } from './config';
import { buildReconciliationSchema } from './schema';
import { buildReconciliationContext, type ReconciliationRuntime } from './context';
import { orderEventRoutes } from './modules/payment/order-events.routes';
import { AUTO_RECONCILE_QUEUE, startAutoReconcileWorker } from './modules/run/auto-reconcile.job';
import { statementUploadRoutes } from './modules/statement/statement-upload.routes';
import {
  StatementStore,
  statementDirOf,
  STATEMENT_UPLOAD_MAX_BYTES,
} from './modules/statement/statement-store';

/** Job queues this service works; modules add theirs here. */
export const RECONCILIATION_QUEUES: string[] = [AUTO_RECONCILE_QUEUE];

export interface ReconciliationServer {
  app: Express;
  runtime: ReconciliationRuntime;
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
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
    queues: RECONCILIATION_QUEUES,
  });
  const runtime: ReconciliationRuntime = { orm, config, jobs };
  const app = createServiceApp({
    ready: async () => {
      await orm.em.fork().getConnection().execute('select 1');
      return true;
    },
  });
  const apollo = await mountSubgraph(app, {
    schema: await buildReconciliationSchema(),
    internalSecret: config.auth.internalSecret,
    buildContext: (actor, requestId) => buildReconciliationContext(runtime, actor, requestId),
  });
  app.use(orderEventRoutes(orm, config.auth.internalSecret));
  app.use(
    statementUploadRoutes(orm, new StatementStore(statementDirOf(config)), {
      internalSecret: config.auth.internalSecret,
      maxBytes: STATEMENT_UPLOAD_MAX_BYTES,
    }),
  );
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    runtime,
    async start(port = config.http.port, host = config.http.host) {
      listening = await listen(app, port, host);
      // The daily automatic reconciliation (config.autoReconcileCron, China time).
      await startAutoReconcileWorker(runtime);
      return listening;
    },
    async stop() {
      await jobs.stop({ graceful: true, timeout: 5000 });
      await listening?.close();
      await apollo.stop();
    },
  };
}
