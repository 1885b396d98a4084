import { addDays, formatChinaDate, startOfChinaDay } from '@pay/common';
import { DEMO_ACTORS, PlatformClient, type DemoPlatform } from '../platform-client';
import type { Progress } from '../progress';
import { demoAdjustments } from './adjustments';
import { billDemoMonths } from './billing';
import { waitForOutbox } from './outbox';
import { reconcileDay, resolveDemoDiscrepancies } from './reconciliation';
import { settleDemoMerchant } from './settlement';
import { demoTwoFactorMerchant, demoWithdrawals } from './withdrawals';

export interface DemoWorldOptions {
  platform: DemoPlatform;
  /** The days before today the orders service seeded (each one is reconciled). */
  daysAgo: readonly number[];
  merchantId: number;
  otherMerchantId: number;
  now?: Date;
  progress?: Progress;
}

export interface DemoWorld {
  /** False when the platform had been seeded before (nothing was done). */
  seeded: boolean;
  /** TOTP secret (base32) of the merchant with two-factor on. */
  twoFactorSecret: string | null;
}

const SEEDED = `{ statements(pageSize: 1) { totalCount } }`;

/** "YYYY-MM" of the China month `back` months before `now`'s. */
function monthBefore(now: Date, back: number): string {
  const [year, month] = formatChinaDate(now).split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first instant of `now`'s China month. */
function chinaMonthStart(now: Date): Date {
  return startOfChinaDay(addDays(now, 1 - Number(formatChinaDate(now).slice(8, 10))));
}

/**
 * The rest of the demo loop, after the orders service replayed the demo days: every
 * step goes through the gateway as the operator, the checker or a merchant would take
 * it — statements imported and reconciled per day and source, discrepancies resolved
 * (one waits for the checker), manual adjustments, settlements run and one paid with a voucher, the past
 * two months billed and paid by API and Alipay recharges, bank cards and withdrawals in
 * every state, two-factor for the other merchant. Runs once: a platform with a
 * statement already is left as it is.
 */
export async function seedDemoWorld(options: DemoWorldOptions): Promise<DemoWorld> {
  const client = new PlatformClient(options.platform);
  const progress = options.progress ?? (() => undefined);
  const now = options.now ?? new Date();
  const { statements } = await client.gql<{ statements: { totalCount: number } }>(
    SEEDED,
    {},
    DEMO_ACTORS.operator,
  );
  if (statements.totalCount > 0) return { seeded: false, twoFactorSecret: null };

  progress('waiting for the demo orders to reach the ledger and reconciliation …');
  await waitForOutbox(client);

  const today = startOfChinaDay(now);
  const days = [...options.daysAgo].sort((a, b) => b - a);
  for (const [index, daysAgo] of days.entries()) {
    const dayStart = addDays(today, -daysAgo);
    const runs = await reconcileDay(client, dayStart);
    const line = runs
      .map((r) => `${r.matchedCount} matched, ${r.abnormalCount} abnormal, ${r.doubtfulCount} doubtful`)
      .join(' | ');
    progress(`reconciled ${formatChinaDate(dayStart)} (${index + 1}/${days.length}): ${line}`);
  }
  progress('resolving discrepancies …');
  const resolved = await resolveDemoDiscrepancies(client, progress);
  progress(`${resolved} discrepancies resolved; the rest stay open`);
  await waitForOutbox(client);

  progress('adjustments, bank cards and withdrawals …');
  await demoAdjustments(client, options.merchantId);
  await demoWithdrawals(client, options.merchantId);
  const twoFactorSecret = await demoTwoFactorMerchant(client, options.otherMerchantId);

  progress('settlement runs …');
  const settlement = await settleDemoMerchant(client, {
    merchantId: options.merchantId,
    otherMerchantId: options.otherMerchantId,
    today,
    monthStart: chinaMonthStart(now),
  });
  progress(
    `${settlement.created} settlements over ${settlement.ordersSettled} orders; ${settlement.settledCode ?? 'none'} paid with a voucher`,
  );

  progress('monthly bills and recharges …');
  const billing = await billDemoMonths(
    client,
    [monthBefore(now, 2), monthBefore(now, 1)],
    options.merchantId,
  );
  progress(
    `bills for ${billing.months.join(' and ')}; recharged ${billing.apiRecharge} by API and ${billing.alipayRecharge} by Alipay`,
  );
  return { seeded: true, twoFactorSecret };
}
