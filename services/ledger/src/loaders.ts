import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { merchantBalances, type MerchantBalances } from './modules/balance/balance.service';

export function createLedgerLoaders(em: EntityManager) {
  return {
    merchantBalances: new DataLoader<number, MerchantBalances>((ids) => merchantBalances(em, ids)),
  };
}

export type LedgerLoaders = ReturnType<typeof createLedgerLoaders>;
