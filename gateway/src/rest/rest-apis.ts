import { join } from 'node:path';
import type { Express } from 'express';
import type { ApolloServer } from '@apollo/server';
import { currentRequestId } from '@pay/common';
import type { TokenVerifier } from '../auth/token-verifier';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../graphql/context';
import { loadRestOperations } from './graphql-documents';
import { createOperationRunner } from './operation-runner';
import type { RestContext } from './rest-context';
import { merchantApi } from './merchant-api';
import { payAdminApi } from './pay-admin';
import { crmApi } from './crm';
import { accountClearingApi } from './account-clearing';
import { openApi } from './openapi';

/** The directory of the REST shim's `.graphql` documents (src in tests, dist when built). */
export const REST_DOCUMENTS_DIR = __dirname;

/**
 * The REST compatibility shim: one module per legacy API (ARCHITECTURE.md, "The REST
 * shim"), each running named GraphQL operations in-process through the gateway.
 */
export function mountRestApis(
  app: Express,
  apollo: ApolloServer<GatewayContext>,
  config: GatewayConfig,
  tokens: TokenVerifier,
): void {
  const operations = loadRestOperations(join(REST_DOCUMENTS_DIR));
  const ctx: RestContext = {
    config,
    tokens,
    run: createOperationRunner(apollo, operations, () => currentRequestId() ?? ''),
  };
  app.use(payAdminApi(ctx));
  app.use(crmApi(ctx));
  app.use(accountClearingApi(ctx));
  app.use(openApi(ctx));
  app.use(merchantApi(ctx));
}
