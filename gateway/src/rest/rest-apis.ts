import { join } from 'node:path';
import type { Express, Router } from 'express';
import type { ApolloServer } from '@apollo/server';
import { currentRequestId } from '@pay/common';
import type { TokenVerifier } from '../auth/token-verifier';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../graphql/context';
import type { SingleSubgraphPassthrough } from '../graphql/single-subgraph-passthrough';
import { loadRestOperations } from './graphql-documents';
import { createOperationRunner } from './operation-runner';
import type { RestContext } from './rest-context';
import { merchantApi, merchantApiEnvelopeError } from './merchant-api';
import { payAdminApi, payAdminEnvelopeError } from './pay-admin';
import { crmApi, crmEnvelopeError } from './crm';
import { CRM_BASE } from './crm/crm-routes';
import { ACCOUNT_BASE, accountClearingApi, accountEnvelopeError } from './account-clearing';
import { OPEN_API_PATH, openApi, openApiEnvelopeError } from './openapi';
import type { LegacyEnvelopeError } from './legacy-envelope';

/** The directory of the REST shim's `.graphql` documents (src in tests, dist when built). */
export const REST_DOCUMENTS_DIR = __dirname;

/**
 * Each legacy API's base path and the writer of an error in its envelope, for what
 * answers on an API's behalf outside its routes (rate limits). Most specific base first;
 * the merchant API at `/` last (it does not own every root path: see merchant-api/index.ts).
 */
export const LEGACY_API_ENVELOPES: readonly {
  api: string;
  base: string;
  envelopeError: LegacyEnvelopeError;
}[] = [
  { api: 'pay-admin', base: '/pay', envelopeError: payAdminEnvelopeError },
  { api: 'crm', base: CRM_BASE, envelopeError: crmEnvelopeError },
  { api: 'account-clearing', base: ACCOUNT_BASE, envelopeError: accountEnvelopeError },
  { api: 'openapi', base: OPEN_API_PATH, envelopeError: openApiEnvelopeError },
  { api: 'merchant-api', base: '/', envelopeError: merchantApiEnvelopeError },
];

/**
 * The REST compatibility shim: one module per legacy API (ARCHITECTURE.md, "The REST
 * shim"), each running named GraphQL operations in-process through the gateway.
 */
export function mountRestApis(
  app: Express,
  apollo: ApolloServer<GatewayContext>,
  passthrough: SingleSubgraphPassthrough,
  config: GatewayConfig,
  tokens: TokenVerifier,
): { merchantApi: Router } {
  const operations = loadRestOperations(join(REST_DOCUMENTS_DIR));
  const ctx: RestContext = {
    config,
    tokens,
    ...createOperationRunner(apollo, passthrough, operations, () => currentRequestId() ?? ''),
  };
  app.use(payAdminApi(ctx));
  app.use(crmApi(ctx));
  app.use(accountClearingApi(ctx));
  app.use(openApi(ctx));
  const merchant = merchantApi(ctx);
  app.use(merchant);
  return { merchantApi: merchant };
}
