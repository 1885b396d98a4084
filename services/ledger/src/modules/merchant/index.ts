import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import type { LedgerContext } from '../../context';
import { MerchantLedgerResolver } from './merchant.resolver';
import { Merchant } from './merchant.stub';

/** The orders service's Merchant, extended here with its balances and ledger. A MERCHANT resolves only itself. */
export const merchantModule: ServiceModule<LedgerRuntime> = {
  resolvers: [MerchantLedgerResolver],
  orphanedTypes: [Merchant],
  references: {
    Merchant: {
      __resolveReference: (ref: { id: number | string }, ctx: LedgerContext) => {
        const id = Number(ref.id);
        if (!Number.isSafeInteger(id)) return null;
        if (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId) return null;
        return { id };
      },
    },
  },
};
