import {
  applyServiceRoles,
  createTestDatabase,
  openDatabase,
  SERVICE_NAMES,
  serviceRoleName,
  type ServiceName,
  withDatabase,
  postGraphQL,
  signJwt,
  startMetricsServer,
  TEST_ACTORS,
  type Actor,
} from '@pay/common';
import {
  buildStandardWorld,
  createOrdersServer,
  DEMO_DAYS_AGO,
  seedDemoData,
  ordersEntities,
  ordersMigrations,
  testOrdersConfig,
  type OrdersServer,
} from '@pay/orders';
import { createGatewayServer, loadGatewayConfig, type GatewayConfig, type GatewayServer } from '@pay/gateway';
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
  seedClearingDemo,
  ledgerMigrations,
  testLedgerConfig,
  type LedgerServer,
} from '@pay/ledger';
import {
  createSettlementServer,
  seedSettlementDemo,
  settlementEntities,
  settlementMigrations,
  testSettlementConfig,
  type SettlementServer,
} from '@pay/settlement';
import { seedDemoWorld, startDemoMerchantReceiver, type DemoWorld } from '@pay/demo';
import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

export const ACTORS = TEST_ACTORS;

export interface Platform {
  gatewayUrl: string;
  ordersUrl: string;
  /** Each service's database URL (its own role's with `serviceRoles`). */
  databaseUrls: Record<ServiceName, string>;
  orm: MikroORM;
  orders: OrdersServer;
  ledger: LedgerServer;
  ledgerOrm: MikroORM;
  reconciliation: ReconciliationServer;
  reconciliationOrm: MikroORM;
  /** Stops the ledger (to test catching up); `startLedger` brings it back on the same port. */
  stopLedger: () => Promise<void>;
  startLedger: () => Promise<void>;
  settlement: SettlementServer;
  settlementOrm: MikroORM;
  settlementUrl: string;
  /** The Alipay app id of recharge links (the sandbox pays them and signs the notifications). */
  alipayAppId: string;
  gateway: GatewayServer;
  /** The gateway's configuration (e.g. for a second gateway replica over the same database). */
  gatewayConfig: GatewayConfig;
  /** What the demo world made (`world: 'demo'` only). */
  demoWorld: DemoWorld | null;
  token: (actor: Actor) => string;
  /** A GraphQL call through the gateway as `actor` (null: no token). */
  gql: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: Actor | null,
  ) => ReturnType<typeof postGraphQL<T>>;
  close: () => Promise<void>;
}

/** What a test platform starts from. */
export interface PlatformOptions {
  /**
   * `standard` (default): the small world of `buildStandardWorld`. `demo`: the world
   * `npm start` seeds — the demo days replayed through the orders service and the rest of
   * the loop driven through the gateway (see `demo/`); `demoWorld` tells what it made.
   */
  world?: 'standard' | 'demo';
  /** More gateway environment for `loadGatewayConfig` (for example the OIDC_* variables). */
  gatewayEnv?: Record<string, string>;
  /**
   * Each service (and the gateway) connects with its own database role owning only its
   * schemas, as in production (`applyServiceRoles`); default: one user for everything.
   */
  serviceRoles?: boolean;
}

