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

const envSchema = z.object({
  ...commonEnvShape,
  LEDGER_PORT: port(4002),
  LEDGER_HOST: z.string().default('127.0.0.1'),
  /** The internal `/metrics` listener's port (on METRICS_HOST); 0: any free port. */
  LEDGER_METRICS_PORT: listenPort(9402),
  /** Withdrawal fee: a fixed part in fen plus a rate in ppm of the amount (0 and 0: free, as the demo). */
  WITHDRAWAL_FEE_FIXED_FEN: z.coerce.number().int().min(0).max(1_000_000).default(0),
  WITHDRAWAL_FEE_RATE_PPM: z.coerce.number().int().min(0).max(100_000).default(0),
  /** Smallest withdrawal in fen. */
  WITHDRAWAL_MIN_FEN: z.coerce.number().int().min(1).default(100),
  /**
   * The orders service's base URL (e.g. http://127.0.0.1:4001): it keeps merchants' TOTP
   * secrets and verifies withdrawal codes. Required in production; unset elsewhere means
   * no merchant's withdrawals need a code.
   */
  ORDERS_URL: z.string().url().optional(),
  /** How often the invariant check runs (cron, China time). */
  VERIFY_CRON: z.string().default('*/10 * * * *'),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
});

export interface LedgerConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string };
  /** The internal `/metrics` listener (not the public port). */
  metrics: { port: number; host: string };
  db: DatabaseConfig;
  auth: { internalSecret: string };
  withdrawal: { feeFixed: number; feeRatePpm: number; minAmount: number };
  /** The orders service's base URL; null: two-factor codes are never required. */
  ordersUrl: string | null;
  verifyCron: string;
  seedDemoData: boolean;
  /** Deadline of a call to another service (INTERNAL_CALL_TIMEOUT_MS); null: each client's default. */
  internalCallTimeoutMs: number | null;
}

/** The only reader of process.env in the ledger service. */
export function loadLedgerConfig(env: Record<string, string | undefined> = process.env): LedgerConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, { INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET });
  if (e.NODE_ENV === 'production' && !e.ORDERS_URL)
    problems.push('invalid configuration: ORDERS_URL: required in production (withdrawal two-factor codes)');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { port: e.LEDGER_PORT, host: e.LEDGER_HOST },
    db: databaseConfig(e),
    metrics: { port: e.LEDGER_METRICS_PORT, host: e.METRICS_HOST },
    auth: { internalSecret: e.INTERNAL_SIGNING_SECRET },
    withdrawal: {
      feeFixed: e.WITHDRAWAL_FEE_FIXED_FEN,
      feeRatePpm: e.WITHDRAWAL_FEE_RATE_PPM,
      minAmount: e.WITHDRAWAL_MIN_FEN,
    },
    verifyCron: e.VERIFY_CRON,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    ordersUrl: e.ORDERS_URL ?? null,
    internalCallTimeoutMs: e.INTERNAL_CALL_TIMEOUT_MS ?? null,
  };
}

export function testLedgerConfig(overrides: Partial<LedgerConfig> = {}): LedgerConfig {
  return { ...loadLedgerConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), ...overrides };
}
