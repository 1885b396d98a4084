import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  buildAlipayWapPayUrl,
  formatChinaDateTime,
  formatFen,
  isAppError,
  logger,
  merchantScope,
  requireRole,
  type Actor,
  type Fen,
} from '@pay/common';
import type { AlipayRechargeConfig } from '../../config';
import type { SettlementRuntime } from '../../context';
import { findMerchants, type MerchantDirectoryEntry } from '../merchant/merchant-directory';
import { query } from './billing-sql';
import { alipayRechargeAmount, apiRechargeAmount, checkRechargeIp } from './recharge-rules';
import { collectFromWallet } from './wallet-collection.service';
import { RechargeMethod, RechargeState, WalletRecharge } from './wallet-recharge.entity';

export type RechargeRuntime = Pick<SettlementRuntime, 'orm' | 'config' | 'ledger'>;

async function knownMerchant(
  em: EntityManager,
  runtime: RechargeRuntime,
  merchantId: number,
): Promise<MerchantDirectoryEntry> {
  const merchant = (await findMerchants(em, runtime.config, [merchantId])).get(merchantId);
  if (!merchant) throw new AppError('NOT_FOUND', `merchant ${merchantId} does not exist`);
  return merchant;
}

/**
 * Records a pending recharge. Its id is drawn first so `out_trade_no` (what Alipay
 * echoes back) can be the id itself, as the legacy links did. With a request id, a
 * concurrent twin's row wins and null is returned.
 */
async function insertRecharge(
  em: EntityManager,
  row: {
    merchantId: number;
    method: RechargeMethod;
    amount: Fen;
    requestId: string | null;
    clientIp: string | null;
    requestedBy: string;
  },
): Promise<number | null> {
  const [inserted] = await query<{ id: string }>(
    em,
    `insert into wallet_recharge
       (id, merchant_id, method, amount, out_trade_no, request_id, client_ip, requested_by)
     select n.id, ?, ?, ?, n.id::text, ?, ?, ?
     from (select nextval('wallet_recharge_id_seq') as id) n
     on conflict on constraint wallet_recharge_request_unique do nothing
     returning id`,
    [row.merchantId, row.method, row.amount, row.requestId, row.clientIp, row.requestedBy],
  );
  return inserted ? Number(inserted.id) : null;
}

/** The signed `alipay.trade.wap.pay` URL of a pending Alipay recharge, timestamped now. */
export function alipayPayUrl(
  alipay: AlipayRechargeConfig,
  recharge: WalletRecharge,
  now = new Date(),
): string {
  return buildAlipayWapPayUrl({
    gateway: alipay.gatewayUrl,
    appId: alipay.appId,
    privateKeyPem: alipay.privateKeyPem,
    outTradeNo: recharge.outTradeNo,
    totalAmountYuan: formatFen(recharge.amount),
    subject: 'recharge',
    notifyUrl: alipay.notifyUrl,
    timestamp: formatChinaDateTime(now),
  });
}

function alipayConfig(runtime: RechargeRuntime): AlipayRechargeConfig {
  if (!runtime.config.alipay)
    throw new AppError(
      'DEPENDENCY_UNAVAILABLE',
      'Alipay recharges are not configured (ALIPAY_APP_ID, ALIPAY_APP_PRIVATE_KEY, ALIPAY_PUBLIC_KEY)',
    );
  return runtime.config.alipay;
}

/** A pending Alipay recharge (`create_mch_recharge`) for an operator or the merchant itself. */
export async function createAlipayRecharge(
  runtime: RechargeRuntime,
  em: EntityManager,
  command: { merchantId: number; amount: string; actor: Actor },
): Promise<WalletRecharge> {
  requireRole(command.actor, 'OPERATOR', 'MERCHANT');
  merchantScope(command.actor, command.merchantId);
  alipayConfig(runtime);
  const amount = alipayRechargeAmount(command.amount);
  await knownMerchant(em, runtime, command.merchantId);
  const id = await insertRecharge(em, {
    merchantId: command.merchantId,
    method: RechargeMethod.ALIPAY,
    amount,
    requestId: null,
    clientIp: command.actor.ip ?? null,
    requestedBy: command.actor.sub,
  });
  // Without a request id nothing can conflict: the insert always returns its row.
  if (id === null) throw new Error('recharge insert returned no row');
  // Its `payUrl` is signed when read, with the time of reading (Alipay checks it).
  return em.fork().findOneOrFail(WalletRecharge, { id });
}