/** Every service and the gateway, for real, on free ports, over a fresh database. */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const demoWorld = options.world === 'demo';
  const db = await createTestDatabase();
  const databaseName = new URL(db.url).pathname.slice(1);
  // Roles are cluster-wide: prefixed with the database's name, dropped with it.
  const rolePrefix = `${databaseName}_`;
  const urls: Record<ServiceName, string> = options.serviceRoles
    ? await applyServiceRoles(
        db.url,
        Object.fromEntries(SERVICE_NAMES.map((s) => [s, `${s}-password-${databaseName}`])) as Record<
          ServiceName,
          string
        >,
        rolePrefix,
      )
    : (Object.fromEntries(SERVICE_NAMES.map((s) => [s, db.url])) as Record<ServiceName, string>);
  const orm = await openDatabase({
    url: urls.orders,
    schema: 'orders',
    entities: ordersEntities,
    migrations: ordersMigrations,
  });
  if (!demoWorld) await buildStandardWorld(orm.em.fork());
  const ledgerOrm = await openDatabase({
    url: urls.ledger,
    schema: 'ledger',
    entities: ledgerEntities,
    migrations: ledgerMigrations,
  });
  if (demoWorld) await seedClearingDemo(ledgerOrm.em.fork());
  const ledgerConfig = testLedgerConfig();
  let ledger = await createLedgerServer({ orm: ledgerOrm, config: ledgerConfig, databaseUrl: urls.ledger });
  const ledgerPort = (await ledger.start(0)).port;
  const ledgerUrl = `http://127.0.0.1:${ledgerPort}`;
  const reconciliationOrm = await openDatabase({
    url: urls.reconciliation,
    schema: 'reconciliation',
    entities: reconciliationEntities,
    migrations: reconciliationMigrations,
  });
  const reconciliationConfig = testReconciliationConfig();
  const reconciliation = await createReconciliationServer({
    orm: reconciliationOrm,
    config: reconciliationConfig,
    databaseUrl: urls.reconciliation,
  });
  const reconciliationUrl = (await reconciliation.start(0)).url;
  // Recharge links: the settlement service signs them with the app key; the orders sandbox
  // plays Alipay, checks them with the app's public key and signs notifications with its own.
  const appKeys = rsaKeyPair();
  const alipayKeys = rsaKeyPair();
  const alipayAppId = '2021000000000001';
  const baseOrdersConfig = testOrdersConfig();
  const ordersConfig = testOrdersConfig({
    notify: { ...baseOrdersConfig.notify, scheduleSeconds: [0.3, 0.3, 0.3], timeoutMs: 2000 },
    outbox: { ...testOrdersConfig().outbox, intervalMs: 100 },
    ledgerUrl,
    reconciliationUrl,
    sandbox: {
      ...baseOrdersConfig.sandbox,
      alipayPrivateKeyPem: alipayKeys.privateKey,
      alipayAppPublicKeyPem: appKeys.publicKey,
    },
  });
  const orders = await createOrdersServer({ orm, config: ordersConfig, databaseUrl: urls.orders });
  const ordersListening = await orders.start(0);
  const receiver = demoWorld ? await startDemoMerchantReceiver(0) : null;
  if (receiver)
    await seedDemoData(orm.em.fork(), { keys: orders.runtime.sandboxKeys, notifyUrl: receiver.url });
  // The ledger asks the orders service to check withdrawals' TOTP codes (read per request).
  ledgerConfig.ordersUrl = ordersListening.url;
  reconciliationConfig.ordersUrl = ordersListening.url;
  const settlementOrm = await openDatabase({
    url: urls.settlement,
    schema: 'settlement',
    entities: settlementEntities,
    migrations: settlementMigrations,
  });
  // The notify URL needs the port: listen first, then point the Alipay config at it.
  if (demoWorld) await seedSettlementDemo(settlementOrm.em.fork());
  const settlementConfig = testSettlementConfig({ ledgerUrl });
  const settlement = await createSettlementServer({
    orm: settlementOrm,
    config: settlementConfig,
    databaseUrl: urls.settlement,
  });
  const settlementUrl = (await settlement.start(0)).url;
  settlementConfig.alipay = {
    appId: alipayAppId,
    privateKeyPem: appKeys.privateKey,
    alipayPublicKeyPem: alipayKeys.publicKey,
    gatewayUrl: `${ordersListening.url}/sandbox/alipay/gateway.do`,
    notifyUrl: `${settlementUrl}/notify/alipay/wallet-recharge`,
  };
  const gatewayConfig = loadGatewayConfig({
    NODE_ENV: 'test',
    // The gateway's rate limits count in this database (schema `gateway`), as in production.
    DATABASE_URL: urls.gateway,
    ORDERS_URL: `${ordersListening.url}/graphql`,
    LEDGER_URL: `${ledgerUrl}/graphql`,
    RECONCILIATION_URL: `${reconciliationUrl}/graphql`,
    SETTLEMENT_URL: `${settlementUrl}/graphql`,
    ...options.gatewayEnv,
  });
  const gateway = await createGatewayServer(gatewayConfig);
  const gatewayListening = await gateway.start(0);
  const gatewayUrl = `${gatewayListening.url}/graphql`;
  const token = (actor: Actor) =>
    signJwt(actor, { secret: gatewayConfig.auth.jwtSecret, issuer: gatewayConfig.auth.jwtIssuer });
  // The demo waits for the orders outbox on /metrics: in-process, one listener serves every service's.
  const metrics = demoWorld ? await startMetricsServer({ port: 0, host: '127.0.0.1' }) : null;
  const world = demoWorld
    ? await seedDemoWorld({
        platform: {
          gatewayUrl: gatewayListening.url,
          ordersUrl: ordersListening.url,
          ordersMetricsUrl: `${metrics?.url}/metrics`,
          token,
        },
        daysAgo: DEMO_DAYS_AGO,
        merchantId: 2024164,
        otherMerchantId: 2023100,
      })
    : null;
  return {
    demoWorld: world,
    gatewayUrl,
    databaseUrls: urls,
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
      ledger = await createLedgerServer({ orm: ledgerOrm, config: ledgerConfig, databaseUrl: urls.ledger });
      await ledger.start(ledgerPort);
    },
    settlement,
    settlementOrm,
    settlementUrl,
    alipayAppId,
    gateway,
    gatewayConfig,
    token,
    gql: (query, variables = {}, actor = ACTORS.operator) =>
      postGraphQL(gatewayUrl, query, variables, actor ? { authorization: `Bearer ${token(actor)}` } : {}),
    close: async () => {
      await gateway.stop();
      await metrics?.close();
      await receiver?.close();
      await orders.stop();
      await ledger.stop();
      await reconciliation.stop();
      await settlement.stop();
      await settlementOrm.close(true);
      await ledgerOrm.close(true);
      await reconciliationOrm.close(true);
      await orm.close(true);
      await db.drop();
      if (options.serviceRoles) await dropServiceRoles(db.url, rolePrefix);
    },
  };
}

/** The roles `applyServiceRoles` made for a test database (it is dropped: they own nothing now). */
async function dropServiceRoles(databaseUrl: string, prefix: string): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await admin.connect();
  try {
    for (const service of SERVICE_NAMES)
      await admin.query(`drop role if exists "${serviceRoleName(service, prefix)}"`);
  } finally {
    await admin.end();
  }
}

function rsaKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
