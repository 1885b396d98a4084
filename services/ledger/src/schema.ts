import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pay/common';
import { MerchantLedgerResolver } from './modules/merchant/merchant.resolver';
import { ledgerReferenceResolvers } from './references';
import { Merchant } from './modules/merchant/merchant.stub';

/** The ledger subgraph's schema. Pure: no database, no environment. */
export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Entities extended here are reached only through federation: list them explicitly.
    { resolvers: [MerchantLedgerResolver], orphanedTypes: [Merchant], validate: false },
    ledgerReferenceResolvers,
  );
}
