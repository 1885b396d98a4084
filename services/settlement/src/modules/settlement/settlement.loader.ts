import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, type PageWindow } from '@pay/common';
import type { SettlementConfig } from '../../config';
import { findMerchants, type MerchantDirectoryEntry } from '../merchant/merchant-directory';
import { SettlementAccount } from './settlement-account.entity';
import { Settlement } from './settlement.entity';
import { SettledOrder } from './settled-order.entity';
import type { SettlementState } from './settlement-codes';

export interface Page<T> {
  items: T[];
  total: number;
}

interface RankedRow {
  key: string | number;
  id: string | number;
  total: number;
}

/**
 * One page per key for many keys in one statement: `ranked` selects `key`, `id` and
 * `total` (window functions over the key), the entities come in a second statement.
 */
async function pagesByKey<K extends string | number, T extends object>(
  em: EntityManager,
  keys: readonly K[],
  ranked: { sql: string; params: unknown[] },
  window: PageWindow,
  load: (ids: (string | number)[]) => Promise<T[]>,
  idOf: (item: T) => string | number,
): Promise<Page<T>[]> {
  const rows = (await em
    .getConnection()
    .execute(
      `select key, id, total::int as total from (${ranked.sql}) ranked where rn > ? and rn <= ? order by rn`,
      [...ranked.params, window.offset, window.offset + window.limit],
    )) as RankedRow[];
  const totals = new Map<string, number>();
  const pageIds = new Map<string, string[]>();
  for (const row of rows) {
    const key = String(row.key);
    totals.set(key, row.total);
    const page = pageIds.get(key);
    if (page) page.push(String(row.id));
    else pageIds.set(key, [String(row.id)]);
  }
  // A page past the end has no rows but the key may still have items: count those keys.
  const uncounted = keys.filter((k) => !totals.has(String(k)));
  if (uncounted.length > 0 && window.offset > 0) {
    const counts = (await em
      .getConnection()
      .execute(
        `select key, max(total)::int as total from (${ranked.sql}) ranked group by key`,
        ranked.params,
      )) as {
      key: string | number;
      total: number;
    }[];
    for (const c of counts) if (!totals.has(String(c.key))) totals.set(String(c.key), c.total);
  }
  const ids = rows.map((r) => r.id);
  const byId = new Map((ids.length > 0 ? await load(ids) : []).map((item) => [String(idOf(item)), item]));
  return keys.map((k) => ({
    items: (pageIds.get(String(k)) ?? []).map((id) => byId.get(id)).filter((x): x is T => x !== undefined),
    total: totals.get(String(k)) ?? 0,
  }));
}

/** Settlement loaders, built per request on its EntityManager. */
export function createSettlementLoaders(em: EntityManager) {
  const directories = new Map<string, DataLoader<number, MerchantDirectoryEntry | null>>();
  const settlementPages = new Map<string, DataLoader<number, Page<Settlement>>>();
  const orderPages = new Map<string, DataLoader<number, Page<SettledOrder>>>();
  return {
    settlementAccountById: new DataLoader<number, SettlementAccount | null>(async (ids) => {
      const found = new Map(
        (await em.find(SettlementAccount, { id: { $in: [...ids] } })).map((a) => [a.id, a]),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    settlementByCode: new DataLoader<string, Settlement | null>(async (codes) => {
      const found = new Map(
        (await em.find(Settlement, { code: { $in: [...codes] } })).map((s) => [s.code, s]),
      );
      return codes.map((code) => found.get(code) ?? null);
    }),
    /** `Merchant.settlementAccounts`: live accounts, newest first. */
    settlementAccountsByMerchant: new DataLoader<number, SettlementAccount[]>(async (merchantIds) => {
      const groups = new Map<number, SettlementAccount[]>(merchantIds.map((id) => [id, []]));
      const accounts = await em.find(
        SettlementAccount,
        { merchantId: { $in: [...merchantIds] }, isDelete: false },
        { orderBy: { id: 'desc' } },
      );
      for (const a of accounts) groups.get(a.merchantId)?.push(a);
      return merchantIds.map((id) => groups.get(id)!);
    }),
    /** Merchants from the orders service's directory view (names), one statement per batch. */
    merchantDirectory(
      config: Pick<SettlementConfig, 'views'>,
    ): DataLoader<number, MerchantDirectoryEntry | null> {
      const key = config.views.merchantsSchema;
      let loader = directories.get(key);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const found = await findMerchants(em, config, ids);
          return ids.map((id) => found.get(id) ?? null);
        });
        directories.set(key, loader);
      }
      return loader;
    },
    /** `Merchant.settlements` pages, newest first: one loader per state filter and window. */
    merchantSettlements(
      state: SettlementState | null,
      window: PageWindow,
    ): DataLoader<number, Page<Settlement>> {
      const key = JSON.stringify([state, window.offset, window.limit]);
      let loader = settlementPages.get(key);
      if (!loader) {
        loader = new DataLoader((merchantIds) =>
          pagesByKey(
            em,
            merchantIds,
            {
              sql: `select merchant_id as key, id,
                           row_number() over (partition by merchant_id order by id desc) as rn,
                           count(*) over (partition by merchant_id) as total
                    from settlement
                    where merchant_id = any(?::int[]) and not is_delete and (?::smallint is null or state = ?::smallint)`,
              params: [pgArray([...merchantIds]), state, state],
            },
            window,
            (ids) => em.find(Settlement, { id: { $in: ids.map(Number) } }),
            (s) => s.id,
          ),
        );
        settlementPages.set(key, loader);
      }
      return loader;
    },
    /** `Settlement.orders` pages, by payment time: one loader per window. */
    settledOrders(window: PageWindow): DataLoader<number, Page<SettledOrder>> {
      const key = JSON.stringify([window.offset, window.limit]);
      let loader = orderPages.get(key);
      if (!loader) {
        loader = new DataLoader((settlementIds) =>
          pagesByKey(
            em,
            settlementIds,
            {
              sql: `select settlement_id as key, platform_order_no as id,
                           row_number() over (partition by settlement_id order by paid_at, platform_order_no) as rn,
                           count(*) over (partition by settlement_id) as total
                    from settled_order where settlement_id = any(?::bigint[])`,
              params: [pgArray([...settlementIds])],
            },
            window,
            (ids) => em.find(SettledOrder, { platformOrderNo: { $in: ids.map(String) } }),
            (o) => o.platformOrderNo,
          ),
        );
        orderPages.set(key, loader);
      }
      return loader;
    },
  };
}

export type SettlementModuleLoaders = ReturnType<typeof createSettlementLoaders>;
