import type { ReferenceResolvers } from '@pay/common';
import type { LedgerContext } from './context';

/** Entities resolved here by key. A MERCHANT actor resolves only its own merchant. */
export const ledgerReferenceResolvers: ReferenceResolvers = {
  Merchant: {
    __resolveReference: (ref: { id: number | string }, ctx: LedgerContext) => {
      const id = Number(ref.id);
      if (!Number.isSafeInteger(id)) return null;
      if (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId) return null;
      return { id };
    },
  },
};
