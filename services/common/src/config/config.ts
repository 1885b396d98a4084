import { readFileSync } from 'node:fs';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the environment with a zod schema into one shaped object. Every problem is
 * reported at once, one line each, naming the variable.
 */
export function parseEnv<S extends z.ZodTypeAny>(schema: S, env: Env): z.infer<S> {
  // Empty strings mean "unset" so `FOO=` in a .env file falls back to the default.
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) if (value !== '') cleaned[key] = value;
  const fileProblems = readSecretFiles(cleaned, variablesOf(schema));
  const result = schema.safeParse(cleaned);
  if (result.success && fileProblems.length === 0) return result.data;
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        return `invalid configuration: ${name}: ${issue.message}`;
      });
  throw new ConfigError([...fileProblems, ...problems]);
}

/** The variable names a schema reads (an object schema, possibly refined or piped). */
function variablesOf(schema: z.ZodTypeAny): Set<string> {
  let current: z.ZodTypeAny = schema;
  for (;;) {
    if (current instanceof z.ZodObject) return new Set(Object.keys(current.shape as object));
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in as z.ZodTypeAny;
    else return new Set();
  }
}

/**
 * `NAME_FILE=/path` sets NAME to the file's content (one trailing newline dropped) when
 * NAME itself is not set and the schema reads NAME: how Docker and Kubernetes secrets
 * reach a process without putting the secret in its environment. Other `*_FILE`
 * variables (the shell's, other tools') are left alone. Returns the files that could
 * not be read.
 */
function readSecretFiles(env: Env, variables: Set<string>): string[] {
  const problems: string[] = [];
  for (const [key, path] of Object.entries(env)) {
    if (!key.endsWith('_FILE') || path === undefined) continue;
    const name = key.slice(0, -'_FILE'.length);
    if (!variables.has(name) || env[name] !== undefined) continue;
    try {
      const value = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
      if (value !== '') env[name] = value;
    } catch (error) {
      problems.push(
        `invalid configuration: ${key}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return problems;
}

/** For process entry points: print the problems, one clear line each, and exit 1. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.problems) process.stderr.write(`${line}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** A listener's port where 0 (any free port, logged at start) is allowed: the internal metrics port. */
export const listenPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** A secret: required in production, a clearly-labelled demo default elsewhere. */
export const secret = (demoDefault: string) =>
  z.string().min(16, 'must be at least 16 characters').default(demoDefault);

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

export const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

/** Variables every service reads. */
export const commonEnvShape = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: logLevel,
  DATABASE_URL: postgresUrl.optional(),
  /** Connections in the service's database pool (its ORM; job queues and batchers have their own). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** A read replica for statistics (MikroORM replicas); unset: everything on DATABASE_URL. */
  DATABASE_READ_URL: postgresUrl.optional(),
  /**
   * PostgreSQL itself when DATABASE_URL goes through a transaction-pooling PgBouncer: the
   * migration lock (a session-level advisory lock) and LISTEN (orders' merchant keys)
   * need sessions of their own. Unset: DATABASE_URL.
   */
  DATABASE_DIRECT_URL: postgresUrl.optional(),
  /** Shared by the gateway (signs) and subgraphs (verify) for the actor header. */
  INTERNAL_SIGNING_SECRET: secret('demo-internal-signing-secret-not-for-production'),
  JWT_SECRET: secret('demo-jwt-secret-not-for-production'),
  JWT_ISSUER: z.string().default('payoffice'),
  /** Address of the internal `/metrics` listener (its port is `<SERVICE>_METRICS_PORT`). */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /**
   * Deadline of one call to another service (event deliveries, ledger and orders clients), in
   * milliseconds; unset: each call's own default (5 s for checks, 10–15 s for postings).
   */
  INTERNAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
};

export const DEMO_SECRET_PREFIX = 'demo-';

/** Refuses to run production with the demo secrets. */
export function rejectDemoSecretsInProduction(
  env: { NODE_ENV: string },
  secrets: Record<string, string>,
): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return Object.entries(secrets)
    .filter(([, value]) => value.startsWith(DEMO_SECRET_PREFIX))
    .map(([name]) => `invalid configuration: ${name}: the demo default must not be used in production`);
}

/** A service's database settings, as every service's config carries them. */
export interface DatabaseConfig {
  url: string | undefined;
  poolMax: number;
  readUrl?: string;
  directUrl?: string;
}

/** DatabaseConfig from the common variables. */
export function databaseConfig(e: {
  DATABASE_URL?: string;
  DATABASE_POOL_MAX: number;
  DATABASE_READ_URL?: string;
  DATABASE_DIRECT_URL?: string;
}): DatabaseConfig {
  return {
    url: e.DATABASE_URL,
    poolMax: e.DATABASE_POOL_MAX,
    ...(e.DATABASE_READ_URL ? { readUrl: e.DATABASE_READ_URL } : {}),
    ...(e.DATABASE_DIRECT_URL ? { directUrl: e.DATABASE_DIRECT_URL } : {}),
  };
}
