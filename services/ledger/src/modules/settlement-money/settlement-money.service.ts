import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  parseInternalRequest,
  settlementPayoutContract,
  walletCollectionContract,
  walletRechargeContract,
  type Fen,
  type RechargeMethod,
} from '@pay/common';
import {
  AccountPurpose,
  BILLING_RECHARGE,
  merchantAccount,
  OwnerType,
  PLATFORM_REVENUE,
  SETTLEMENT_PAYOUT,
  type AccountRef,
} from '../account/account-purpose';
import { post, type PostingResult } from '../posting/posting.service';
import { unfreezeMerchant } from '../balance/unfreeze.service';
import { PostingType } from '../posting/posting-type';

/** Idempotency keys of the settlement service's movements: one posting per settlement, recharge, collection. */
export const settlementPayoutKey = (settlementCode: string) => `stl_${settlementCode}`;
export const walletRechargeKey = (rechargeId: string) => `rcg_${rechargeId}`;
export const billCollectionKey = (collectionId: string) => `bcl_${collectionId}`;

/** Money-log texts of recharges by method (the bill receipts' method names). */
const RECHARGE_DESCRIPTIONS: Record<RechargeMethod, string> = {
  ALIPAY: '支付宝自助充值',
  API: 'API充值',
};

export interface CollectionResult {
  /** Fen moved from the wallet to platform revenue (0: the wallet was empty). */
  collected: Fen;
  /** The collection's posting; null when nothing was collected. */
  postingId: number | null;
}

interface PostedLeg {
  owner_type: string;
  owner_id: string;
  purpose: string;
  amount: string;
  type: number;
}

/** The legs of the posting with this key (none: not posted). */
async function legsByKey(
  em: EntityManager,
  uniqueNo: string,
): Promise<{ postingId: number; legs: PostedLeg[] }> {
  const rows = (await em.getConnection().execute(
    `select p.id as posting_id, a.owner_type, a.owner_id, a.purpose, l.amount, p.type
       from posting_key k join posting p on p.id = k.id
       join leg l on l.posting_id = p.id join account a on a.id = l.account_id
      where k.unique_no = ?`,
    [uniqueNo],
    'all',
    em.getTransactionContext(),
  )) as (PostedLeg & { posting_id: string })[];
  return { postingId: rows[0] ? Number(rows[0].posting_id) : 0, legs: rows };
}

const legOf = (legs: PostedLeg[], account: AccountRef) =>
  legs.find(
    (l) =>
      l.owner_type === account.ownerType && l.owner_id === account.ownerId && l.purpose === account.purpose,
  );

/**
 * A repeated key must describe the same movement: answering the first posting for a
 * different merchant or amount would report money as moved that never was.
 */
async function expectSameMovement(
  em: EntityManager,
  uniqueNo: string,
  type: PostingType,
  account: AccountRef,
  amount: Fen,
): Promise<void> {
  const { legs } = await legsByKey(em, uniqueNo);
  const mine = legOf(legs, account);
  if (!mine || Number(mine.amount) !== amount || mine.type !== type) {
    throw new AppError('BAD_USER_INPUT', `${uniqueNo} was already posted for a different merchant or amount`);
  }
}

/**
 * Pays out a settlement: debits the merchant's available balance to SETTLEMENT_PAYOUT,
 * one posting per settlement code (`stl_<code>`). A repeated code answers the first
 * posting (created: false) whatever the balance is now. Income frozen from earlier days
 * is released first. A balance that cannot cover the amount is INSUFFICIENT_BALANCE and
 * posts nothing.
 */
export async function postSettlementPayout(em: EntityManager, input: unknown): Promise<PostingResult> {
  const command = parseInternalRequest(settlementPayoutContract, input);
  const uniqueNo = settlementPayoutKey(command.settlementCode);
  const available = merchantAccount(command.merchantId, AccountPurpose.MERCHANT_AVAILABLE);
  // A settlement pays out income from before today, which may still be frozen if the
  // nightly release has not run yet: release it first, as a withdrawal request does.
  await unfreezeMerchant(em, command.merchantId);
  const result = await post(em, {
    uniqueNo,
    type: PostingType.SETTLEMENT_PAYOUT,
    description: `结算打款 ${command.settlementCode}`,
    orderNo: command.settlementCode,
    actor: command.actor,
    legs: [
      { ...available, amount: -command.amount },
      { ...SETTLEMENT_PAYOUT, amount: command.amount },
    ],
  });
  if (!result.created)
    await expectSameMovement(em, uniqueNo, PostingType.SETTLEMENT_PAYOUT, available, -command.amount);
  return result;
}

