import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type Fen } from '@pay/common';
import { Account } from './account.entity';

/** Balances of many accounts through `account_balance` (hot accounts sum their slots). */
export async function accountBalances(em: EntityManager, ids: readonly number[]): Promise<Fen[]> {
  const rows = (await em
    .getConnection()
    .execute(
      'select id, balance from account_balance where id = any(?::bigint[])',
      [pgArray([...ids])],
      'all',
      em.getTransactionContext(),
    )) as { id: string; balance: string }[];
  const byId = new Map(rows.map((r) => [Number(r.id), Number(r.balance)]));
  return ids.map((id) => byId.get(id) ?? 0);
}

/** Accounts and their balances, batched per request. */
export function createAccountLoaders(em: EntityManager) {
  return {
    accountById: new DataLoader<number, Account | null>(async (ids) => {
      const found = await em.find(Account, { id: { $in: [...ids] } });
      const byId = new Map(found.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    accountBalance: new DataLoader<number, Fen>((ids) => accountBalances(em, ids)),
  };
}
