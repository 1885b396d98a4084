import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { merchantBalances, type MerchantBalances } from './modules/balance/balance.service';
import { createPostingLoaders } from './modules/posting/posting.loader';
import { createAccountLoaders } from './modules/account/account.loader';
import { createBalanceLoaders } from './modules/balance/balance.loader';
import { createWithdrawalLoaders } from './modules/withdrawal/withdrawal.loader';
import { createClearingLoaders } from './modules/clearing/clearing.loader';

export function createLedgerLoaders(em: EntityManager) {
  return {
    merchantBalances: new DataLoader<number, MerchantBalances>((ids) => merchantBalances(em, ids)),
    ...createPostingLoaders(em),
    ...createAccountLoaders(em),
    ...createBalanceLoaders(em),
    ...createWithdrawalLoaders(em),
    clearing: createClearingLoaders(em),
  };
}

export type LedgerLoaders = ReturnType<typeof createLedgerLoaders>;
