import type { ReferenceResolvers } from '@pay/common';
import type { LedgerContext } from './context';
import { canSeeAccount } from './modules/account/account-access';
import { canSeePosting } from './modules/posting/posting.resolver';
import { mainAccountReference } from './modules/clearing/clearing.reference';

/** Entities resolved here by key. A MERCHANT actor resolves only its own merchant. */
export const ledgerReferenceResolvers: ReferenceResolvers = {
  // Whose order it is the ledger cannot tell here: Order.postings filters what a MERCHANT sees.
  Order: {
    __resolveReference: (ref: { platformOrderNo?: unknown }) =>
      typeof ref.platformOrderNo === 'string' && ref.platformOrderNo !== ''
        ? { platformOrderNo: ref.platformOrderNo }
        : null,
  },
  Posting: {
    __resolveReference: async (ref: { id: number | string }, ctx: LedgerContext) => {
      const id = Number(ref.id);
      if (!Number.isSafeInteger(id)) return null;
      const posting = await ctx.loaders.postingById.load(id);
      return posting && (await canSeePosting(ctx, posting.id)) ? posting : null;
    },
  },
  Account: {
    __resolveReference: async (ref: { id: number | string }, ctx: LedgerContext) => {
      const id = Number(ref.id);
      if (!Number.isSafeInteger(id)) return null;
      const account = await ctx.loaders.accountById.load(id);
      return account && canSeeAccount(ctx.actor, account) ? account : null;
    },
  },
  Withdrawal: {
    __resolveReference: async (ref: { id: number | string }, ctx: LedgerContext) => {
      const id = Number(ref.id);
      if (!Number.isSafeInteger(id)) return null;
      const withdrawal = await ctx.loaders.withdrawalById.load(id);
      if (!withdrawal) return null;
      return ctx.actor.role === 'MERCHANT' && withdrawal.merchantId !== ctx.actor.merchantId
        ? null
        : withdrawal;
    },
  },
  MainAccount: mainAccountReference,
  Merchant: {
    __resolveReference: (ref: { id: number | string }, ctx: LedgerContext) => {
      const id = Number(ref.id);
      if (!Number.isSafeInteger(id)) return null;
      if (ctx.actor.role === 'MERCHANT' && id !== ctx.actor.merchantId) return null;
      return { id };
    },
  },
};
