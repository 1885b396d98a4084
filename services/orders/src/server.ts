import type { Express } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createServiceApp,
  jsonErrorHandler,
  listen,
  mountSubgraph,
  OutboxRelay,
  startJobQueue,
  type Listening,
} from '@pay/common';
import type { OrdersConfig } from './config';
import type { OrdersRuntime } from './runtime';
import { buildOrdersSchema } from './schema';
import { buildOrdersContext } from './context';
import { createSandboxKeys } from './modules/sandbox/sandbox-keys';
import { sandboxRoutes } from './modules/sandbox/sandbox.routes';
import { callbackRoutes } from './modules/upstream/callback.routes';
import { merchantSecurityRoutes } from './modules/merchant/merchant-security.routes';
import { merchantApiSignatureRoutes } from './modules/merchant/merchant-api-signature.routes';
import { openApiSignatureRoutes } from './modules/open-api/open-api-signature.routes';
import { forwardingConsumer, httpEventSink } from './modules/order/event-sink';
import { ORDER_STATE_TOPIC, ORDER_TOPICS } from './modules/order/order-events';
import {
  NOTIFY_QUEUE,
  notificationConsumer,
  startNotificationWorker,
} from './modules/notification/notification.service';

export interface OrdersServer {
  app: Express;
  runtime: OrdersRuntime;
  /** Listens (port 0: any free port), then starts the relay and workers. */
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
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
    queues: [NOTIFY_QUEUE],
  });
  const callTimeoutMs = config.internalCallTimeoutMs ?? undefined;
  const ledger = config.ledgerUrl
    ? httpEventSink(config.ledgerUrl, config.auth.internalSecret, callTimeoutMs)
    : null;
  const reconciliation = config.reconciliationUrl
    ? httpEventSink(config.reconciliationUrl, config.auth.internalSecret, callTimeoutMs)
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
  const runtime: OrdersRuntime = {
    orm,
    config,
    jobs,
    relay,
    sandboxKeys: createSandboxKeys(config.sandbox),
    publicUrl: config.http.publicUrl,
    ledger,
  };
  const app = createServiceApp({
    ready: async () => {
      await orm.em.fork().getConnection().execute('select 1');
      return true;
    },
  });
  const schema = await buildOrdersSchema();
  const apollo = await mountSubgraph(app, {
    schema,
    internalSecret: config.auth.internalSecret,
    buildContext: (actor, requestId) => buildOrdersContext(orm, runtime, actor, requestId),
  });
  app.use(sandboxRoutes(runtime));
  app.use(callbackRoutes(runtime));
  app.use(merchantSecurityRoutes(orm, config.auth.internalSecret));
  app.use(merchantApiSignatureRoutes(orm, config.auth.internalSecret, config.auth.masterKey));
  app.use(openApiSignatureRoutes(orm, config.auth.internalSecret));
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    runtime,
    async start(port = config.http.port, host = config.http.host) {
      listening = await listen(app, port, host);
      if (!config.http.publicUrl || port === 0) runtime.publicUrl = listening.url;
      relay.start();
      await startNotificationWorker(orm, jobs, config.notify);
      return listening;
    },
    async stop() {
      await relay.stop();
      await jobs.stop({ graceful: true, timeout: 5000 });
      await listening?.close();
      await apollo.stop();
    },
  };
}
