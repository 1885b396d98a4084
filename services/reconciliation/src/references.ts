import type { ReferenceResolvers } from '@pay/common';
import { statementReference } from './modules/statement/statement.reference';
import { matchingReferences } from './modules/matching/matching.reference';

/** Entities resolved here by key. Field resolvers check the actor's scope. */
export const reconciliationReferenceResolvers: ReferenceResolvers = {
  Statement: statementReference,
  ...matchingReferences,
  Order: {
    __resolveReference: (ref: { platformOrderNo: string }) => ({ platformOrderNo: ref.platformOrderNo }),
  },
};
