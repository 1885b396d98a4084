import { createTestDatabase, openDatabase, postGraphQL, signJwt, TEST_ACTORS, type Actor } from '@pay/common';
import {
  buildStandardWorld,
  createOrdersServer,
  ordersEntities,
  ordersMigrations,
  testOrdersConfig,
  type OrdersServer,
} from '@pay/orders';
import { createGatewayServer, loadGatewayConfig, type GatewayServer } from '@pay/gateway';
import {
  createReconciliationServer,
  reconciliationEntities,
  reconciliationMigrations,
  testReconciliationConfig,
  type ReconciliationServer,
} from '@pay/reconciliation';
import {
  createLedgerServer,
  ledgerEntities,
  ledgerMigrations,
  testLedgerConfig,
  type LedgerServer,
} from '@pay/ledger';
import type { MikroORM } from '@mikro-orm/postgresql';

export const ACTORS = TEST_ACTORS;

export interface Platform {
  gatewayUrl: string;
  ordersUrl: string;
  orm: MikroORM;
  orders: OrdersServer;
  ledger: LedgerServer;
  ledgerOrm: MikroORM;
  reconciliation: ReconciliationServer;
  reconciliationOrm: MikroORM;
  /** Stops the ledger (to test catching up); `startLedger` brings it back on the same port. */
  stopLedger: () => Promise<void>;
  startLedger: () => Promise<void>;
  gateway: GatewayServer;
  token: (actor: Actor) => string;
  /** A GraphQL call through the gateway as `actor` (null: no token). */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor | null,
  ) => ReturnType<typeof postGraphQL<T>>;
  close: () => Promise<void>;
}

/** Every service and the gateway, for real, on free ports, over a fresh database. */
export async function startPlatform(): Promise<Platform> {
  const db = await createTestDatabase();
  const orm = await openDatabase({
    url: db.url,
    schema: 'orders',
    entities: ordersEntities,
    migrations: ordersMigrations,
  });
  await buildStandardWorld(orm.em.fork());
  const ledgerOrm = await openDatabase({
    url: db.url,
    schema: 'ledger',
    entities: ledgerEntities,
    migrations: ledgerMigrations,
  });
  const ledgerConfig = testLedgerConfig();
  let ledger = await createLedgerServer({ orm: ledgerOrm, config: ledgerConfig, databaseUrl: db.url });
  const ledgerPort = (await ledger.start(0)).port;
  const ledgerUrl = `http://127.0.0.1:${ledgerPort}`;
  const reconciliationOrm = await openDatabase({
    url: db.url,
    schema: 'reconciliation',
    entities: reconciliationEntities,
    migrations: reconciliationMigrations,
  });
  const reconciliationConfig = testReconciliationConfig();
  const reconciliation = await createReconciliationServer({
    orm: reconciliationOrm,
    config: reconciliationConfig,
    databaseUrl: db.url,
  });
  const reconciliationUrl = (await reconciliation.start(0)).url;
  const ordersConfig = testOrdersConfig({
    notify: { scheduleSeconds: [0.3, 0.3, 0.3], timeoutMs: 2000 },
    outbox: { intervalMs: 100 },
    ledgerUrl,
    reconciliationUrl,
  });
  const orders = await createOrdersServer({ orm, config: ordersConfig, databaseUrl: db.url });
  const ordersListening = await orders.start(0);
  // The ledger asks the orders service to check withdrawals' TOTP codes (read per request).
  ledgerConfig.ordersUrl = ordersListening.url;
  reconciliationConfig.ordersUrl = ordersListening.url;
  const gatewayConfig = loadGatewayConfig({
    NODE_ENV: 'test',
    ORDERS_URL: `${ordersListening.url}/graphql`,
    LEDGER_URL: `${ledgerUrl}/graphql`,
    RECONCILIATION_URL: `${reconciliationUrl}/graphql`,
  });
  const gateway = await createGatewayServer(gatewayConfig);
  const gatewayListening = await gateway.start(0);
  const gatewayUrl = `${gatewayListening.url}/graphql`;
  const token = (actor: Actor) =>
    signJwt(actor, { secret: gatewayConfig.auth.jwtSecret, issuer: gatewayConfig.auth.jwtIssuer });
  return {
    gatewayUrl,
    ordersUrl: `${ordersListening.url}/graphql`,
    orm,
    orders,
    get ledger() {
      return ledger;
    },
    ledgerOrm,
    reconciliation,
    reconciliationOrm,
    stopLedger: () => ledger.stop(),
    startLedger: async () => {
      ledger = await createLedgerServer({ orm: ledgerOrm, config: ledgerConfig, databaseUrl: db.url });
      await ledger.start(ledgerPort);
    },
    gateway,
    token,
    gql: (query, variables = {}, actor = ACTORS.operator) =>
      postGraphQL(gatewayUrl, query, variables, actor ? { authorization: `Bearer ${token(actor)}` } : {}),
    close: async () => {
      await gateway.stop();
      await orders.stop();
      await ledger.stop();
      await reconciliation.stop();
      await ledgerOrm.close(true);
      await reconciliationOrm.close(true);
      await orm.close(true);
      await db.drop();
    },
  };
}
