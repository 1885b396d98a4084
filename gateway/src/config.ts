import { join } from 'node:path';
import { z } from 'zod';
import { commonEnvShape, ConfigError, parseEnv, port, rejectDemoSecretsInProduction } from '@pay/common';

const graphqlUrl = z.string().url();

const envSchema = z.object({
  ...commonEnvShape,
  GATEWAY_PORT: port(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  ORDERS_URL: graphqlUrl.default('http://127.0.0.1:4001/graphql'),
  LEDGER_URL: graphqlUrl.default('http://127.0.0.1:4002/graphql'),
  RECONCILIATION_URL: graphqlUrl.default('http://127.0.0.1:4003/graphql'),
  SUPERGRAPH_PATH: z.string().optional(),
  MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  MAX_ALIASES: z.coerce.number().int().min(1).max(500).default(30),
  MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(5_000),
  /** Largest statement file a GraphQL multipart upload may carry. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(200 * 1024 * 1024),
});

export interface GatewayConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string };
  auth: { jwtSecret: string; jwtIssuer: string; internalSecret: string };
  /** Subgraph name → URL; overrides the URLs baked into the supergraph. */
  subgraphs: Record<string, string>;
  supergraphPath: string;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  /** GraphQL multipart uploads: files go to the reconciliation service (its base URL, from RECONCILIATION_URL). */
  uploads: { reconciliationUrl: string; maxFileBytes: number };
}

/** The only reader of process.env in the gateway. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, {
    JWT_SECRET: e.JWT_SECRET,
    INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET,
  });
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { port: e.GATEWAY_PORT, host: e.GATEWAY_HOST },
    auth: { jwtSecret: e.JWT_SECRET, jwtIssuer: e.JWT_ISSUER, internalSecret: e.INTERNAL_SIGNING_SECRET },
    subgraphs: { orders: e.ORDERS_URL, ledger: e.LEDGER_URL, reconciliation: e.RECONCILIATION_URL },
    supergraphPath: e.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
    },
    uploads: {
      reconciliationUrl: e.RECONCILIATION_URL.replace(/\/graphql\/?$/, ''),
      maxFileBytes: e.UPLOAD_MAX_BYTES,
    },
  };
}
