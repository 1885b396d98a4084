import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createSubgraphServer,
  ORDER_STATE_TOPIC,
  moduleQueues,
  OutboxRelay,
  startJobQueue,
  type SubgraphServer,
} from '@pay/common';
import type { OrdersConfig } from './config';
import { buildOrdersSchema } from './schema';
import { buildOrdersContext, type OrdersRuntime } from './context';
import { ordersModules } from './modules';
import { createSandboxKeys } from './modules/sandbox/sandbox-keys';
import { merchantApiClaimCheck } from './modules/merchant/merchant-api-signature';
import { merchantCredentialCache } from './modules/merchant/merchant-credentials';
import { forwardingConsumer, httpEventSink } from './modules/order/event-sink.client';
import { ORDER_TOPICS } from './modules/order/order-events';
import { notificationConsumer } from './modules/notification/notification.service';

/** `start` listens (port 0: any free port), then starts the relay and workers. */
export interface OrdersServer extends SubgraphServer {
  runtime: OrdersRuntime;
}

/**
 * Builds the orders service — subgraph, sandbox upstream, channel callbacks, relay
 * and notification worker — without listening, so tests can start it on any port.
 */
export async function createOrdersServer(options: {
  orm: MikroORM;
  config: OrdersConfig;
  databaseUrl: string;
}): Promise<OrdersServer> {
  const { orm, config } = options;
  const jobs = await startJobQueue({
    url: options.databaseUrl,
    schema: 'orders_jobs',
    queues: moduleQueues(ordersModules),
  });
  const callTimeoutMs = config.internalCallTimeoutMs ?? undefined;
  const ledger = config.ledgerUrl
    ? httpEventSink('the ledger', config.ledgerUrl, config.auth.internalSecret, callTimeoutMs)
    : null;
  const reconciliation = config.reconciliationUrl
    ? httpEventSink('reconciliation', config.reconciliationUrl, config.auth.internalSecret, callTimeoutMs)
    : null;
  const consumers = [
    notificationConsumer(jobs, config.notify),
    ...(ledger ? [forwardingConsumer('ledger', Object.values(ORDER_TOPICS), ledger)] : []),
    ...(reconciliation ? [forwardingConsumer('reconciliation', [ORDER_STATE_TOPIC], reconciliation)] : []),
  ];
  const relay = new OutboxRelay(orm, consumers, {
    intervalMs: config.outbox.intervalMs,
    retention: { hours: config.outbox.retentionHours },
  });
  // LISTEN needs a session of its own: PostgreSQL itself, not a transaction-pooling PgBouncer.
  const merchantCredentials = merchantCredentialCache(
    config.db.directUrl ?? options.databaseUrl,
    config.auth.merchantCredentialsTtlMs,
  );
  if (config.auth.merchantCredentialsTtlMs > 0) await merchantCredentials.start();
  const runtime: OrdersRuntime = {
    orm,
    config,
    jobs,
    relay,
    merchantCredentials,
    sandboxKeys: createSandboxKeys(config.sandbox),
    publicUrl: config.http.publicUrl,
    ledger,
  };
  let server: SubgraphServer;
  try {
    server = await createSubgraphServer({
      orm,
      http: config.http,
      internalSecret: config.auth.internalSecret,
      schema: await buildOrdersSchema(),
      modules: ordersModules,
      runtime,
      jobs,
      buildContext: (actor, requestId) => buildOrdersContext(runtime, actor, requestId),
      // The merchant API's signature checked with the operation it authorises (folded verdicts).
      checkClaim: merchantApiClaimCheck(orm.em, merchantCredentials, config.auth.masterKey),
      onListening: (listening, asked) => {
        if (!config.http.publicUrl || asked.port === 0) runtime.publicUrl = listening.url;
        relay.start();
      },
      // The relay still queues notification jobs: it stops first.
      beforeStop: async () => {
        await relay.stop();
        await merchantCredentials.stop();
      },
    });
  } catch (error) {
    // It does not listen yet: the credentials' session must not outlive the failure.
    await merchantCredentials.stop();
    throw error;
  }
  return { ...server, runtime };
}
