import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageWindow } from '@pay/common';
import { BankCard } from '../bank-card/bank-card.entity';
import { bankCardsOf } from '../bank-card/bank-card.service';
import { AgentPayRecord } from './agent-pay-record.entity';
import { Withdrawal } from './withdrawal.entity';
import { WithdrawalLog } from './withdrawal-log.entity';
import { WithdrawalNotifyLog } from './withdrawal-notify-log.entity';
import { pagesOfMerchants, type WithdrawalFilter } from './withdrawal.service';

/** Groups rows loaded for many keys into one list per key (one query per batch). */
function grouped<V>(
  load: (keys: readonly number[]) => Promise<V[]>,
  keyOf: (v: V) => number,
): DataLoader<number, V[]> {
  return new DataLoader<number, V[]>(async (keys) => {
    const groups = new Map<number, V[]>(keys.map((k) => [k, []]));
    for (const v of await load(keys)) groups.get(keyOf(v))?.push(v);
    return keys.map((k) => groups.get(k)!);
  });
}

type Page = { items: Withdrawal[]; total: number };

/** Withdrawal and bank card loaders, built per request on its EntityManager. */
export function createWithdrawalLoaders(em: EntityManager) {
  const pageLoaders = new Map<string, DataLoader<number, Page>>();
  return {
    withdrawalById: new DataLoader<number, Withdrawal | null>(async (ids) => {
      const found = new Map(
        (await em.find(Withdrawal, { id: { $in: [...ids] } })).map((w) => [w.id, w] as const),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    withdrawalLogs: grouped(
      (ids) => em.find(WithdrawalLog, { withdrawalId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (log) => log.withdrawalId,
    ),
    agentPayRecords: grouped(
      (ids) => em.find(AgentPayRecord, { withdrawalId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (record) => record.withdrawalId,
    ),
    withdrawalNotifyLogs: grouped(
      (ids) => em.find(WithdrawalNotifyLog, { withdrawalId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (log) => log.withdrawalId,
    ),
    bankCardsByMerchant: grouped<BankCard>(
      (merchantIds) => bankCardsOf(em, merchantIds),
      (card) => card.merchantId,
    ),
    /** `Merchant.withdrawals` pages: one loader (one query per batch) per distinct filter and window. */
    merchantWithdrawals(
      filter: Omit<WithdrawalFilter, 'merchantId'>,
      window: PageWindow,
    ): DataLoader<number, Page> {
      const key = JSON.stringify([
        filter.status,
        filter.startTime,
        filter.endTime,
        window.offset,
        window.limit,
      ]);
      let loader = pageLoaders.get(key);
      if (!loader) {
        loader = new DataLoader<number, Page>((merchantIds) =>
          pagesOfMerchants(em, merchantIds, filter, window),
        );
        pageLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type WithdrawalLoaders = ReturnType<typeof createWithdrawalLoaders>;
