import { unfreezeMerchant } from '../balance/unfreeze.service';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  applyRate,
  formatFen,
  newWithdrawNo,
  startOfChinaDay,
  pgArray,
  type Actor,
  type Fen,
  type KeysetWindow,
  type PageWindow,
  amountArgument,
} from '@pay/common';
import type { LedgerConfig } from '../../config';
import {
  AccountPurpose,
  merchantAccount,
  OwnerType,
  PLATFORM_REVENUE,
  WITHDRAWAL_PAYOUT,
} from '../account/account-purpose';
import { post } from '../posting/posting.service';
import { postingBatcherOf } from '../posting/posting-batcher';
import { postingFailure, toPostingEntry, type PostingEntry } from '../posting/posting-entry';
import type { BatchRow } from '../posting/group-commit';
import { PostingType } from '../posting/posting-type';
import {
  withdrawalCard,
  withdrawalCardRefused,
  type WithdrawalCardRefusal,
} from '../bank-card/bank-card.service';
import type { MerchantSecurity } from './merchant-security.client';
import { Withdrawal } from './withdrawal.entity';
import { WithdrawalLog } from './withdrawal-log.entity';
import { transition, WithdrawalStatus, type WithdrawalAction } from './withdrawal-status';

/** The largest single withdrawal: 10,000,000.00 yuan. Anything above is a typo or an attack. */
export const MAX_WITHDRAWAL: Fen = 1_000_000_000;

/** How often a request draws a new withdraw number after a clash (3 random digits per millisecond). */
const WITHDRAW_NO_ATTEMPTS = 5;

export type WithdrawalRule = LedgerConfig['withdrawal'];

/** The withdrawal fee: a fixed part plus a rate of the amount (rounded once, half-up). */
export function withdrawalFee(amount: Fen, rule: WithdrawalRule): Fen {
  return rule.feeFixed + applyRate(amount, rule.feeRatePpm);
}

/**
 * Parses a requested amount (yuan, at most two decimals) into fen: malformed, zero,
 * below the minimum or above MAX_WITHDRAWAL is INVALID_AMOUNT.
 */
export function parseWithdrawalAmount(text: string, rule: WithdrawalRule): Fen {
  const amount = amountArgument(text);
  if (amount > MAX_WITHDRAWAL) {
    throw new AppError('INVALID_AMOUNT', `a withdrawal may not exceed ${formatFen(MAX_WITHDRAWAL)}`, {
      argument: 'amount',
      max: formatFen(MAX_WITHDRAWAL),
    });
  }
  if (amount < rule.minAmount) {
    throw new AppError('INVALID_AMOUNT', `the smallest withdrawal is ${formatFen(rule.minAmount)}`, {
      argument: 'amount',
      min: formatFen(rule.minAmount),
    });
  }
  return amount;
}

export interface RequestWithdrawalCommand {
  merchantId: number;
  amount: string;
  bankCardId: number | null;
  totpCode: string | null;
  /** The caller's idempotency key: the same key returns the first withdrawal. */
  requestId?: string | null;
  actor: Actor;
}

export interface RequestWithdrawalResult {
  withdrawal: Withdrawal;
  /** Available balance right after this request's debit. */
  balanceAfter: Fen;
  /** Money in withdrawals not yet paid out, this one included. */
  pendingWithdrawal: Fen;
  /** Today's income, withdrawable from tomorrow (T+1). */
  frozenToday: Fen;
  fee: Fen;
}

/** The merchant balances a posting left behind, read in its transaction. */
async function balancesAfter(
  tx: EntityManager,
  postingId: number,
  merchantId: number,
): Promise<Omit<RequestWithdrawalResult, 'withdrawal' | 'fee'>> {
  const rows = (await tx.getConnection().execute(
    `select a.purpose, l.balance_after as balance
       from leg l join account a on a.id = l.account_id
      where l.posting_id = ? and a.owner_type = ? and a.owner_id = ?
     union all
     select purpose, balance from account_balance
      where owner_type = ? and owner_id = ? and purpose = ?`,
    [
      postingId,
      OwnerType.MERCHANT,
      String(merchantId),
      OwnerType.MERCHANT,
      String(merchantId),
      AccountPurpose.MERCHANT_FROZEN,
    ],
    'all',
    tx.getTransactionContext(),
  )) as { purpose: AccountPurpose; balance: string | null }[];
  const of = (purpose: AccountPurpose) => Number(rows.find((r) => r.purpose === purpose)?.balance ?? 0);
  return {
    balanceAfter: of(AccountPurpose.MERCHANT_AVAILABLE),
    pendingWithdrawal: of(AccountPurpose.MERCHANT_PENDING_WITHDRAWAL),
    frozenToday: of(AccountPurpose.MERCHANT_FROZEN),
  };
}

