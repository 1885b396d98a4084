import { z } from 'zod';
import {
  commonEnvShape,
  ConfigError,
  listenPort,
  parseEnv,
  port,
  rejectDemoSecretsInProduction,
  databaseConfig,
  type DatabaseConfig,
} from '@pay/common';

/** A PEM given in an environment variable, where newlines are often written as `\n`. */
const pem = z
  .string()
  .optional()
  .transform((v) => (v ? v.replace(/\\n/g, '\n') : undefined));

const envSchema = z.object({
  ...commonEnvShape,
  SETTLEMENT_PORT: port(4004),
  SETTLEMENT_HOST: z.string().default('127.0.0.1'),
  /** The internal `/metrics` listener's port (on METRICS_HOST); 0: any free port. */
  SETTLEMENT_METRICS_PORT: listenPort(9404),
  /** The ledger's base URL: settlement payouts, wallet recharges and collections are posted there. */
  LEDGER_URL: z.string().url().optional(),
  /** Schema of the reconciliation service's published view `settlement_payment_v1`. */
  PAYMENTS_VIEW_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('reconciliation'),
  /** Schema of the orders service's published view `merchant_directory_v1`. */
  MERCHANTS_VIEW_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('orders'),
  /** Where voucher files are kept (content-addressed). */
  VOUCHER_DIR: z.string().optional(),
  VOUCHER_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  /** When scheduled settlement runs (cron, China time). */
  SETTLEMENT_CRON: z.string().default('0 3 * * *'),
  /** When last month's bills are issued (cron, China time). */
  BILLING_CRON: z.string().default('0 4 1 * *'),
  /** Billing rate (ppm of sales) for merchants without billing terms of their own. */
  BILLING_DEFAULT_RATE_PPM: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Callers allowed to use API recharges (comma-separated IPs). */
  RECHARGE_ALLOWED_IPS: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  ALIPAY_APP_ID: z.string().optional(),
  /** The app's RSA private key (PKCS#8 or PKCS#1 PEM) that signs recharge links. */
  ALIPAY_APP_PRIVATE_KEY: pem,
  /** Alipay's public key (SPKI PEM) that verifies its notifications. */
  ALIPAY_PUBLIC_KEY: pem,
  /** Alipay's gateway (the orders sandbox's in the demo). */
  ALIPAY_GATEWAY_URL: z.string().url().default('https://openapi.alipay.com/gateway.do'),
  /** Where Alipay sends recharge notifications: this service's POST /notify/alipay/wallet-recharge, as reachable from Alipay. */
  ALIPAY_NOTIFY_URL: z.string().url().optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
});

export interface AlipayRechargeConfig {
  appId: string;
  privateKeyPem: string;
  alipayPublicKeyPem: string;
  gatewayUrl: string;
  notifyUrl: string;
}

export interface SettlementConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string };
  /** The internal `/metrics` listener (not the public port). */
  metrics: { port: number; host: string };
  db: DatabaseConfig;
  auth: { internalSecret: string };
  /** The ledger's base URL; null: payouts and wallet movements answer DEPENDENCY_UNAVAILABLE. */
  ledgerUrl: string | null;
  views: { paymentsSchema: string; merchantsSchema: string };
  vouchers: { dir: string | null; maxBytes: number };
  settlementCron: string;
  billingCron: string;
  billingDefaultRatePpm: number;
  rechargeAllowedIps: string[];
  /** null: Alipay recharge links are not configured. */
  alipay: AlipayRechargeConfig | null;
  /** Seed the demo's settlement accounts and billing terms on an empty database (`npm start`). */
  seedDemoData: boolean;
  /** Deadline of a call to another service (INTERNAL_CALL_TIMEOUT_MS); null: each client's default. */
  internalCallTimeoutMs: number | null;
}

/** The only reader of process.env in the settlement service. */
export function loadSettlementConfig(
  env: Record<string, string | undefined> = process.env,
): SettlementConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, { INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET });
  if (e.NODE_ENV === 'production' && !e.LEDGER_URL)
    problems.push('invalid configuration: LEDGER_URL: required in production');
  const alipayParts = [e.ALIPAY_APP_ID, e.ALIPAY_APP_PRIVATE_KEY, e.ALIPAY_PUBLIC_KEY];
  if (alipayParts.some(Boolean) && !alipayParts.every(Boolean))
    problems.push(
      'invalid configuration: ALIPAY_APP_ID, ALIPAY_APP_PRIVATE_KEY and ALIPAY_PUBLIC_KEY: set all three or none',
    );
  if (problems.length) throw new ConfigError(problems);
  const port = e.SETTLEMENT_PORT;
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { port, host: e.SETTLEMENT_HOST },
    db: databaseConfig(e),
    metrics: { port: e.SETTLEMENT_METRICS_PORT, host: e.METRICS_HOST },
    auth: { internalSecret: e.INTERNAL_SIGNING_SECRET },
    ledgerUrl: e.LEDGER_URL ?? null,
    views: { paymentsSchema: e.PAYMENTS_VIEW_SCHEMA, merchantsSchema: e.MERCHANTS_VIEW_SCHEMA },
    vouchers: { dir: e.VOUCHER_DIR ?? null, maxBytes: e.VOUCHER_MAX_BYTES },
    settlementCron: e.SETTLEMENT_CRON,
    billingCron: e.BILLING_CRON,
    billingDefaultRatePpm: e.BILLING_DEFAULT_RATE_PPM,
    rechargeAllowedIps: e.RECHARGE_ALLOWED_IPS.split(',')
      .map((ip) => ip.trim())
      .filter(Boolean),
    alipay:
      e.ALIPAY_APP_ID && e.ALIPAY_APP_PRIVATE_KEY && e.ALIPAY_PUBLIC_KEY
        ? {
            appId: e.ALIPAY_APP_ID,
            privateKeyPem: e.ALIPAY_APP_PRIVATE_KEY,
            alipayPublicKeyPem: e.ALIPAY_PUBLIC_KEY,
            gatewayUrl: e.ALIPAY_GATEWAY_URL,
            notifyUrl: e.ALIPAY_NOTIFY_URL ?? `http://127.0.0.1:${port}/notify/alipay/wallet-recharge`,
          }
        : null,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    internalCallTimeoutMs: e.INTERNAL_CALL_TIMEOUT_MS ?? null,
  };
}

export function testSettlementConfig(overrides: Partial<SettlementConfig> = {}): SettlementConfig {
  return { ...loadSettlementConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), ...overrides };
}
