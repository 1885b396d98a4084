import type { GraphQLSchema } from 'graphql';
import { buildModulesSchema } from '@pay/common';
import { ordersModules } from './modules';

/** The orders subgraph's schema. Pure: no database, no environment. */
export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildModulesSchema(ordersModules);
}
