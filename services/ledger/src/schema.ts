import type { GraphQLSchema } from 'graphql';
import { buildModulesSchema } from '@pay/common';
import { ledgerModules } from './modules';

/** The ledger subgraph's schema. Pure: no database, no environment. */
export function buildLedgerSchema(): Promise<GraphQLSchema> {
  return buildModulesSchema(ledgerModules);
}
