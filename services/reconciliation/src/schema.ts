import type { GraphQLSchema } from 'graphql';
import { buildModulesSchema } from '@pay/common';
import { reconciliationModules } from './modules';

/** The reconciliation subgraph's schema. Pure: no database, no environment. */
export function buildReconciliationSchema(): Promise<GraphQLSchema> {
  return buildModulesSchema(reconciliationModules);
}
