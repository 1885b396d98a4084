import type { ReferenceResolvers } from '@pay/common';

/** Entities resolved here by key. Field resolvers check the actor's scope. */
export const reconciliationReferenceResolvers: ReferenceResolvers = {
  Order: {
    __resolveReference: (ref: { platformOrderNo: string }) => ({ platformOrderNo: ref.platformOrderNo }),
  },
};
