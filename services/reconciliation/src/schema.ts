import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@pay/common';
import { OrderReconciliationResolver } from './modules/payment/order-reconciliation.resolver';
import { Order } from './modules/payment/order.stub';
import { reconciliationReferenceResolvers } from './references';

/** The reconciliation subgraph's schema. Pure: no database, no environment. */
export function buildReconciliationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Entities extended here are reached only through federation: list them explicitly.
    { resolvers: [OrderReconciliationResolver], orphanedTypes: [Order], validate: false },
    reconciliationReferenceResolvers,
  );
}
