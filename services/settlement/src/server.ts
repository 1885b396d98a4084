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
import type { SettlementConfig } from './config';
import { buildSettlementSchema } from './schema';
import { buildSettlementContext, type SettlementRuntime } from './context';
import { settlementModule } from './modules/settlement';
import { billingModule } from './modules/billing';
import { createLedgerClient } from './modules/ledger/http-ledger.client';
import { VoucherStore } from './modules/voucher/voucher-store';
import { voucherDirOf } from './modules/voucher/voucher-dir';

const modules = [settlementModule, billingModule];

export interface SettlementServer {
  app: Express;
  runtime: SettlementRuntime;
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
}

/** Builds the settlement service — subgraph, voucher uploads, Alipay notifications, jobs — without listening. */
export async function createSettlementServer(options: {
  orm: MikroORM;
  config: SettlementConfig;
  databaseUrl: string;
}): Promise<SettlementServer> {
  const { orm, config } = options;
  const jobs = await startJobQueue({
    url: options.databaseUrl,
    schema: 'settlement_jobs',
    queues: modules.flatMap((m) => m.queues),
  });
  const runtime: SettlementRuntime = {
    orm,
    config,
    jobs,
    ledger: createLedgerClient({
      ledgerUrl: config.ledgerUrl,
      internalSecret: config.auth.internalSecret,
      timeoutMs: config.internalCallTimeoutMs ?? undefined,
    }),
    vouchers: new VoucherStore(voucherDirOf(config)),
  };
  const app = createServiceApp({
    ready: async () => {
      await orm.em.fork().getConnection().execute('select 1');
      return true;
    },
  });
  const apollo = await mountSubgraph(app, {
    schema: await buildSettlementSchema(),
    internalSecret: config.auth.internalSecret,
    buildContext: (actor, requestId) => buildSettlementContext(runtime, actor, requestId),
  });
  for (const m of modules) if (m.routes) app.use(m.routes(runtime));
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    runtime,
    async start(port = config.http.port, host = config.http.host) {
      listening = await listen(app, port, host);
      for (const m of modules) await m.startWorkers?.(runtime);
      return listening;
    },
    async stop() {
      await jobs.stop({ graceful: true, timeout: 5000 });
      await listening?.close();
      await apollo.stop();
    },
  };
}
