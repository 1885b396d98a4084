import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, startOfChinaDay } from '@pay/common';
import { Channel } from '../channel/channel.entity';
import { MerchantChannel } from '../channel/merchant-channel.entity';

/** The channel settings an order may use: enabled for the system and for the merchant. */
async function usableSettings(
  em: EntityManager,
  merchantId: number,
  channelCode?: string | null,
): Promise<MerchantChannel[]> {
  return em.find(
    MerchantChannel,
    {
      merchant: merchantId,
      enabled: true,
      channel: { systemEnabled: true, ...(channelCode ? { code: channelCode } : {}) },
    },
    { populate: ['channel'], orderBy: { channel: { sortOrder: 'asc', code: 'asc' } } },
  );
}

function fitsAmount(channel: Channel, amount: number): boolean {
  return amount >= channel.minAmount && (channel.maxAmount === null || amount <= channel.maxAmount);
}

/** Paid (or withheld) amount on a channel since the start of today, China time. */
async function usedToday(em: EntityManager, channelCode: string, at: Date): Promise<number> {
  const [row] = (await em.getConnection().execute(
    `select coalesce(sum(amount), 0)::bigint as used from "order"
      where channel_code = ? and paid_at >= ? and status in ('PAID', 'WITHHELD')`,
    [channelCode, startOfChinaDay(at)],
    'all',
    em.getTransactionContext(),
  )) as { used: string }[];
  return Number(row?.used ?? 0);
}

/**
 * The merchant's channel setting an order of `amount` uses: the channel asked for
 * (CHANNEL_UNAVAILABLE when the merchant may not use it), or the first usable one whose
 * range fits (AMOUNT_OUT_OF_RANGE when none does); a channel with a daily quota is
 * locked while today's use is summed, so two orders cannot both squeeze into the last
 * of it (DAILY_QUOTA_EXCEEDED). Runs inside the order's transaction.
 */
export async function chooseChannel(
  tx: EntityManager,
  order: {
    merchantId: number;
    channelCode: string | null;
    amount: number;
    /** The amount as the caller wrote it, for the refusal's details. */
    amountText: string;
    at: Date;
  },
): Promise<MerchantChannel> {
  const { merchantId, channelCode, amount, amountText, at } = order;
  const settings = await usableSettings(tx, merchantId, channelCode);
  if (channelCode && settings.length === 0) {
    throw new AppError('CHANNEL_UNAVAILABLE', `channel ${channelCode} is not available to this merchant`, {
      channelCode,
    });
  }
  const setting = settings.find((s) => fitsAmount(s.channel, amount));
  if (!setting) throw new AppError('AMOUNT_OUT_OF_RANGE', '没有对应金额', { amount: amountText });
  const channel = setting.channel;
  if (channel.dailyQuota !== null) {
    await tx.findOneOrFail(
      Channel,
      { code: channel.code },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if ((await usedToday(tx, channel.code, at)) + amount > channel.dailyQuota) {
      throw new AppError('DAILY_QUOTA_EXCEEDED', `channel ${channel.code} has no quota left today`, {
        channelCode: channel.code,
      });
    }
  }
  return setting;
}