class WithdrawNoClash extends Error {}
class RequestIdTaken extends Error {}
class UnfreezeDue extends Error {}

/** A withdrawal request as `request_withdrawals` takes it: the debit and the withdrawal's columns. */
interface WithdrawalEntry {
  /** The start of today (China time): first ask for an unfreeze if income from before it is frozen. */
  unfreezeSince: string | null;
  posting: PostingEntry;
  withdrawal: {
    withdraw_no: string;
    merchant_id: number;
    amount: Fen;
    fee: Fen;
    /** The card asked for; null: the merchant's first approved card. */
    bank_card_id: number | null;
    request_id: string | null;
  };
}

/** The card the statement picked, as `bank_card`'s row (the columns a withdrawal copies). */
interface CardRow {
  id: number;
  account_name: string;
  account_number: string;
  bank_name: string;
  branch: string | null;
  province: string | null;
  city: string | null;
  unionpay_code: string | null;
}

interface WithdrawalRow extends BatchRow {
  withdrawal_id: string | null;
  posting_id: string | null;
  created_at: Date | string | null;
  card: CardRow | null;
  available: string | null;
  pending: string | null;
  frozen: string | null;
}

/** What `request_withdrawals` recorded for one request. */
interface Recorded {
  withdrawalId: number;
  postingId: number;
  createdAt: Date;
  card: CardRow;
  balanceAfter: Fen;
  pendingWithdrawal: Fen;
  frozenToday: Fen;
}

const REQUEST_WITHDRAWALS = {
  name: 'ledger_request_withdrawals',
  text: `select entry, withdrawal_id, posting_id, created_at, card, available, pending, frozen, error_state, error_message
           from request_withdrawals($1::jsonb)`,
};

const CARD_REFUSALS: WithdrawalCardRefusal[] = [
  'BANK_CARD_NOT_FOUND',
  'BANK_CARD_NOT_APPROVED',
  'NO_APPROVED_BANK_CARD',
];

const recorded = (row: WithdrawalRow): Recorded => ({
  withdrawalId: Number(row.withdrawal_id),
  postingId: Number(row.posting_id),
  createdAt: new Date(row.created_at!),
  card: row.card!,
  balanceAfter: Number(row.available ?? 0),
  pendingWithdrawal: Number(row.pending ?? 0),
  frozenToday: Number(row.frozen ?? 0),
});

function withdrawalFailure(entry: WithdrawalEntry, state: string, message: string): Error {
  if (message.startsWith('WITHDRAW_NO_TAKEN') || message.includes('withdrawal_withdraw_no_unique'))
    return new WithdrawNoClash();
  if (message.includes('withdrawal_merchant_request_unique')) return new RequestIdTaken();
  if (message.startsWith('UNFREEZE_DUE')) return new UnfreezeDue();
  const refusal = CARD_REFUSALS.find((reason) => message === reason);
  if (refusal) return withdrawalCardRefused(refusal, entry.withdrawal.bank_card_id);
  return postingFailure(entry.posting.uniqueNo, state, message);
}

/**
 * Debits and records one request in ONE statement: with the ledger's batcher (outside a
 * transaction) together with the other requests in flight, else directly on `em`.
 */
async function recordWithdrawal(em: EntityManager, entry: WithdrawalEntry): Promise<Recorded> {
  const batcher = em.getTransactionContext() ? undefined : postingBatcherOf(em);
  if (batcher) {
    return batcher
      .group({ statement: REQUEST_WITHDRAWALS, result: recorded, failure: withdrawalFailure })
      .submit(entry);
  }
  const [row] = (await em
    .getConnection()
    .execute(
      REQUEST_WITHDRAWALS.text.replace('$1', '?'),
      [JSON.stringify([entry])],
      'all',
      em.getTransactionContext(),
    )) as WithdrawalRow[];
  if (!row) throw new Error('request_withdrawals answered no row');
  if (row.error_state !== null) throw withdrawalFailure(entry, row.error_state, row.error_message ?? '');
  return recorded(row);
}

/**
 * Requests a withdrawal (`/sendmoney`): validates the amount, picks the card, checks
 * the merchant's TOTP code when two-factor is on, then — in ONE transaction — debits
 * amount + fee from the available balance into pending withdrawal and records the
 * withdrawal with its first log. The debit cannot take the balance below zero
 * (`post_entry` refuses with INSUFFICIENT_BALANCE), so concurrent requests never
 * overdraw; a failure leaves nothing behind.
 */
