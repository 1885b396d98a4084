import type { LedgerContext } from '../../context';
import type { MainAccount } from './main-account/main-account.entity';
import { canAccessMainAccount } from './clearing-access';

/** MainAccount by key, through a loader; a MERCHANT resolves only its own (null otherwise). */
export const mainAccountReference = {
  __resolveReference: async (
    ref: { id: number | string },
    ctx: LedgerContext,
  ): Promise<MainAccount | null> => {
    const id = Number(ref.id);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const main = await ctx.loaders.clearing.mainAccountById.load(id);
    return main && canAccessMainAccount(ctx.actor, main) ? main : null;
  },
};
