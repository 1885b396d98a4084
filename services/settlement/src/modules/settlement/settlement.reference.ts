import { maySeeMerchantRecord, type ReferenceResolvers } from '@pay/common';
import type { SettlementContext } from '../../context';
import { idOf } from './settlement-account.resolver';

/** SettlementAccount by id and Settlement by code, through loaders; a merchant resolves only its own. */
export const settlementReferences: ReferenceResolvers = {
  SettlementAccount: {
    __resolveReference: async (ref: { id: number | string }, ctx: SettlementContext) => {
      const id = idOf(String(ref.id));
      if (Number.isNaN(id)) return null;
      const account = await ctx.loaders.settlement.settlementAccountById.load(id);
      return account && maySeeMerchantRecord(ctx.actor, account.merchantId) ? account : null;
    },
  },
  Settlement: {
    __resolveReference: async (ref: { code: string }, ctx: SettlementContext) => {
      if (typeof ref.code !== 'string' || ref.code === '') return null;
      const settlement = await ctx.loaders.settlement.settlementByCode.load(ref.code);
      return settlement && maySeeMerchantRecord(ctx.actor, settlement.merchantId) ? settlement : null;
    },
  },
};
