import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import type { LedgerContext } from '../../context';
import { canSeeAccount } from './account-access';
import { Account } from './account.entity';
import { createAccountLoaders } from './account.loader';
import { AccountResolver } from './account.resolver';

/** Accounts of the chart (merchant, platform, channel, agent, clearing) and their balances. */
export const accountModule: ServiceModule<LedgerRuntime, ReturnType<typeof createAccountLoaders>> = {
  resolvers: [AccountResolver],
  entities: [Account],
  references: {
    Account: {
      __resolveReference: async (ref: { id: number | string }, ctx: LedgerContext) => {
        const id = Number(ref.id);
        if (!Number.isSafeInteger(id)) return null;
        const account = await ctx.loaders.accountById.load(id);
        return account && canSeeAccount(ctx.actor, account) ? account : null;
      },
    },
  },
  loaders: createAccountLoaders,
};