export async function requestWithdrawal(
  em: EntityManager,
  rule: WithdrawalRule,
  security: MerchantSecurity,
  command: RequestWithdrawalCommand,
): Promise<RequestWithdrawalResult> {
  const amount = parseWithdrawalAmount(command.amount, rule);
  const requestId = command.requestId?.trim() || null;
  if (requestId !== null && !/^\S{1,100}$/.test(requestId)) {
    throw new AppError('BAD_USER_INPUT', 'requestId must be 1-100 characters without spaces', {
      argument: 'requestId',
    });
  }
  // A retry answers with the first request's withdrawal (before the TOTP check: its code was used).
  const repeated =
    requestId === null ? null : await repeatedRequest(em, command.merchantId, requestId, amount);
  if (repeated) return repeated;
  // The card is picked by the statement below. A two-factor code is used up when it is
  // checked, so with a code the card is checked first (a request refused for its card
  // must not spend it); without one, a refused card is still the first error reported.
  const code = command.totpCode?.trim().slice(0, 16) || null;
  if (code !== null) await withdrawalCard(em, command.merchantId, command.bankCardId);
  const totp = await security.verifyTotp(command.merchantId, code);
  if (totp.required && (!code || !totp.valid)) {
    if (!code) await withdrawalCard(em, command.merchantId, command.bankCardId);
    throw new AppError(
      'TOTP_INVALID',
      code ? 'the two-factor code is wrong, expired or already used' : 'a two-factor code is required',
    );
  }
  const fee = withdrawalFee(amount, rule);
  const total = amount + fee;

  // Income from before today is withdrawable even if the nightly release has not run
  // yet (the ledger was down, or heard of a payment late): the statement answers
  // UNFREEZE_DUE when there is some, and the request releases it and goes again.
  let unfreezeSince: string | null = startOfChinaDay(new Date()).toISOString();
  for (let attempt = 1; ; attempt += 1) {
    const withdrawNo = newWithdrawNo();
    const entry: WithdrawalEntry = {
      unfreezeSince,
      posting: toPostingEntry({
        uniqueNo: `withdraw:${withdrawNo}`,
        type: PostingType.WITHDRAWAL,
        description: `提现申请：${withdrawNo}`,
        orderNo: withdrawNo,
        actor: command.actor.sub,
        legs: [
          {
            ...merchantAccount(command.merchantId, AccountPurpose.MERCHANT_AVAILABLE),
            amount: -total,
            description: `提现申请：${withdrawNo}，提现${formatFen(amount)}元，手续费${formatFen(fee)}元`,
          },
          {
            ...merchantAccount(command.merchantId, AccountPurpose.MERCHANT_PENDING_WITHDRAWAL),
            amount: total,
          },
        ],
      }),
      withdrawal: {
        withdraw_no: withdrawNo,
        merchant_id: command.merchantId,
        amount,
        fee,
        bank_card_id: command.bankCardId,
        request_id: requestId,
      },
    };
    try {
      const done = await recordWithdrawal(em, entry);
      // What the statement wrote, as an unmanaged entity: the answer only reads it, and
      // merging it into the identity map cost more than the request's SQL.
      const withdrawal = Object.assign(new Withdrawal(), {
        id: done.withdrawalId,
        withdrawNo,
        merchantId: command.merchantId,
        amount,
        fee,
        bankCardId: Number(done.card.id),
        accountName: done.card.account_name,
        accountNumber: done.card.account_number,
        bankName: done.card.bank_name,
        branch: done.card.branch,
        province: done.card.province,
        city: done.card.city,
        unionpayCode: done.card.unionpay_code,
        requestId,
        requestPostingId: done.postingId,
        createdAt: done.createdAt,
        updatedAt: done.createdAt,
      });
      return {
        withdrawal,
        fee,
        balanceAfter: done.balanceAfter,
        pendingWithdrawal: done.pendingWithdrawal,
        frozenToday: done.frozenToday,
      };
    } catch (error) {
      // The same key sent twice at once: the other request won; answer with its withdrawal.
      if (error instanceof RequestIdTaken && requestId !== null) {
        const winner = await repeatedRequest(em.fork(), command.merchantId, requestId, amount);
        if (winner) return winner;
      }
      if (error instanceof UnfreezeDue && unfreezeSince !== null) {
        await unfreezeMerchant(em, command.merchantId);
        unfreezeSince = null;
        continue;
      }
      if (error instanceof WithdrawNoClash && attempt < WITHDRAW_NO_ATTEMPTS) continue;
      if (error instanceof WithdrawNoClash)
        throw new AppError('CONFLICT', 'could not draw a free withdraw number; retry');
      throw error;
    }
  }
}

