import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Merchant } from './modules/merchant/merchant.entity';
import { Agent } from './modules/merchant/agent.entity';
import { Channel } from './modules/channel/channel.entity';
import { UpstreamConfig } from './modules/upstream/upstream-config.entity';
import { Order } from './modules/order/order.entity';
import { NotifyLog } from './modules/notification/notify-log.entity';

/** Batches loads by key into one `where key in (…)` query per entity and request. */
function byKey<K extends string | number, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (v: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const found = new Map((await load(keys)).map((v) => [keyOf(v), v] as const));
    return keys.map((k) => found.get(k) ?? null);
  });
}

function groupedBy<K extends string | number, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (v: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const v of await load(keys)) {
      const k = keyOf(v);
      groups.set(k, [...(groups.get(k) ?? []), v]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

export function createOrdersLoaders(em: EntityManager) {
  return {
    merchant: byKey<number, Merchant>(
      (ids) => em.find(Merchant, { id: { $in: [...ids] } }),
      (m) => m.id,
    ),
    /** Merchants with their (lazy, hidden) signing key loaded: only for the masked key. */
    merchantWithKey: byKey<number, Merchant>(
      (ids) => em.find(Merchant, { id: { $in: [...ids] } }, { populate: ['signingKey'] }),
      (m) => m.id,
    ),
    agent: byKey<number, Agent>(
      (ids) => em.find(Agent, { id: { $in: [...ids] } }),
      (a) => a.id,
    ),
    channel: byKey<string, Channel>(
      (codes) => em.find(Channel, { code: { $in: [...codes] } }),
      (c) => c.code,
    ),
    upstreamConfig: byKey<number, UpstreamConfig>(
      (ids) => em.find(UpstreamConfig, { pzid: { $in: [...ids] } }),
      (u) => u.pzid,
    ),
    orderById: byKey<number, Order>(
      (ids) => em.find(Order, { id: { $in: [...ids] } }),
      (o) => o.id,
    ),
    orderByPlatformNo: byKey<string, Order>(
      (nos) => em.find(Order, { platformOrderNo: { $in: [...nos] } }),
      (o) => o.platformOrderNo,
    ),
    notifyLogs: groupedBy<number, NotifyLog>(
      (orderIds) => em.find(NotifyLog, { order: { $in: [...orderIds] } }, { orderBy: { id: 'asc' } }),
      (l) => l.order.id,
    ),
  };
}

export type OrdersLoaders = ReturnType<typeof createOrdersLoaders>;