/**
 * Credits (amount > 0) or debits (amount < 0, an API correction) a merchant's prepaid
 * fee wallet against BILLING_RECHARGE, one posting per recharge (`rcg_<id>`). A debit
 * the wallet cannot cover is INSUFFICIENT_BALANCE and posts nothing.
 */
export async function postWalletRecharge(em: EntityManager, input: unknown): Promise<PostingResult> {
  const command = parseInternalRequest(walletRechargeContract, input);
  const uniqueNo = walletRechargeKey(command.rechargeId);
  const wallet = merchantAccount(command.merchantId, AccountPurpose.MERCHANT_PREPAID_FEE);
  const result = await post(em, {
    uniqueNo,
    type: PostingType.WALLET_RECHARGE,
    description: `${RECHARGE_DESCRIPTIONS[command.method]} ${command.rechargeId}`,
    orderNo: command.rechargeId,
    actor: command.actor,
    legs: [
      { ...wallet, amount: command.amount },
      { ...BILLING_RECHARGE, amount: -command.amount },
    ],
  });
  if (!result.created)
    await expectSameMovement(em, uniqueNo, PostingType.WALLET_RECHARGE, wallet, command.amount);
  return result;
}

/**
 * Collects up to `maxAmount` of a bill from the merchant's prepaid wallet into platform
 * revenue: min(wallet balance, maxAmount), one posting per collection (`bcl_<id>`). The
 * wallet's row is locked first, so concurrent collections of one merchant take turns and
 * each sees what the previous left: together they never take more than was there. A
 * collection already posted answers what it took. An empty wallet posts nothing and
 * answers 0; asking again later may then collect what has arrived since.
 */
export async function collectFromWallet(em: EntityManager, input: unknown): Promise<CollectionResult> {
  const command = parseInternalRequest(walletCollectionContract, input);
  const uniqueNo = billCollectionKey(command.collectionId);
  const wallet = merchantAccount(command.merchantId, AccountPurpose.MERCHANT_PREPAID_FEE);
  return em.transactional(async (tx) => {
    const [account] = (await tx
      .getConnection()
      .execute(
        `select balance from account where owner_type = ? and owner_id = ? and purpose = ? for update`,
        [OwnerType.MERCHANT, wallet.ownerId, wallet.purpose],
        'all',
        tx.getTransactionContext(),
      )) as { balance: string }[];
    // Read after the lock: a collection with this key that committed while this one
    // waited is visible now (read committed) and is answered instead of collecting twice.
    const existing = await postedCollection(tx, uniqueNo, wallet);
    if (existing) return existing;
    const amount = Math.min(account ? Number(account.balance) : 0, command.maxAmount);
    if (amount <= 0) return { collected: 0, postingId: null };
    const result = await post(tx, {
      uniqueNo,
      type: PostingType.BILL_COLLECTION,
      description: command.description,
      orderNo: command.collectionId,
      actor: command.actor,
      legs: [
        { ...wallet, amount: -amount },
        { ...PLATFORM_REVENUE, amount },
      ],
    });
    // Only a same-key collection of another wallet can have won the key meanwhile: refused there.
    if (!result.created) return (await postedCollection(tx, uniqueNo, wallet))!;
    return { collected: amount, postingId: result.postingId };
  });
}

/** What the collection with this key took from this wallet; null when it was never posted. */
async function postedCollection(
  em: EntityManager,
  uniqueNo: string,
  wallet: AccountRef,
): Promise<CollectionResult | null> {
  const { postingId, legs } = await legsByKey(em, uniqueNo);
  if (legs.length === 0) return null;
  const mine = legOf(legs, wallet);
  if (!mine || mine.type !== PostingType.BILL_COLLECTION) {
    throw new AppError('BAD_USER_INPUT', `${uniqueNo} was already posted for a different merchant`);
  }
  return { collected: -Number(mine.amount), postingId };
}
