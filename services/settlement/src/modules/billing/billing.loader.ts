import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatChinaDate, pgArray } from '@pay/common';
import type { SettlementConfig } from '../../config';
import { findMerchants, type MerchantDirectoryEntry } from '../merchant/merchant-directory';
import { legacyTimestamp } from './bill-month';
import { query } from './billing-sql';
import { BillReceipt, BillReceiptMethod, RECEIPT_METHOD_TEXT } from './billing.type';
import { MerchantBill } from './merchant-bill.entity';
import { MerchantBilling } from './merchant-billing.entity';
import { CollectionState } from './wallet-collection.entity';
import { RechargeMethod, RechargeState, WalletRecharge } from './wallet-recharge.entity';

/** Groups rows loaded for many keys into one list per key (one query per batch). */
function grouped<V>(
  load: (keys: readonly number[]) => Promise<V[]>,
  keyOf: (v: V) => number,
): DataLoader<number, V[]> {
  return new DataLoader<number, V[]>(async (keys) => {
    const groups = new Map<number, V[]>(keys.map((k) => [k, []]));
    for (const v of await load(keys)) groups.get(keyOf(v))?.push(v);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

function byId<V>(
  load: (ids: number[]) => Promise<V[]>,
  idOf: (v: V) => number,
): DataLoader<number, V | null> {
  return new DataLoader<number, V | null>(async (ids) => {
    const found = new Map((await load([...ids])).map((v) => [idOf(v), v] as const));
    return ids.map((id) => found.get(id) ?? null);
  });
}

interface ReceiptRow {
  kind: 'recharge' | 'collection';
  id: string;
  merchant_id: number;
  method: string;
  amount: string;
  received_at: Date;
}

/** Paid recharges and bill-issue collections that moved money, per merchant, oldest first. */
export async function billReceiptsOf(
  em: EntityManager,
  merchantIds: readonly number[],
): Promise<BillReceipt[]> {
  const rows = await query<ReceiptRow>(
    em,
    `select 'recharge' as kind, r.id, r.merchant_id, r.method, r.amount, r.paid_at as received_at
     from wallet_recharge r where r.merchant_id = any(?::int[]) and r.state = ?
     union all
     select 'collection', c.id, c.merchant_id, 'BILL', c.collected, c.done_at
     from wallet_collection c
     where c.merchant_id = any(?::int[]) and c.trigger = 'BILL' and c.state = ? and c.collected > 0
     order by received_at, kind, id`,
    [pgArray(merchantIds), RechargeState.PAID, pgArray(merchantIds), CollectionState.DONE],
  );
  return rows.map((r) => {
    const method =
      r.kind === 'collection'
        ? BillReceiptMethod.AUTO_COLLECTION
        : r.method === RechargeMethod.ALIPAY
          ? BillReceiptMethod.ALIPAY_RECHARGE
          : BillReceiptMethod.API_RECHARGE;
    const receivedAt = new Date(r.received_at);
    return Object.assign(new BillReceipt(), {
      id: `${r.kind}:${r.id}`,
      merchantId: r.merchant_id,
      amount: Number(r.amount),
      method,
      methodText: RECEIPT_METHOD_TEXT[method],
      receivedAt,
      date: formatChinaDate(receivedAt),
      timestamp: legacyTimestamp(receivedAt),
    });
  });
}

/** Billing loaders, built per request on its EntityManager; names carry `billing` so they never clash with other modules'. */
export function createBillingLoaders(em: EntityManager) {
  let directory: DataLoader<number, MerchantDirectoryEntry | null> | undefined;
  return {
    /** A merchant's bills, oldest bill month first. */
    billingBillsByMerchant: grouped(
      (ids) => em.find(MerchantBill, { merchantId: { $in: [...ids] } }, { orderBy: { billMonth: 'asc' } }),
      (bill) => bill.merchantId,
    ),
    billingReceiptsByMerchant: grouped(
      (ids) => billReceiptsOf(em, ids),
      (receipt) => receipt.merchantId,
    ),
    billingTermsByMerchant: byId(
      (ids) => em.find(MerchantBilling, { merchantId: { $in: ids } }),
      (terms) => terms.merchantId,
    ),
    billingBillById: byId(
      (ids) => em.find(MerchantBill, { id: { $in: ids } }),
      (bill) => bill.id,
    ),
    billingRechargeById: byId(
      (ids) => em.find(WalletRecharge, { id: { $in: ids } }),
      (recharge) => recharge.id,
    ),
    /** Merchants from the orders service's directory view (config names its schema). */
    billingDirectory(
      config: Pick<SettlementConfig, 'views'>,
    ): DataLoader<number, MerchantDirectoryEntry | null> {
      directory ??= new DataLoader(async (ids) => {
        const found = await findMerchants(em, config, ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      return directory;
    },
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