export type Completion =
  | { outcome: 'credited' | 'already-paid'; recharge: WalletRecharge }
  | { outcome: 'refused'; error: AppError }
  /** Deleted meanwhile: a twin request's debit was refused. */
  | { outcome: 'missing' };

/**
 * Posts a pending recharge to the ledger and marks it paid, holding the row's lock so
 * concurrent deliveries of one notification (or twin API calls) credit once; the ledger
 * is keyed by the recharge id as well. A debit the ledger refuses for want of balance
 * deletes the pending row: the ledger posted nothing, and nothing may remain that looks
 * like money moved. Any other failure leaves it pending and is thrown.
 */
export async function completeRecharge(
  runtime: RechargeRuntime,
  rechargeId: number,
  options: { channelTradeNo?: string; actor: string },
): Promise<Completion> {
  return runtime.orm.em.fork().transactional(async (tx): Promise<Completion> => {
    const recharge = await tx.findOne(
      WalletRecharge,
      { id: rechargeId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!recharge) return { outcome: 'missing' };
    if (recharge.state === RechargeState.PAID) return { outcome: 'already-paid', recharge };
    let posted: { postingId: string };
    try {
      posted = await runtime.ledger.postWalletRecharge({
        rechargeId: String(recharge.id),
        merchantId: recharge.merchantId,
        amount: recharge.amount,
        method: recharge.method,
        actor: options.actor,
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'INSUFFICIENT_BALANCE') {
        await query(tx, 'delete from wallet_recharge where id = ? and state = ?', [
          recharge.id,
          RechargeState.PENDING,
        ]);
        return { outcome: 'refused', error };
      }
      throw error;
    }
    recharge.state = RechargeState.PAID;
    recharge.paidAt = new Date();
    recharge.postingId = posted.postingId;
    if (options.channelTradeNo) recharge.channelTradeNo = options.channelTradeNo;
    await tx.flush();
    return { outcome: 'credited', recharge };
  });
}

/** After a credit: what the merchant's open bills have left is collected from the wallet. */
export async function collectAfterRecharge(
  runtime: RechargeRuntime,
  recharge: WalletRecharge,
  actor: string,
) {
  try {
    await collectFromWallet(runtime, {
      merchantId: recharge.merchantId,
      trigger: 'RECHARGE',
      rechargeId: recharge.id,
      actor,
    });
  } catch (error) {
    // The recharge stands; a pending collection is re-driven, and the next recharge or
    // bill collects what is left otherwise.
    logger().error({ err: error, rechargeId: recharge.id }, 'collection after recharge failed');
  }
}

const REQUEST_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * The merchant API recharge (`mch_api_recharge`): -1000.00 to 10000.00 yuan, never zero,
 * only from an IP on the platform's allow-list and — when it has one — the merchant's.
 * A credit is followed by a collection of the open bills; a debit the wallet cannot cover
 * is INSUFFICIENT_BALANCE with nothing recorded. The same request id answers the same
 * recharge and posts nothing twice.
 */
export async function apiRecharge(
  runtime: RechargeRuntime,
  em: EntityManager,
  command: { merchantId: number; amount: string; requestId?: string | null; actor: Actor },
): Promise<WalletRecharge> {
  const { actor } = command;
  requireRole(actor, 'OPERATOR', 'SYSTEM', 'MERCHANT');
  merchantScope(actor, command.merchantId);
  // The platform's list first, so callers off it learn nothing about merchants.
  checkRechargeIp(actor.ip, runtime.config.rechargeAllowedIps, []);
  const merchant = await knownMerchant(em, runtime, command.merchantId);
  checkRechargeIp(actor.ip, runtime.config.rechargeAllowedIps, merchant.ipAllowList);
  const amount = apiRechargeAmount(command.amount);
  const requestId = command.requestId?.trim() || null;
  if (requestId !== null && !REQUEST_ID.test(requestId))
    throw new AppError('BAD_USER_INPUT', 'requestId is 1 to 64 printable ASCII characters', {
      argument: 'requestId',
    });

  const earlier =
    requestId === null ? null : await repeatedRequest(em, command.merchantId, requestId, amount);
  const inserted =
    earlier ??
    (await insertRecharge(em, {
      merchantId: command.merchantId,
      method: RechargeMethod.API,
      amount,
      requestId,
      clientIp: actor.ip ?? null,
      requestedBy: actor.sub,
    }));
  // null: a twin request with this request id inserted first; answer with its recharge.
  const id =
    inserted ??
    (requestId === null ? null : await repeatedRequest(em, command.merchantId, requestId, amount));
  if (id === null) throw new AppError('CONFLICT', 'a concurrent request with this request id changed; retry');

  let done: Completion;
  try {
    done = await completeRecharge(runtime, id, { actor: actor.sub });
  } catch (error) {
    // The ledger may or may not have posted it: the accepted recharge stays pending and
    // the re-drive completes it under the same key (the same request id shows it).
    if (isAppError(error) && error.code === 'DEPENDENCY_UNAVAILABLE')
      throw new AppError(
        'DEPENDENCY_UNAVAILABLE',
        `the ledger did not answer: recharge ${id} stays pending and is completed once it does`,
        { rechargeId: id },
      );
    throw error;
  }
  if (done.outcome === 'refused') throw done.error;
  if (done.outcome === 'missing')
    throw new AppError('CONFLICT', 'a concurrent request with this request id was refused; retry');
  if (done.outcome === 'credited' && done.recharge.amount > 0)
    await collectAfterRecharge(runtime, done.recharge, actor.sub);
  return done.recharge;
}

/** The recharge an earlier request with this key created; BAD_USER_INPUT when it was for another amount. */
async function repeatedRequest(
  em: EntityManager,
  merchantId: number,
  requestId: string,
  amount: Fen,
): Promise<number | null> {
  const earlier = await em.fork().findOne(WalletRecharge, { merchantId, requestId });
  if (!earlier) return null;
  if (earlier.amount !== amount)
    throw new AppError('BAD_USER_INPUT', `requestId ${requestId} was used for a recharge of another amount`, {
      argument: 'requestId',
      rechargeId: earlier.id,
    });
  return earlier.id;
}

/**
 * Finishes API recharges a crash or an unreachable ledger left pending: they were
 * accepted, and the ledger (keyed by the recharge id) either posted them already or
 * posts them now; a debit it refuses is deleted. Pending Alipay recharges are unpaid
 * links and wait for their notification.
 */
export async function redrivePendingApiRecharges(
  runtime: RechargeRuntime,
  options: { olderThanMs: number; now?: Date } = { olderThanMs: 0 },
): Promise<{ driven: number; failed: number }> {
  const before = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  const rows = await query<{ id: string }>(
    runtime.orm.em.fork(),
    `select id from wallet_recharge where method = ? and state = ? and created_at <= ?::timestamptz
     order by id limit 1000`,
    [RechargeMethod.API, RechargeState.PENDING, before.toISOString()],
  );
  let failed = 0;
  for (const row of rows) {
    try {
      const done = await completeRecharge(runtime, Number(row.id), { actor: 'auto' });
      if (done.outcome === 'refused')
        logger().warn({ rechargeId: row.id }, 'pending API debit refused by the ledger: deleted');
      else if (done.outcome === 'credited' && done.recharge.amount > 0)
        await collectAfterRecharge(runtime, done.recharge, 'auto');
    } catch (error) {
      failed += 1;
      logger().error({ err: error, rechargeId: row.id }, 'pending API recharge not finished');
    }
  }
  return { driven: rows.length - failed, failed };
}
