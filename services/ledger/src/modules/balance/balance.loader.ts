import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Fen } from '@pay/common';
import { availableBalancesAt } from './balance.service';

/** Historical available balances, batched per request (key: merchant and instant). */
export function createBalanceLoaders(em: EntityManager) {
  return {
    availableBalanceAt: new DataLoader<{ merchantId: number; at: Date }, Fen, string>(
      (keys) => availableBalancesAt(em, keys),
      { cacheKeyFn: (k) => `${k.merchantId}@${k.at.toISOString()}` },
    ),
  };
}
