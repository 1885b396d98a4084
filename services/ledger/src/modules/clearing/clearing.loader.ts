import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MainAccount } from './main-account/main-account.entity';
import { ChildAccount } from './child-account/child-account.entity';
import { mainAccountTotals, type MainAccountTotals } from './main-account/main-account.query';
import { childBalances, type ChildBalance } from './child-account/child-account.query';

async function byId<T extends { id: number }>(
  em: EntityManager,
  entity: new () => T,
  ids: readonly number[],
): Promise<(T | null)[]> {
  const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** The clearing module's loaders, built per request on the request's EntityManager. */
export function createClearingLoaders(em: EntityManager) {
  return {
    mainAccountById: new DataLoader<number, MainAccount | null>((ids) => byId(em, MainAccount, ids)),
    mainAccountTotals: new DataLoader<number, MainAccountTotals>((ids) => mainAccountTotals(em, ids)),
    childById: new DataLoader<number, ChildAccount | null>((ids) => byId(em, ChildAccount, ids)),
    childBalance: new DataLoader<number, ChildBalance>((ids) => childBalances(em, ids)),
  };
}

export type ClearingLoaders = ReturnType<typeof createClearingLoaders>;
