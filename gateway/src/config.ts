import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import {
  commonEnvShape,
  ConfigError,
  listenPort,
  parseEnv,
  port,
  rejectDemoSecretsInProduction,
} from '@pay/common';

const graphqlUrl = z.string().url();
const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/**
 * Express's `trust proxy`: whose `X-Forwarded-For` the gateway believes when it works
 * out the caller's IP (`req.ip`, forwarded to subgraphs for IP allow-lists). `false`
 * ignores the header; a number trusts that many hops in front of the gateway; a list
 * trusts only the named proxies (addresses, CIDR ranges, or `loopback`, `linklocal`,
 * `uniquelocal`).
 */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a TRUST_PROXY list: a name, an address, or address/prefix (or /netmask). */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

const trustProxy = z
  .string()
  .default('loopback')
  .transform((value, ctx): TrustProxy => {
    const text = value.trim();
    if (text === 'false') return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (text === 'true') {
      // Trusting every hop lets any client pick its own IP with X-Forwarded-For and walk
      // through the IP allow-lists; name the proxies (or count them) instead.
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "true would trust any client's X-Forwarded-For; list the proxies or give a hop count",
      });
      return z.NEVER;
    }
    const entries = text.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyEntry(entry));
    if (wrong.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `not a proxy address, range or name: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * A comma list of IP addresses (exact addresses; an IPv4-mapped IPv6 address matches its
 * IPv4 form when compared, see rest/crm). An empty list would lock every caller out, so
 * it is refused rather than silently closing the API.
 */
const ipList = z.string().transform((value, ctx): string[] => {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isIP(entry));
  if (wrong.length || entries.length === 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: wrong.length
        ? `not an IP address: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`
        : 'at least one IP address',
    });
    return z.NEVER;
  }
  return entries;
});

const envSchema = z.object({
  ...commonEnvShape,
  GATEWAY_PORT: port(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  /** The internal `/metrics` listener's port (on METRICS_HOST); 0: any free port. Never the public port. */
  GATEWAY_METRICS_PORT: listenPort(9400),
  ORDERS_URL: graphqlUrl.default('http://127.0.0.1:4001/graphql'),
  LEDGER_URL: graphqlUrl.default('http://127.0.0.1:4002/graphql'),
  RECONCILIATION_URL: graphqlUrl.default('http://127.0.0.1:4003/graphql'),
  SETTLEMENT_URL: graphqlUrl.default('http://127.0.0.1:4004/graphql'),
  TRUST_PROXY: trustProxy,
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
  /** Largest settlement voucher (image or PDF) a GraphQL multipart upload may carry. */
  /** The console's built files (default: console/dist of this repository). */
  CONSOLE_DIR: z.string().optional(),
  VOUCHER_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024),
  /** Callers of the CRM billing API (/make_crm/api/…): a comma list of IP addresses. */
  CRM_ALLOWED_IPS: ipList.default('127.0.0.1,::1,::ffff:127.0.0.1'),
  /** Rate limits (see rate-limits/): requests per window; 0 turns that limit off. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_PER_MERCHANT: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).default(3000),
  RATE_LIMIT_PER_ACTOR: z.coerce.number().int().min(0).default(3000),
  /** Failed signatures, sign-ins and two-factor codes allowed per failure window before a block. */
  RATE_LIMIT_FAILURES: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  RATE_LIMIT_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** OpenID Connect sign-in (see auth/token-verifier.ts); unset issuer = OIDC off. */
  OIDC_ISSUER: httpUrl.optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: httpUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  OIDC_MERCHANT_CLAIM: z.string().min(1).optional(),
  /** Deadline of one gateway → subgraph call (connect, answer and body), in milliseconds. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).default(5000),
  /** A subgraph's circuit opens when more than this share of its recent calls failed… */
  SUBGRAPH_BREAKER_ERROR_PERCENT: z.coerce.number().int().min(1).max(100).default(50),
  /** …once at least this many calls were made in the rolling window (10 s)… */
  SUBGRAPH_BREAKER_MIN_CALLS: z.coerce.number().int().min(1).default(5),
  /** …and stays open (failing fast) this long before it lets one trial call through. */
  SUBGRAPH_BREAKER_RESET_MS: z.coerce.number().int().min(1).default(10_000),
});

/**
 * Tokens of the operator's OpenID provider, verified beside the gateway's own HS256 tokens:
 * a token whose `iss` is `issuer` must be signed by a key of the issuer's JWKS, carry
 * `audience` in `aud`, and name a role in `roleClaim` (see auth/oidc-claims.ts).
 */
export interface OidcConfig {
  /** The issuer identifier, exactly as the provider puts it in `iss` (trailing slash and all). */
  issuer: string;
  /** What `aud` must contain: the API's resource indicator / audience (or a client id). */
  audience: string;
  /** Where the signing keys are; unset: `jwks_uri` of the issuer's discovery document. */
  jwksUrl?: string;
  /** The console's public client id; unset: the console is not offered OIDC sign-in. */
  clientId?: string;
  /** The claim with the caller's role(s): a string or an array of strings. */
  roleClaim: string;
  /** The claim with a MERCHANT's merchant id: a positive integer or a string of digits. */
  merchantClaim: string;
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
  /**
   * How the key set is fetched (jose's `createRemoteJWKSet`): a request times out after
   * `timeoutMs`; an unknown key id refetches the set at most once per `cooldownMs` (that is
   * how rotated keys are picked up). Not environment variables: jose's defaults fit
   * production; tests shorten the cooldown.
   */
  jwks: { timeoutMs: number; cooldownMs: number };
}

/**
 * Rate limits (rate-limits/rate-limits.ts). Counts live in PostgreSQL (`gateway.rate_limits`
 * of DATABASE_URL) so every gateway replica shares them; without DATABASE_URL each process
 * counts alone in memory. A limit of 0 is off.
 */
export interface RateLimitConfig {
  /** DATABASE_URL; null: in-memory counts (one process). */
  databaseUrl: string | null;
  /** The window of the per-merchant, per-IP and per-actor limits, in seconds. */
  windowSeconds: number;
  /** Requests per window of one merchant (merchant id, open-API app, main account) on one signed legacy API. */
  perMerchant: number;
  /** Requests per window from one client IP on one signed legacy API. */
  perIp: number;
  /** `/graphql` requests per window of one actor (the token's subject; no token: the client IP). */
  perActor: number;
  /**
   * Failures allowed per `failureWindowSeconds` — bad signatures (per API, IP and claimed
   * merchant), failed sign-ins (per IP), wrong two-factor codes (per actor) — before that
   * key is refused for `blockSeconds`.
   */
  failures: number;
  failureWindowSeconds: number;
  blockSeconds: number;
}

export interface GatewayConfig {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  http: { port: number; host: string; trustProxy: TrustProxy };
  /** The internal `/metrics` listener (not the public port). */
  metrics: { port: number; host: string };
  /** Bearer tokens: the gateway's own HS256 tokens, and OIDC tokens when `oidc` is set. */
  auth: { jwtSecret: string; jwtIssuer: string; internalSecret: string; oidc: OidcConfig | null };
  /** Subgraph name → URL; overrides the URLs baked into the supergraph. */
  subgraphs: Record<string, string>;
  supergraphPath: string;
  /** The console's static build, served at /console. */
  console: { dir: string };
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  /**
   * Files the gateway streams: statement uploads to the reconciliation service, voucher
   * uploads and downloads to and from the settlement service (base URLs: the subgraph
   * URLs without /graphql).
   */
  files: {
    reconciliationUrl: string;
    settlementUrl: string;
    maxStatementBytes: number;
    maxVoucherBytes: number;
  };
  /** The CRM billing API (/make_crm/api/…) answers only these caller IPs. */
  crm: { allowedIps: string[] };
  /** Request and failure limits (rate-limits/), counted in PostgreSQL when `databaseUrl` is set. */
  rateLimits: RateLimitConfig;
  /** Deadline and circuit breaker of every gateway → subgraph call (graphql/subgraph-data-source.ts). */
  subgraphCalls: SubgraphCallPolicy;
}

/**
 * How the gateway calls a subgraph: each call is aborted after `timeoutMs`; each subgraph has
 * its own circuit breaker (opossum) that opens when more than `breaker.errorPercent` of the
 * calls in the last `breaker.windowMs` failed (at least `breaker.minCalls` calls), fails
 * fast while open, and lets one trial call through after `breaker.resetMs`.
 */
export interface SubgraphCallPolicy {
  timeoutMs: number;
  breaker: { errorPercent: number; minCalls: number; resetMs: number; windowMs: number };
}

/** The only reader of process.env in the gateway. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const e = parseEnv(envSchema, env);
  const problems = rejectDemoSecretsInProduction(e, {
    JWT_SECRET: e.JWT_SECRET,
    INTERNAL_SIGNING_SECRET: e.INTERNAL_SIGNING_SECRET,
  });
  problems.push(...oidcProblems(e));
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { port: e.GATEWAY_PORT, host: e.GATEWAY_HOST, trustProxy: e.TRUST_PROXY },
    metrics: { port: e.GATEWAY_METRICS_PORT, host: e.METRICS_HOST },
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtIssuer: e.JWT_ISSUER,
      internalSecret: e.INTERNAL_SIGNING_SECRET,
      oidc: e.OIDC_ISSUER
        ? {
            issuer: e.OIDC_ISSUER,
            audience: e.OIDC_AUDIENCE ?? '',
            jwksUrl: e.OIDC_JWKS_URL,
            clientId: e.OIDC_CLIENT_ID,
            roleClaim: e.OIDC_ROLE_CLAIM ?? 'roles',
            merchantClaim: e.OIDC_MERCHANT_CLAIM ?? 'merchant_id',
            clockToleranceSeconds: 30,
            jwks: { timeoutMs: 5000, cooldownMs: 30_000 },
          }
        : null,
    },
    subgraphs: {
      orders: e.ORDERS_URL,
      ledger: e.LEDGER_URL,
      reconciliation: e.RECONCILIATION_URL,
      settlement: e.SETTLEMENT_URL,
    },
    supergraphPath: e.SUPERGRAPH_PATH ?? join(__dirname, '..', '..', 'schema', 'supergraph.graphql'),
    console: { dir: e.CONSOLE_DIR ?? join(__dirname, '..', '..', 'console', 'dist') },
    limits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
    },
    files: {
      reconciliationUrl: baseUrlOf(e.RECONCILIATION_URL),
      settlementUrl: baseUrlOf(e.SETTLEMENT_URL),
      maxStatementBytes: e.UPLOAD_MAX_BYTES,
      maxVoucherBytes: e.VOUCHER_UPLOAD_MAX_BYTES,
    },
    crm: { allowedIps: e.CRM_ALLOWED_IPS },
    rateLimits: {
      databaseUrl: e.DATABASE_URL ?? null,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      perMerchant: e.RATE_LIMIT_PER_MERCHANT,
      perIp: e.RATE_LIMIT_PER_IP,
      perActor: e.RATE_LIMIT_PER_ACTOR,
      failures: e.RATE_LIMIT_FAILURES,
      failureWindowSeconds: e.RATE_LIMIT_FAILURE_WINDOW_SECONDS,
      blockSeconds: e.RATE_LIMIT_BLOCK_SECONDS,
    },
    subgraphCalls: {
      timeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      breaker: {
        errorPercent: e.SUBGRAPH_BREAKER_ERROR_PERCENT,
        minCalls: e.SUBGRAPH_BREAKER_MIN_CALLS,
        resetMs: e.SUBGRAPH_BREAKER_RESET_MS,
        windowMs: 10_000,
      },
    },
  };
}

const OIDC_DEPENDENT = [
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_CLIENT_ID',
  'OIDC_ROLE_CLAIM',
  'OIDC_MERCHANT_CLAIM',
] as const;

/** What the OIDC variables need of each other (zod checks each one alone). */
function oidcProblems(e: z.infer<typeof envSchema>): string[] {
  const problem = (name: string, message: string) => `invalid configuration: ${name}: ${message}`;
  if (!e.OIDC_ISSUER) {
    // A variable set without the issuer is most likely a misspelt issuer: say so rather than run without OIDC.
    return OIDC_DEPENDENT.filter((name) => e[name] !== undefined).map((name) =>
      problem(name, 'is set but OIDC_ISSUER is not (OIDC is off without an issuer)'),
    );
  }
  const problems: string[] = [];
  if (!e.OIDC_AUDIENCE) problems.push(problem('OIDC_AUDIENCE', 'is required when OIDC_ISSUER is set'));
  // Tokens are told apart by `iss`: the two kinds must never share one.
  if (e.OIDC_ISSUER === e.JWT_ISSUER) {
    problems.push(problem('OIDC_ISSUER', 'must differ from JWT_ISSUER (tokens are routed by their iss)'));
  }
  if (e.NODE_ENV === 'production') {
    for (const name of ['OIDC_ISSUER', 'OIDC_JWKS_URL'] as const) {
      const value = e[name];
      if (value && !value.toLowerCase().startsWith('https://')) {
        problems.push(problem(name, 'must be an https URL in production'));
      }
    }
  }
  return problems;
}

/** A service's base URL: its subgraph URL without the /graphql path. */
function baseUrlOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '');
}
