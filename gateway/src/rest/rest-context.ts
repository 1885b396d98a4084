import type { TokenVerifier } from '../auth/token-verifier';
import type { GatewayConfig } from '../config';
import type { RunClaimed, RunOperation } from './operation-runner';

/** What every legacy API's routes get: the in-process operation runner and the configuration. */
export interface RestContext {
  run: RunOperation;
  /** An operation as a claimed actor, its signature verdict folded into the call (the merchant API). */
  runClaimed: RunClaimed;
  config: GatewayConfig;
  /** The bearer token check of `/graphql`, for the APIs that take bearer tokens (`/pay/*`). */
  tokens: TokenVerifier;
}

/** A service's base URL from its GraphQL URL (http://host:port/graphql → http://host:port). */
export const serviceBaseUrl = (graphqlUrl: string): string => graphqlUrl.replace(/\/graphql\/?$/, '');
