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
  RECONCILIATION_PORT: port(4003),
  RECONCILIATION_HOST: z.string().default('127.0.0.1'),
  /** The internal `/metrics` listener's port (on METRICS_HOST); 0: any free port. */
  RECONCILIATION_METRICS_PORT: listenPort(9403),
  /** The orders service's base URL: resolutions complete/cancel/refund orders there, doubtful orders are queried at its sandbox. */
  ORDERS_URL: z.string().url().optional(),
  /** Where uploaded statement files are kept (content-addressed). */
  STATEMENT_DIR: z.string().optional(),
  /** Lines this close (minutes) to a run's period end are doubtful rather than surplus/shortage. */
  CUTOFF_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(10),
  /** How long (hours) a doubtful order is re-checked by later runs before it becomes surplus or shortage. */
  DOUBTFUL_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(48),
  /** Resolutions moving more than this many fen need a second operator's approval. */
  APPROVAL_THRESHOLD_FEN: z.coerce.number().int().min(0).default(100_000),
  /** When the daily automatic run starts (cron, China time). */
  AUTO_RECONCILE_CRON: z.string().default('30 2 * * *'),
});

export interface ReconciliationConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string };
  /** The internal `/metrics` listener (not the public port). */
  metrics: { port: number; host: string };
  db: DatabaseConfig;
  auth: { internalSecret: string };
  ordersUrl: string | null;
  statementDir: string | null;
  matching: { cutoffMinutes: number; doubtfulWindowHours: number };
  approvalThreshold: number;
  autoReconcileCron: string;
  /** Deadline of a call to another service (INTERNAL_CALL_TIMEOUT_MS); null: each client's default. */
  internalCallTimeoutMs: number | null;
}

/** The only reader of process.env in the reconciliation service. */
export function loadReconciliationConfig(
  env: Record<string, string | undefined> = process.env,
): ReconciliationConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, { INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET });
  if (e.NODE_ENV === 'production' && !e.ORDERS_URL)
    problems.push('invalid configuration: ORDERS_URL: required in production');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { port: e.RECONCILIATION_PORT, host: e.RECONCILIATION_HOST },
    db: databaseConfig(e),
    metrics: { port: e.RECONCILIATION_METRICS_PORT, host: e.METRICS_HOST },
    auth: { internalSecret: e.INTERNAL_SIGNING_SECRET },
    ordersUrl: e.ORDERS_URL ?? null,
    statementDir: e.STATEMENT_DIR ?? null,
    matching: { cutoffMinutes: e.CUTOFF_MINUTES, doubtfulWindowHours: e.DOUBTFUL_WINDOW_HOURS },
    approvalThreshold: e.APPROVAL_THRESHOLD_FEN,
    autoReconcileCron: e.AUTO_RECONCILE_CRON,
    internalCallTimeoutMs: e.INTERNAL_CALL_TIMEOUT_MS ?? null,
  };
}

export function testReconciliationConfig(
  overrides: Partial<ReconciliationConfig> = {},
): ReconciliationConfig {
  return { ...loadReconciliationConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }), ...overrides };
}
