import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import {
  commonEnvShape,
  DEFAULT_OUTBOX_RETENTION_HOURS,
  listenPort,
  parseEnv,
  port,
  rejectDemoSecretsInProduction,
  ConfigError,
  secret,
  databaseConfig,
  type DatabaseConfig,
} from '@pay/common';

/** The channels' own back-off (15 s, 15 s, 30 s, 3 min, 10 min, 20 min, 30 min, … up to 6 h): about 24 hours. */
export const DEFAULT_NOTIFY_SCHEDULE_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

const scheduleList = z
  .string()
  .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, 'must be comma-separated seconds, e.g. 15,15,30')
  .transform((s) => s.split(',').map(Number));

/**
 * An RSA key in PEM given in an environment variable, where newlines are often written
 * as `\n`. Parsed here so that a broken key fails at start-up, not on the first payment;
 * passed on re-exported (PKCS#8 / SPKI) so every reader sees one format.
 */
const pemKey = (kind: 'private' | 'public') =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return null;
      const text = value.replace(/\\n/g, '\n');
      // createPublicKey would also take a private key; one in a public-key variable is a mistake.
      const key =
        kind === 'private'
          ? parseKey(() => createPrivateKey(text))
          : text.includes('PRIVATE KEY')
            ? null
            : parseKey(() => createPublicKey(text));
      if (key?.asymmetricKeyType !== 'rsa') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be an RSA ${kind} key in PEM` });
        return z.NEVER;
      }
      return kind === 'private'
        ? key.export({ type: 'pkcs8', format: 'pem' }).toString()
        : key.export({ type: 'spki', format: 'pem' }).toString();
    });

function parseKey(parse: () => KeyObject): KeyObject | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

const envSchema = z.object({
  ...commonEnvShape,
  ORDERS_PORT: port(4001),
  ORDERS_HOST: z.string().default('127.0.0.1'),
  /** The internal `/metrics` listener's port (on METRICS_HOST); 0: any free port. */
  ORDERS_METRICS_PORT: listenPort(9401),
  /** Base URL payers and channels reach this service at (pay links, callbacks). */
  ORDERS_PUBLIC_URL: z.string().url().optional(),
  /** The ledger subgraph's base URL (e.g. http://127.0.0.1:4002); unset runs orders without a ledger. */
  LEDGER_URL: z.string().url().optional(),
  /** The reconciliation subgraph's base URL; it keeps a copy of every order's state for matching. */
  RECONCILIATION_URL: z.string().url().optional(),
  NOTIFY_RETRY_SCHEDULE: scheduleList.optional(),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(10000),
  /** Months of notification attempts kept (monthly partitions; older months are dropped); 0: kept forever. */
  NOTIFY_LOG_RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(24),
  /** Months of the manual actions' audit trail kept online (monthly partitions); 0: kept forever (the default). */
  ORDER_AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(0),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).max(60000).default(500),
  /** Hours a delivered outbox event (and its receipts) is kept before the relay prunes it. */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(87_600).default(DEFAULT_OUTBOX_RETENTION_HOURS),
  SANDBOX_WECHAT_API_KEY: z
    .string()
    .length(32, 'must be 32 characters')
    .default('demo0sandbox0wechat0api0key00000'),
  SANDBOX_ALIPAY_APP_ID: z.string().default('2021000000000000'),
  /** The sandbox's "Alipay" private key; unset: a fresh pair per start. */
  SANDBOX_ALIPAY_PRIVATE_KEY: pemKey('private'),
  /** The merchant app's public key the sandbox gateway verifies wap.pay requests with; unset: not verified. */
  SANDBOX_ALIPAY_APP_PUBLIC_KEY: pemKey('public'),
  /** The legacy merchant API's platform master key (`access_key`): signs debugging calls and `/summarybydaypzid`. */
  MERCHANT_API_MASTER_KEY: secret('demo-merchant-api-master-key'),
  /**
   * Seconds a merchant's status and key are kept for the merchant API's verdicts at most;
   * they are dropped at once when the row changes (PostgreSQL notifies). 0: read every time.
   */
  MERCHANT_CREDENTIALS_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
  /** Where the seeded demo orders notify their merchant (`npm start` runs a receiver there). */
  DEMO_MERCHANT_NOTIFY_URL: z.string().url().default('http://127.0.0.1:4009/notify'),
});

export interface OrdersConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string; publicUrl: string };
  /** The internal `/metrics` listener (not the public port). */
  metrics: { port: number; host: string };
  db: DatabaseConfig;
  auth: {
    internalSecret: string;
    masterKey: string;
    /** Longest a merchant's status and key are kept (ms); 0: not kept. */
    merchantCredentialsTtlMs: number;
  };
  notify: {
    scheduleSeconds: number[];
    timeoutMs: number;
    /** Months of notify logs kept; null: forever. */
    logRetentionMonths: number | null;
  };
  /** Months of `order_audit` kept online; null: forever. */
  auditRetentionMonths: number | null;
  outbox: { intervalMs: number; retentionHours: number };
  sandbox: {
    wechatApiKey: string;
    alipayAppId: string;
    /** PKCS#8 PEM the sandbox signs Alipay notifications with; null: a fresh key pair per start. */
    alipayPrivateKeyPem: string | null;
    /** SPKI PEM of the app key that signs wap.pay requests to the sandbox gateway; null: requests are not verified. */
    alipayAppPublicKeyPem: string | null;
  };
  seedDemoData: boolean;
  demoMerchantNotifyUrl: string;
  ledgerUrl: string | null;
  reconciliationUrl: string | null;
  /** Deadline of a call to another service (INTERNAL_CALL_TIMEOUT_MS); null: each client's default. */
  internalCallTimeoutMs: number | null;
}

/** The only reader of process.env in the orders service. */
export function loadOrdersConfig(env: Record<string, string | undefined> = process.env): OrdersConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, {
    INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET,
    MERCHANT_API_MASTER_KEY: e.MERCHANT_API_MASTER_KEY,
  });
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: {
      port: e.ORDERS_PORT,
      host: e.ORDERS_HOST,
      publicUrl: e.ORDERS_PUBLIC_URL ?? `http://127.0.0.1:${e.ORDERS_PORT}`,
    },
    db: databaseConfig(e),
    metrics: { port: e.ORDERS_METRICS_PORT, host: e.METRICS_HOST },
    auth: {
      internalSecret: e.INTERNAL_SIGNING_SECRET,
      masterKey: e.MERCHANT_API_MASTER_KEY,
      merchantCredentialsTtlMs: e.MERCHANT_CREDENTIALS_TTL_SECONDS * 1000,
    },
    notify: {
      scheduleSeconds: e.NOTIFY_RETRY_SCHEDULE ?? DEFAULT_NOTIFY_SCHEDULE_SECONDS,
      timeoutMs: e.NOTIFY_TIMEOUT_MS,
      logRetentionMonths: e.NOTIFY_LOG_RETENTION_MONTHS || null,
    },
    auditRetentionMonths: e.ORDER_AUDIT_RETENTION_MONTHS || null,
    outbox: { intervalMs: e.OUTBOX_INTERVAL_MS, retentionHours: e.OUTBOX_RETENTION_HOURS },
    sandbox: {
      wechatApiKey: e.SANDBOX_WECHAT_API_KEY,
      alipayAppId: e.SANDBOX_ALIPAY_APP_ID,
      alipayPrivateKeyPem: e.SANDBOX_ALIPAY_PRIVATE_KEY,
      alipayAppPublicKeyPem: e.SANDBOX_ALIPAY_APP_PUBLIC_KEY,
    },
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    demoMerchantNotifyUrl: e.DEMO_MERCHANT_NOTIFY_URL,
    ledgerUrl: e.LEDGER_URL ?? null,
    reconciliationUrl: e.RECONCILIATION_URL ?? null,
    internalCallTimeoutMs: e.INTERNAL_CALL_TIMEOUT_MS ?? null,
  };
}

/** Settings for tests: sensible values without touching process.env. */
export function testOrdersConfig(overrides: Partial<OrdersConfig> = {}): OrdersConfig {
  return { ...loadOrdersConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), ...overrides };
}
