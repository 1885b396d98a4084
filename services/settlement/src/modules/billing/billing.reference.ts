import type { ReferenceResolvers } from '@pay/common';
import type { SettlementContext } from '../../context';
import type { MerchantBill } from './merchant-bill.entity';
import type { WalletRecharge } from './wallet-recharge.entity';

const visible = <T extends { merchantId: number }>(ctx: SettlementContext, row: T | null): T | null =>
  row && (ctx.actor.role !== 'MERCHANT' || row.merchantId === ctx.actor.merchantId) ? row : null;

/** Bills and recharges by key, through the loaders; a merchant resolves only its own. */
export const billingReferences: ReferenceResolvers = {
  MerchantBill: {
    __resolveReference: async (
      ref: { id: number | string },
      ctx: SettlementContext,
    ): Promise<MerchantBill | null> => {
      const id = Number(ref.id);
      return Number.isSafeInteger(id) ? visible(ctx, await ctx.loaders.billingBillById.load(id)) : null;
    },
  },
  WalletRecharge: {
    __resolveReference: async (
      ref: { id: number | string },
      ctx: SettlementContext,
    ): Promise<WalletRecharge | null> => {
      const id = Number(ref.id);
      return Number.isSafeInteger(id) ? visible(ctx, await ctx.loaders.billingRechargeById.load(id)) : null;
    },
  },
};
