import { alipayVerify, logger, MoneyFormatError, parseYuan } from '@pay/common';
import { collectAfterRecharge, completeRecharge, type RechargeRuntime } from './wallet-recharge.service';
import { RechargeMethod, WalletRecharge } from './wallet-recharge.entity';

/** Trade states in which Alipay has the money (the others: waiting, closed). */
const PAID_TRADE_STATUSES: ReadonlySet<string> = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);

export type AlipayNotificationOutcome =
  { accepted: true; rechargeId: number; credited: boolean } | { accepted: false; reason: string };

const refuse = (reason: string): AlipayNotificationOutcome => ({ accepted: false, reason });

/**
 * An Alipay asynchronous notification of a recharge link's payment
 * (LEGACY-PROTOCOLS.md, "Alipay"): the RSA2 signature over every parameter but `sign`
 * and `sign_type` must verify with Alipay's public key, and the app id, our trade
 * number, the amount (compared in fen) and a paid trade status must all match before the
 * wallet is credited — once, however often Alipay delivers it. A refused notification
 * changes nothing. Ledger failures are thrown, so Alipay retries.
 */
export async function acceptAlipayNotification(
  runtime: RechargeRuntime,
  params: Record<string, string>,
): Promise<AlipayNotificationOutcome> {
  const alipay = runtime.config.alipay;
  if (!alipay) return refuse('Alipay recharges are not configured');
  const { sign, sign_type: _signType, ...signed } = params;
  if (!sign) return refuse('no signature');
  let verified = false;
  try {
    verified = alipayVerify(signed, sign, alipay.alipayPublicKeyPem);
  } catch {
    verified = false;
  }
  if (!verified) return refuse('signature does not verify');
  if (params.app_id !== alipay.appId) return refuse(`app_id ${params.app_id ?? '(none)'} is not ours`);
  const outTradeNo = params.out_trade_no ?? '';
  if (!/^\d{1,18}$/.test(outTradeNo)) return refuse(`unknown out_trade_no ${outTradeNo}`);
  const recharge = await runtime.orm.em
    .fork()
    .findOne(WalletRecharge, { outTradeNo, method: RechargeMethod.ALIPAY });
  if (!recharge) return refuse(`unknown out_trade_no ${outTradeNo}`);
  let amount: number;
  try {
    amount = parseYuan(params.total_amount ?? '');
  } catch (error) {
    return refuse(error instanceof MoneyFormatError ? error.message : 'bad total_amount');
  }
  if (amount !== recharge.amount)
    return refuse(`total_amount ${params.total_amount} is not the recharge's amount`);
  const status = params.trade_status ?? '';
  if (!PAID_TRADE_STATUSES.has(status)) return refuse(`trade_status ${status} is not paid`);
  const tradeNo = params.trade_no ?? '';
  if (tradeNo.length > 64) return refuse('trade_no is too long');

  const done = await completeRecharge(runtime, recharge.id, {
    channelTradeNo: tradeNo || undefined,
    actor: 'alipay',
  });
  if (done.outcome !== 'credited' && done.outcome !== 'already-paid') {
    // Only API debits are refused or deleted; an Alipay credit never is.
    throw new Error(`Alipay recharge ${recharge.id}: unexpected outcome ${done.outcome}`);
  }
  // Also after a repeated notification: a collection the first delivery could not run
  // (a crash in between) happens now; with nothing left to collect it does nothing.
  await collectAfterRecharge(runtime, done.recharge, 'alipay');
  if (done.outcome === 'credited')
    logger().info({ rechargeId: recharge.id, amount }, 'Alipay recharge credited');
  return { accepted: true, rechargeId: recharge.id, credited: done.outcome === 'credited' };
}
