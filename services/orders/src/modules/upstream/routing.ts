import type { EntityManager } from '@mikro-orm/postgresql';
import { randomInt } from 'node:crypto';
import { AppError } from '@pay/common';
import { UpstreamConfig } from './upstream-config.entity';
import type { MerchantChannel } from '../channel/merchant-channel.entity';

/**
 * Picks the upstream config (pzid) for a new order among the channel's enabled ones:
 * round robin when the merchant's setting asks for it (the cursor advances atomically
 * in the database, so concurrent orders spread evenly), otherwise weighted random.
 */
export async function chooseUpstreamConfig(
  em: EntityManager,
  setting: MerchantChannel,
): Promise<UpstreamConfig> {
  const candidates = await em.find(
    UpstreamConfig,
    { channel: setting.channel.code, enabled: true, weight: { $gt: 0 } },
    { orderBy: { pzid: 'asc' } },
  );
  if (candidates.length === 0) {
    throw new AppError(
      'CHANNEL_UNAVAILABLE',
      `channel ${setting.channel.code} has no enabled upstream config`,
    );
  }
  if (setting.roundRobin) {
    const [row] = (await em.getConnection().execute(
      `update merchant_channel set round_robin_cursor = round_robin_cursor + 1
        where merchant_id = ? and channel_code = ? returning round_robin_cursor`,
      [setting.merchant.id, setting.channel.code],
      'all',
      em.getTransactionContext(),
    )) as { round_robin_cursor: number }[];
    const position = ((row?.round_robin_cursor ?? 1) - 1) % candidates.length;
    return candidates[position]!;
  }
  return pickWeighted(candidates, (total) => randomInt(total));
}

/** Weighted choice; `draw(total)` returns an integer in [0, total). */
export function pickWeighted<T extends { weight: number }>(items: T[], draw: (total: number) => number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let point = draw(total);
  for (const item of items) {
    if (point < item.weight) return item;
    point -= item.weight;
  }
  return items[items.length - 1]!;
}
