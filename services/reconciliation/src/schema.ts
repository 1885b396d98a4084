import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pay/common';
import { OrderReconciliationResolver } from './modules/payment/order-reconciliation.resolver';
import { Order } from './modules/payment/order.stub';
import { StatementLineResolver, StatementResolver } from './modules/statement/statement.resolver';
import { reconciliationReferenceResolvers } from './references';
import { matchingResolvers } from './modules/matching/matching.resolvers';
import {
  DiscrepancyResolutionsResolver,
  ResolutionResolver,
  ResultResolutionsResolver,
} from './modules/resolution/resolution.resolver';

/** The reconciliation subgraph's schema. Pure: no database, no environment. */
export function buildReconciliationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Entities extended here are reached only through federation: list them explicitly.
    {
      resolvers: [
        OrderReconciliationResolver,
        StatementResolver,
        StatementLineResolver,
        ...matchingResolvers,
        ResolutionResolver,
        ResultResolutionsResolver,
        DiscrepancyResolutionsResolver,
      ],
      orphanedTypes: [Order],
      validate: false,
    },
    reconciliationReferenceResolvers,
  );
}
