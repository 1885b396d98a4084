import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import type { LedgerContext } from '../../context';
import { AgentPayRecord } from './agent-pay-record.entity';
import { WithdrawalLog } from './withdrawal-log.entity';
import { WithdrawalNotifyLog } from './withdrawal-notify-log.entity';
import { Withdrawal } from './withdrawal.entity';
import { createWithdrawalLoaders, type WithdrawalLoaders } from './withdrawal.loader';
import { WithdrawalResolver } from './withdrawal.resolver';

/** Withdrawals: requests, review, payout, their logs and notifications. A MERCHANT resolves only its own. */
export const withdrawalModule: ServiceModule<LedgerRuntime, WithdrawalLoaders> = {
  resolvers: [WithdrawalResolver],
  entities: [Withdrawal, WithdrawalLog, AgentPayRecord, WithdrawalNotifyLog],
  references: {
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
  },
  loaders: createWithdrawalLoaders,
};
