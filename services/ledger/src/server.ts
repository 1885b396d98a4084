import type { Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createServiceApp,
  jsonErrorHandler,
  listen,
  mountSubgraph,
  startJobQueue,
  type JobQueue,
  type Listening,
} from '@pay/common';
import type { LedgerConfig } from './config';
import { buildLedgerSchema } from './schema';
import { buildLedgerContext } from './context';
import { orderEventRoutes } from './modules/order-events/order-events.routes';
import { settlementMoneyRoutes } from './modules/settlement-money/settlement-money.routes';
import { clearingSignatureRoutes } from './modules/clearing/clearing-signature.routes';
import { startUnfreezeWorker, UNFREEZE_QUEUE } from './modules/balance/unfreeze.service';
import { runScheduledVerification } from './modules/verify/ledger-verify';
import { LedgerHealthCache } from './modules/verify/ledger-health';
import './modules/verify/registered-checks';
import {
  attachPostingBatcher,
  detachPostingBatcher,
  PostingBatcher,
} from './modules/posting/posting-batcher';

const VERIFY_QUEUE = 'ledger-verify';

export interface LedgerServer {
  app: Express;
  jobs: JobQueue;
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
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
    queues: [UNFREEZE_QUEUE, VERIFY_QUEUE],
  });
  const app = createServiceApp({
    ready: async () => {
      await orm.em.fork().getConnection().execute('select 1');
      return true;
    },
  });
  const ledgerHealth = new LedgerHealthCache();
  const apollo = await mountSubgraph(app, {
    schema: await buildLedgerSchema(),
    internalSecret: config.auth.internalSecret,
    buildContext: (actor, requestId) => buildLedgerContext(orm, config, actor, requestId, ledgerHealth),
  });
  app.use(orderEventRoutes(orm, config.auth.internalSecret));
  app.use(settlementMoneyRoutes(orm, config.auth.internalSecret));
  app.use(clearingSignatureRoutes(orm, config.auth.internalSecret));
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    jobs,
    async start(port = config.http.port, host = config.http.host) {
      listening = await listen(app, port, host);
      // Yesterday's income becomes withdrawable at 00:05 China time (T+1), and once at start-up.
      await startUnfreezeWorker(orm, jobs);
      // The invariant check runs on a schedule and reports drift as a metric and a log line.
      await jobs.schedule(VERIFY_QUEUE, config.verifyCron, {}, { tz: 'Asia/Shanghai' });
      await jobs.work(VERIFY_QUEUE, async () => {
        await runScheduledVerification(orm.em.fork());
      });
      return listening;
    },
    async stop() {
      await jobs.stop({ graceful: true, timeout: 5000 });
      await listening?.close();
      await apollo.stop();
      detachPostingBatcher(orm);
      await batcher.close();
    },
  };
}
