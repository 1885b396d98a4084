import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema } from '@pay/common';
import { Merchant } from './modules/merchant/merchant.stub';
import { settlementModule } from './modules/settlement';
import { billingModule } from './modules/billing';

const modules = [settlementModule, billingModule];

/** The settlement subgraph's schema. Pure: no database, no environment. */
export function buildSettlementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      resolvers: modules.flatMap((m) => m.resolvers) as NonEmptyArray<Function>,
      // Entities extended here are reached only through federation: list them explicitly.
      orphanedTypes: [Merchant, ...modules.flatMap((m) => m.orphanedTypes ?? [])],
      validate: false,
    },
    {
      Merchant: { __resolveReference: (ref: { id: number }) => ({ id: Number(ref.id) }) },
      ...Object.assign({}, ...modules.map((m) => m.references ?? {})),
    },
  );
}