/** The withdrawal an earlier request with this key created, as that request answered; BAD_USER_INPUT if the key was used for another amount. */
async function repeatedRequest(
  em: EntityManager,
  merchantId: number,
  requestId: string,
  amount: Fen,
): Promise<RequestWithdrawalResult | null> {
  const withdrawal = await em.findOne(Withdrawal, { merchantId, requestId });
  if (!withdrawal) return null;
  if (withdrawal.amount !== amount) {
    throw new AppError('BAD_USER_INPUT', 'this requestId was used for a different amount', {
      argument: 'requestId',
    });
  }
  return {
    withdrawal,
    fee: withdrawal.fee,
    ...(await balancesAfter(em, withdrawal.requestPostingId!, merchantId)),
  };
}

export interface WithdrawalRef {
  id?: number | null;
  withdrawNo?: string | null;
}

/**
 * An operator's decision on a withdrawal, in one transaction with the row locked:
 * PAY moves amount + fee out of pending (the amount to the payout account, the fee to
 * platform revenue), CANCEL returns amount + fee to the available balance, FREEZE moves
 * no money. Each change appends a log. Illegal moves are ILLEGAL_TRANSITION.
 */
export async function changeWithdrawal(
  em: EntityManager,
  ref: WithdrawalRef,
  action: WithdrawalAction,
  actor: Actor,
  note: string | null,
): Promise<Withdrawal> {
  const where = ref.id != null ? { id: ref.id } : ref.withdrawNo ? { withdrawNo: ref.withdrawNo } : null;
  if (!where)
    throw new AppError('BAD_USER_INPUT', 'give a withdrawal id or withdraw number', { argument: 'id' });
  if (note !== null && note.length > 500) {
    throw new AppError('BAD_USER_INPUT', 'note must be at most 500 characters', { argument: 'note' });
  }
  return em.transactional(async (tx) => {
    const w = await tx.findOne(Withdrawal, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!w)
      throw new AppError('NOT_FOUND', 'withdrawal not found', {
        id: ref.id ?? null,
        withdrawNo: ref.withdrawNo ?? null,
      });
    const from = w.status;
    const to = transition(from, action);
    const total = w.amount + w.fee;
    const pending = merchantAccount(w.merchantId, AccountPurpose.MERCHANT_PENDING_WITHDRAWAL);
    if (action === 'PAY') {
      await post(tx, {
        uniqueNo: `withdraw:${w.withdrawNo}:paid`,
        type: PostingType.WITHDRAWAL_PAYOUT,
        description: `提现出款：${w.withdrawNo}`,
        orderNo: w.withdrawNo,
        actor: actor.sub,
        legs: [
          { ...pending, amount: -total },
          { ...WITHDRAWAL_PAYOUT, amount: w.amount },
          {
            ...PLATFORM_REVENUE,
            amount: w.fee,
            type: PostingType.FEE,
            description: `提现手续费：${w.withdrawNo}`,
          },
        ],
      });
    } else if (action === 'CANCEL') {
      await post(tx, {
        uniqueNo: `withdraw:${w.withdrawNo}:cancel`,
        type: PostingType.WITHDRAWAL_RETURN,
        description: `提现取消退回：${w.withdrawNo}`,
        orderNo: w.withdrawNo,
        actor: actor.sub,
        reverses: w.requestPostingId,
        legs: [
          { ...pending, amount: -total },
          {
            ...merchantAccount(w.merchantId, AccountPurpose.MERCHANT_AVAILABLE),
            amount: total,
            description: `提现取消退回：${w.withdrawNo}，退回${formatFen(total)}元`,
          },
        ],
      });
    }
    w.status = to;
    tx.create(WithdrawalLog, { withdrawalId: w.id, fromStatus: from, toStatus: to, actor: actor.sub, note });
    await tx.flush();
    return w;
  });
}

export interface WithdrawalFilter {
  merchantId?: number;
  status?: WithdrawalStatus;
  startTime?: Date | null;
  endTime?: Date | null;
}

