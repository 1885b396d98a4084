import type { GraphQLSchema } from 'graphql';
import { buildModulesSchema } from '@pay/common';
import { settlementModules } from './modules';

/** The settlement subgraph's schema. Pure: no database, no environment. */
export function buildSettlementSchema(): Promise<GraphQLSchema> {
  return buildModulesSchema(settlementModules);
}
