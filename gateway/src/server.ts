import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  createServiceApp,
  currentRequestId,
  formatError,
  graphqlBodyErrorHandler,
  graphqlMetricsPlugin,
  inputGuardPlugin,
  jsonErrorHandler,
  listen,
  type Actor,
  type Listening,
} from '@pay/common';
import type { GatewayConfig } from './config';
import { authenticate } from './auth/authenticate';
import { consoleAuthConfig } from './auth/console-auth-config';
import { createTokenVerifier } from './auth/token-verifier';
import { introspectionPolicy } from './auth/introspection-policy';
import { fileUploads } from './uploads/file-uploads';
import { uploadTargets } from './uploads/upload-targets';
import { voucherFiles } from './files/voucher-files';
import type { GatewayContext } from './graphql/context';
import { SignedActorDataSource } from './graphql/subgraph-data-source';
import { SingleSubgraphPassthrough, type SubgraphFailure } from './graphql/single-subgraph-passthrough';
import { passthroughLane } from './graphql/passthrough-lane';
import { legacyApiLane } from './rest/legacy-lane';
import { MERCHANT_API_ENDPOINTS } from './rest/merchant-api';
import { mountRestApis } from './rest/rest-apis';
import { consoleFiles } from './console/console-files';
import { demoSignInRoutes } from './console/demo-sign-in';
import { RateLimits } from './rate-limits/rate-limits';
import { graphqlRateLimit, twoFactorFailureLimits } from './rate-limits/graphql-rate-limits';
import { legacyRateLimitScope } from './rate-limits/legacy-rate-limits';

/** The largest `/graphql` body (1 MiB). */
const GRAPHQL_BODY_LIMIT = 1024 * 1024;

export interface GatewayServer {
  app: Express;
  apollo: ApolloServer<GatewayContext>;
  start: (port?: number, host?: string) => Promise<Listening>;
  stop: () => Promise<void>;
}

/**
 * The one public GraphQL endpoint: Apollo Gateway over the checked-in supergraph, JWT
 * authentication, depth/alias/cost/token limits (graphql-armor), introspection for
 * the exploring roles only, CSRF prevention, Sandbox as the landing page.
 */
export async function createGatewayServer(config: GatewayConfig): Promise<GatewayServer> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  // One data source per subgraph, each with its deadline and circuit breaker (config.subgraphCalls).
  const dataSources = new Map<string, SignedActorDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const subgraph = { name, policy: config.subgraphCalls };
      const subgraphUrl = config.subgraphs[name] ?? url ?? '';
      const dataSource = new SignedActorDataSource(subgraphUrl, config.auth.internalSecret, subgraph);
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth },
    maxAliases: { n: config.limits.maxAliases },
    costLimit: { maxCost: config.limits.maxCost },
    maxTokens: { n: config.limits.maxTokens },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  // Per merchant, IP and actor, and on failed signatures, sign-ins and TOTP codes; counted in PostgreSQL (rate-limits/).
  const rateLimits = await RateLimits.create(config.rateLimits);
  const passthrough = new SingleSubgraphPassthrough({
    supergraphSdl,
    validationRules: protection.validationRules,
    maxTokens: config.limits.maxTokens,
    subgraph: (name) => dataSources.get(name),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError,
    validationRules: protection.validationRules,
    plugins: [
      ...protection.plugins,
      introspectionPolicy(),
      // graphql_operations_total by type, name and outcome (served on the internal metrics port).
      graphqlMetricsPlugin<GatewayContext>(),
      twoFactorFailureLimits(rateLimits),
      // NUL characters and invalid DateTimeISO values are the client's mistake: BAD_USER_INPUT naming the argument.
      inputGuardPlugin<GatewayContext>({ httpStatus: 400 }),
      config.env === 'production'
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  });
  await apollo.start();

  const app = createServiceApp({
    ready: async () => {
      const checks = await Promise.all(
        Object.values(config.subgraphs).map(async (url) => {
          const health = url.replace(/\/graphql$/, '/health');
          return fetch(health, { signal: AbortSignal.timeout(2000) }).then(
            (r) => r.ok,
            () => false,
          );
        }),
      );
      return checks.every(Boolean);
    },
  });
  // Whose X-Forwarded-For to believe for req.ip, the caller's IP forwarded to subgraphs
  // (IP allow-lists): only the proxies in TRUST_PROXY (see config.ts).
  app.set('trust proxy', config.http.trustProxy);
  const jwt = { secret: config.auth.jwtSecret, issuer: config.auth.jwtIssuer };
  // Bearer tokens of /graphql, /files and /pay/*: HS256, and OIDC when configured (auth/token-verifier.ts).
  const tokens = createTokenVerifier(config.auth);
  app.use(consoleAuthConfig(config.auth.oidc));
  // In front of express: a JSON POST to /graphql with a bearer token in one step; a query
  // one subgraph answers whole is sent there as it is and its answer passed on. Anything
  // else goes on to the chain below with what the lane did already.
  const lane = passthroughLane({ passthrough, tokens, limits: rateLimits, maxBodyBytes: GRAPHQL_BODY_LIMIT });
  app.use(
    '/graphql',
    authenticate(tokens),
    graphqlRateLimit(rateLimits),
    // GraphQL multipart requests (statement and voucher files) become JSON requests here; see uploads/.
    fileUploads({ targets: uploadTargets(config.files), internalSecret: config.auth.internalSecret }),
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        actor: res.locals.actor as Actor,
        requestId: currentRequestId() ?? '',
        subgraphFailure: res.locals.subgraphFailure as SubgraphFailure | undefined,
      }),
    }),
    // A malformed or over-limit body answers in GraphQL's shape (BAD_REQUEST, 400/413).
    graphqlBodyErrorHandler,
  );
  app.get(
    '/files/vouchers/:sha256',
    authenticate(tokens, { landingPage: false }),
    voucherFiles({ settlementUrl: config.files.settlementUrl, internalSecret: config.auth.internalSecret }),
  );
  // The web console: demo sign-in (demo secrets only) and its static build with SPA fallback.
  app.use(demoSignInRoutes({ env: config.env, jwt, limits: rateLimits }));
  app.use(consoleFiles(config.console.dir));
  // The legacy APIs (merchant API at /, /pay/…, /make_crm/api/…, /api/account/v1/…, /openapi).
  const legacyScope = legacyRateLimitScope(rateLimits);
  app.use(legacyScope);
  const rest = mountRestApis(app, apollo, passthrough, config, tokens);
  // The merchant API's calls (POSTs at the root) skip the app's layers, as /graphql's do.
  const merchantLane = legacyApiLane({
    paths: MERCHANT_API_ENDPOINTS.map((endpoint) => endpoint.path),
    router: rest.merchantApi,
    scope: legacyScope,
  });
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(jsonErrorHandler);

  let listening: Listening | undefined;
  return {
    app,
    apollo,
    async start(port = config.http.port, host = config.http.host) {
      listening = await listen(app, port, host, [lane, merchantLane]);
      return listening;
    },
    async stop() {
      await listening?.close();
      await apollo.stop();
      await rateLimits.close();
      for (const dataSource of dataSources.values()) dataSource.shutdown();
    },
  };
}