function whereOf(filter: WithdrawalFilter) {
  if (filter.startTime && filter.endTime && filter.startTime > filter.endTime) {
    throw new AppError('BAD_USER_INPUT', 'startTime must not be after endTime', { argument: 'startTime' });
  }
  return {
    ...(filter.merchantId !== undefined ? { merchantId: filter.merchantId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.startTime || filter.endTime
      ? {
          createdAt: {
            ...(filter.startTime ? { $gte: filter.startTime } : {}),
            ...(filter.endTime ? { $lte: filter.endTime } : {}),
          },
        }
      : {}),
  };
}

/** Withdrawals, newest first (`/withdrawlist`). */
/**
 * A page of withdrawals, newest first; after a keyset cursor the page continues below the
 * last one seen (`(created_at, id) <`) instead of counting an OFFSET; one row beyond the
 * page tells whether more follow; count(*) only when asked.
 */
export async function listWithdrawals(
  em: EntityManager,
  filter: WithdrawalFilter,
  window: KeysetWindow,
  options: { total: boolean } = { total: true },
): Promise<{ items: Withdrawal[]; total: number | null; hasMore: boolean }> {
  const where = whereOf(filter);
  const query = em.createQueryBuilder(Withdrawal, 'w').select('*').where(where);
  // The cursor names the last row seen; its exact created_at (microseconds: the row was
  // written by SQL's now()) is read from the row itself, not from the cursor's milliseconds.
  if (window.after) {
    query.andWhere('(w.created_at, w.id) < (select created_at, id from withdrawal where id = ?)', [
      window.after.id,
    ]);
  }
  const [rows, total] = await Promise.all([
    query
      .orderBy({ createdAt: 'desc', id: 'desc' })
      .limit(window.limit + 1)
      .offset(window.offset)
      .getResultList(),
    options.total ? em.count(Withdrawal, where) : Promise.resolve(null),
  ]);
  return { items: rows.slice(0, window.limit), total, hasMore: rows.length > window.limit };
}

/**
 * One page of withdrawals for each of many merchants in ONE query (for the
 * `Merchant.withdrawals` loader): numbered per merchant, newest first.
 */
export async function pagesOfMerchants(
  em: EntityManager,
  merchantIds: readonly number[],
  filter: Omit<WithdrawalFilter, 'merchantId'>,
  window: PageWindow,
): Promise<{ items: Withdrawal[]; total: number }[]> {
  whereOf(filter);
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (filter.status) {
    conditions.push('and status = ?');
    values.push(filter.status);
  }
  if (filter.startTime) {
    conditions.push('and created_at >= ?');
    values.push(filter.startTime);
  }
  if (filter.endTime) {
    conditions.push('and created_at <= ?');
    values.push(filter.endTime);
  }
  const where = `merchant_id = any(?::int[]) ${conditions.join(' ')}`;
  const rows = (await em.getConnection().execute(
    `select * from (
       select w.*, row_number() over (partition by merchant_id order by created_at desc, id desc) as page_row,
              count(*) over (partition by merchant_id) as page_total
         from withdrawal w where ${where}
     ) t where page_row > ? and page_row <= ? order by merchant_id, page_row`,
    [pgArray(merchantIds), ...values, window.offset, window.offset + window.limit],
    'all',
    em.getTransactionContext(),
  )) as (Record<string, unknown> & { merchant_id: number; page_row: string; page_total: string })[];
  const pages = new Map<number, { items: Withdrawal[]; total: number }>(
    merchantIds.map((id) => [id, { items: [], total: 0 }]),
  );
  for (const { page_row: _row, page_total: total, ...columns } of rows) {
    const page = pages.get(Number(columns.merchant_id))!;
    page.total = Number(total);
    page.items.push(em.map(Withdrawal, columns));
  }
  // A page past the end has no rows to carry the total: count those merchants (one more query).
  const missing = merchantIds.filter((id) => pages.get(id)!.items.length === 0);
  if (missing.length > 0 && window.offset > 0) {
    const counts = (await em
      .getConnection()
      .execute(
        `select merchant_id, count(*)::int as n from withdrawal where ${where} group by merchant_id`,
        [pgArray(missing), ...values],
        'all',
        em.getTransactionContext(),
      )) as { merchant_id: number; n: number }[];
    for (const row of counts) pages.get(row.merchant_id)!.total = row.n;
  }
  return merchantIds.map((id) => pages.get(id)!);
}

/** One withdrawal by id or withdraw number, within a merchant when one is given; null when absent. */
export async function findWithdrawal(
  em: EntityManager,
  ref: WithdrawalRef & { merchantId?: number },
): Promise<Withdrawal | null> {
  const key = ref.id != null ? { id: ref.id } : ref.withdrawNo ? { withdrawNo: ref.withdrawNo } : null;
  if (!key) return null;
  const found = await em.findOne(Withdrawal, key);
  return found && (ref.merchantId === undefined || found.merchantId === ref.merchantId) ? found : null;
}
