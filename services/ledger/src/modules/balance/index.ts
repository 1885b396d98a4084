import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createBalanceLoaders } from './balance.loader';
import { MerchantBalanceResolver } from './balance.resolver';
import { merchantBalances, type MerchantBalances } from './balance.service';
import { startUnfreezeWorker, UNFREEZE_QUEUE } from './unfreeze.service';

const balanceLoaders = (em: EntityManager) => ({
  merchantBalances: new DataLoader<number, MerchantBalances>((ids) => merchantBalances(em, ids)),
  ...createBalanceLoaders(em),
});

/** Merchants' available, frozen and pending balances; yesterday's income unfrozen at 00:05 China time (T+1). */
export const balanceModule: ServiceModule<LedgerRuntime, ReturnType<typeof balanceLoaders>> = {
  resolvers: [MerchantBalanceResolver],
  queues: [UNFREEZE_QUEUE],
  // Daily, and once at start-up.
  startWorkers: (runtime) => startUnfreezeWorker(runtime.orm, runtime.jobs),
  loaders: balanceLoaders,
};
