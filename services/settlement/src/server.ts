import type { MikroORM } from '@mikro-orm/postgresql';
import { createSubgraphServer, moduleQueues, startJobQueue, type SubgraphServer } from '@pay/common';
import type { SettlementConfig } from './config';
import { buildSettlementSchema } from './schema';
import { buildSettlementContext, type SettlementRuntime } from './context';
import { settlementModules } from './modules';
import { createLedgerClient } from './modules/ledger/http-ledger.client';
import { VoucherStore } from './modules/voucher/voucher-store';
import { voucherDirOf } from './modules/voucher/voucher-dir';

export interface SettlementServer extends SubgraphServer {
  runtime: SettlementRuntime;
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
    queues: moduleQueues(settlementModules),
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
  const server = await createSubgraphServer({
    orm,
    http: config.http,
    internalSecret: config.auth.internalSecret,
    schema: await buildSettlementSchema(),
    modules: settlementModules,
    runtime,
    jobs,
    buildContext: (actor, requestId) => buildSettlementContext(runtime, actor, requestId),
  });
  return { ...server, runtime };
}
