import { randomBytes } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, applyRate, formatFen, type Actor, type Fen, type RatePpm, maskPhone } from '@pay/common';
import { PLATFORM_REVENUE, WITHDRAWAL_PAYOUT } from '../account/account-purpose';
import { post } from '../posting/posting.service';
import { PostingType } from '../posting/posting-type';
import { MainAccount } from './main-account/main-account.entity';
import { ChildAccount } from './child-account/child-account.entity';
import { IncomingPayment, IncomingPaymentStatus } from './incoming-payment/incoming-payment.entity';
import { Clearing } from './clearing-record/clearing-record.entity';
import { ChildWithdrawal } from './child-withdrawal/child-withdrawal.entity';
import { childAccountLedger, clearingReceivable, mainAccountLedger, POSTING_KEYS } from './clearing-accounts';
import { checkClientSn, checkPhone, checkText, checkUnionId } from './clearing-rules';

/*
 * The rules of main and child accounts (account-clearing-api.md):
 *
 * - A PAID incoming payment credits the main account with amount − inFee
 *   (inFee = amount × in-fee rate, half-up); WAITING and FAILED ones move nothing, and a
 *   WAITING one that becomes PAID posts then.
 * - A clearing (清分) takes amount + shareFee from the main account's balance and credits
 *   the child with the amount; it fails with INSUFFICIENT_BALANCE, changing nothing,
 *   when the balance cannot cover both.
 * - A child withdrawal takes amount + withdrawFee from the child's balance and pays the
 *   amount out.
 * - Every fee goes to PLATFORM_REVENUE. Each command writes its record and its posting in
 *   one transaction.
 *
 * Hence, per main account (the spec's 未清分的金额 + 清分的费用 + 已清分金额 = 总计的收款金额,
 * with the received total taken net of the in-fee):
 *
 *   balance + totalShareFee + totalShareAmount = totalInAmount − totalInFee
 *
 * `clearingDrift` (clearing.query.ts) lists the main accounts that break it.
 *
 * Idempotency: a `clientSn` is used once per main account (per child for withdrawals).
 * Repeating a request with the same clientSn and the same details returns the existing
 * record with `created: false` and posts nothing; the same clientSn with different
 * details (another amount, child or pay way) is DUPLICATE_CLIENT_SN.
 */

/** Whether an actor may see and act on a main account: platform roles always, a merchant only on its own. */
export function canAccessMainAccount(actor: Actor, main: MainAccount): boolean {
  return actor.role !== 'MERCHANT' || (main.merchantId !== null && main.merchantId === actor.merchantId);
}

export function assertMainAccountAccess(actor: Actor, main: MainAccount): void {
  if (!canAccessMainAccount(actor, main))
    throw new AppError('FORBIDDEN', 'a merchant may only use its own main accounts');
}

export interface MainAccountRef {
  id?: number | null;
  unionId?: string | null;
  mainAccountUid?: number | null;
}

/** Finds a main account by exactly one of id, unionId or mainAccountUid; null when there is none. */
export async function findMainAccount(em: EntityManager, ref: MainAccountRef): Promise<MainAccount | null> {
  const given = [ref.id, ref.unionId, ref.mainAccountUid].filter((v) => v != null && v !== '');
  if (given.length !== 1)
    throw new AppError('BAD_USER_INPUT', 'give exactly one of mainAccountId, unionId or mainAccountUid', {
      argument: 'mainAccountId',
    });
  if (ref.id != null) return em.findOne(MainAccount, { id: ref.id });
  if (ref.unionId != null && ref.unionId !== '') return em.findOne(MainAccount, { unionId: ref.unionId });
  return em.findOne(MainAccount, { mainAccountUid: ref.mainAccountUid! });
}

/** The main account a command or list names: NOT_FOUND when missing, FORBIDDEN when not the caller's. */
export async function requireMainAccount(
  em: EntityManager,
  actor: Actor,
  ref: MainAccountRef,
): Promise<MainAccount> {
  const main = await findMainAccount(em, ref);
  if (!main) throw new AppError('NOT_FOUND', '主账户不存在');
  assertMainAccountAccess(actor, main);
  return main;
}

export async function requireChild(
  em: EntityManager,
  main: MainAccount,
  phone: string,
): Promise<ChildAccount> {
  const child = await em.findOne(ChildAccount, {
    mainAccount: main.id,
    phone: checkPhone(phone, 'childPhone'),
  });
  if (!child) throw new AppError('NOT_FOUND', '子账户不存在', { argument: 'childPhone' });
  return child;
}

export interface Created<T> {
  record: T;
  /** False when the record existed (a repeated request): nothing was written again. */
  created: boolean;
}

/**
 * Creates a record (and its posting) once. A repeat finds the existing record; a
 * concurrent twin loses on the unique key, rolls back, and finds the winner's.
 */
async function createOnce<T>(
  em: EntityManager,
  find: () => Promise<T | null>,
  sameRequest: (existing: T) => boolean,
  create: (tx: EntityManager) => Promise<T>,
): Promise<Created<T>> {
  const repeat = (existing: T): Created<T> => {
    if (!sameRequest(existing))
      throw new AppError('DUPLICATE_CLIENT_SN', 'clientSn was used before for a different request', {
        argument: 'clientSn',
      });
    return { record: existing, created: false };
  };
  const existing = await find();
  if (existing) return repeat(existing);
  try {
    return { record: await em.transactional(create), created: true };
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return repeat(winner);
  }
}

// ---------------------------------------------------------------------------------------
// Main and child accounts

export interface CreateMainAccountCommand {
  /** Generated (the next free number from 100001) when absent. */
  mainAccountUid?: number | null;
  /** Generated when absent. */
  unionId?: string | null;
  merchantId?: number | null;
  inFeeRatePpm: RatePpm;
  shareFeeRatePpm: RatePpm;
  withdrawFeeRatePpm: RatePpm;
  /** Only the demo seeder sets a key; otherwise a random one is generated. */
  apiKey?: string;
}

/** Opens a main account; returns it with its API key, which is never readable again. */
export async function createMainAccount(
  em: EntityManager,
  command: CreateMainAccountCommand,
): Promise<{ mainAccount: MainAccount; apiKey: string }> {
  const uid = command.mainAccountUid;
  if (uid != null && (!Number.isInteger(uid) || uid <= 0))
    throw new AppError('BAD_USER_INPUT', 'mainAccountUid must be a positive integer', {
      argument: 'mainAccountUid',
    });
  if (command.merchantId != null && (!Number.isInteger(command.merchantId) || command.merchantId <= 0))
    throw new AppError('BAD_USER_INPUT', 'merchantId must be a positive integer', { argument: 'merchantId' });
  const unionId = command.unionId ? checkUnionId(command.unionId) : randomBytes(16).toString('hex');
  const apiKey = command.apiKey ?? randomBytes(16).toString('hex');

  return em.transactional(async (tx) => {
    if (uid != null && (await tx.count(MainAccount, { mainAccountUid: uid })) > 0)
      throw new AppError('BAD_USER_INPUT', `main account uid ${uid} is taken`, {
        argument: 'mainAccountUid',
      });
    if ((await tx.count(MainAccount, { unionId })) > 0)
      throw new AppError('BAD_USER_INPUT', 'unionId is taken', { argument: 'unionId' });
    let mainAccountUid = uid;
    if (mainAccountUid == null) {
      const [row] = (await tx
        .getConnection()
        .execute(
          'select coalesce(max(main_account_uid), 100000) + 1 as next from main_account',
          [],
          'all',
          tx.getTransactionContext(),
        )) as { next: number | string }[];
      mainAccountUid = Number(row!.next);
    }
    const mainAccount = tx.create(MainAccount, {
      mainAccountUid,
      unionId,
      apiKey,
      merchantId: command.merchantId ?? null,
      inFeeRatePpm: command.inFeeRatePpm,
      shareFeeRatePpm: command.shareFeeRatePpm,
      withdrawFeeRatePpm: command.withdrawFeeRatePpm,
    });
    try {
      await tx.flush();
    } catch (error) {
      // Two creations at once drew the same uid (or sent the same unionId): one wins.
      if (error instanceof UniqueConstraintViolationException) {
        throw new AppError(
          'CONFLICT',
          'another main account was created with the same uid or unionId; retry',
        );
      }
      throw error;
    }
    return { mainAccount, apiKey };
  });
}

/** The API key of a main account (for signature checks by the account API); null when unknown. */
export async function mainAccountApiKey(em: EntityManager, unionId: string): Promise<string | null> {
  const main = await em.findOne(MainAccount, { unionId }, { populate: ['apiKey'] });
  return main?.apiKey ?? null;
}

/** Adds a child account; adding a phone that is there already returns that child (`created: false`). */
export async function addChildAccount(
  em: EntityManager,
  main: MainAccount,
  input: { phone: string; name?: string | null },
): Promise<Created<ChildAccount>> {
  const phone = checkPhone(input.phone);
  const name = checkText(input.name, 'name', 100);
  return createOnce(
    em,
    () => em.findOne(ChildAccount, { mainAccount: main.id, phone }),
    () => true,
    async (tx) => {
      const child = tx.create(ChildAccount, {
        mainAccount: tx.getReference(MainAccount, main.id),
        phone,
        name,
      });
      await tx.flush();
      return child;
    },
  );
}

// ---------------------------------------------------------------------------------------
// Incoming payments

export interface RecordIncomingPaymentCommand {
  clientSn: string;
  sn?: string | null;
  amount: Fen;
  payWay: string;
  msg?: string | null;
  status: IncomingPaymentStatus;
}

async function postIncoming(
  tx: EntityManager,
  main: MainAccount,
  payment: IncomingPayment,
  actor: Actor,
): Promise<void> {
  const net = payment.amount - payment.inFee;
  await post(tx, {
    uniqueNo: POSTING_KEYS.incoming(main.id, payment.clientSn),
    type: PostingType.CLEARING_IN,
    description: `收款：主账户${main.mainAccountUid}，${payment.clientSn}`,
    actor: actor.sub,
    legs: [
      { ...clearingReceivable(payment.payWay), amount: -payment.amount },
      {
        ...mainAccountLedger(main.id),
        amount: net,
        description: `收款入账：${payment.clientSn}，金额${formatFen(payment.amount)}元，手续费${formatFen(payment.inFee)}元`,
      },
      {
        ...PLATFORM_REVENUE,
        amount: payment.inFee,
        type: PostingType.FEE,
        description: `收款手续费：主账户${main.mainAccountUid}，${payment.clientSn}`,
      },
    ],
  });
}

/**
 * Records a payment into a main account with the in-fee at the account's rate; a PAID
 * one is credited at once. A repeat with the same clientSn, amount and pay way returns
 * the existing payment whatever its status now is.
 */
export async function recordIncomingPayment(
  em: EntityManager,
  main: MainAccount,
  command: RecordIncomingPaymentCommand,
  actor: Actor,
): Promise<Created<IncomingPayment>> {
  const clientSn = checkClientSn(command.clientSn);
  const sn = checkText(command.sn, 'sn', 64);
  const msg = checkText(command.msg, 'msg', 200);
  const payWay = checkText(command.payWay, 'payWay', 40);
  if (!payWay) throw new AppError('BAD_USER_INPUT', 'payWay is required', { argument: 'payWay' });
  const inFee = applyRate(command.amount, main.inFeeRatePpm);
  return createOnce(
    em,
    () => em.findOne(IncomingPayment, { mainAccount: main.id, clientSn }),
    (existing) => existing.amount === command.amount && existing.payWay === payWay,
    async (tx) => {
      const now = new Date();
      const payment = tx.create(IncomingPayment, {
        mainAccount: tx.getReference(MainAccount, main.id),
        clientSn,
        sn,
        amount: command.amount,
        inFee,
        msg,
        payWay,
        status: command.status,
        genTime: now,
        payTime: command.status === IncomingPaymentStatus.WAITING ? null : now,
      });
      await tx.flush();
      if (command.status === IncomingPaymentStatus.PAID) await postIncoming(tx, main, payment, actor);
      return payment;
    },
  );
}

/**
 * Settles a WAITING payment as PAID (credited now, with the in-fee fixed when it was
 * recorded) or FAILED. Settling to the status it has is a no-op (`unchanged`); a paid
 * payment cannot fail afterwards nor a failed one be paid (ILLEGAL_TRANSITION).
 */
export async function settleIncomingPayment(
  em: EntityManager,
  main: MainAccount,
  clientSnInput: string,
  status: IncomingPaymentStatus,
  actor: Actor,
): Promise<{ payment: IncomingPayment; unchanged: boolean }> {
  const clientSn = checkClientSn(clientSnInput);
  if (status === IncomingPaymentStatus.WAITING)
    throw new AppError('BAD_USER_INPUT', 'a payment settles as PAID or FAILED', { argument: 'status' });
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(
      IncomingPayment,
      { mainAccount: main.id, clientSn },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!payment) throw new AppError('NOT_FOUND', '收款记录不存在', { argument: 'clientSn' });
    if (payment.status === status) return { payment, unchanged: true };
    if (payment.status !== IncomingPaymentStatus.WAITING)
      throw new AppError('ILLEGAL_TRANSITION', 'only a waiting payment can be settled', {
        status: IncomingPaymentStatus[payment.status],
      });
    payment.status = status;
    payment.payTime = new Date();
    await tx.flush();
    if (status === IncomingPaymentStatus.PAID) await postIncoming(tx, main, payment, actor);
    return { payment, unchanged: false };
  });
}

// ---------------------------------------------------------------------------------------
// Clearing and child withdrawals

export interface ChildMoveCommand {
  childPhone: string;
  amount: Fen;
  clientSn: string;
}

/** Clears (清分) an amount from the main account to a child; the main account pays the share fee on top. */
export async function clearToChild(
  em: EntityManager,
  main: MainAccount,
  command: ChildMoveCommand,
  actor: Actor,
): Promise<Created<Clearing>> {
  const clientSn = checkClientSn(command.clientSn);
  const child = await requireChild(em, main, command.childPhone);
  const fee = applyRate(command.amount, main.shareFeeRatePpm);
  return createOnce(
    em,
    () => em.findOne(Clearing, { mainAccount: main.id, clientSn }),
    (existing) => existing.child.id === child.id && existing.amount === command.amount,
    async (tx) => {
      const now = new Date();
      const clearing = tx.create(Clearing, {
        clientSn,
        mainAccount: tx.getReference(MainAccount, main.id),
        child: tx.getReference(ChildAccount, child.id),
        amount: command.amount,
        fee,
        genTime: now,
        completeTime: now,
      });
      await tx.flush();
      await post(tx, {
        uniqueNo: POSTING_KEYS.clearing(main.id, clientSn),
        type: PostingType.CLEARING_SHARE,
        description: `清分：主账户${main.mainAccountUid}，${clientSn}`,
        actor: actor.sub,
        legs: [
          {
            ...mainAccountLedger(main.id),
            amount: -(command.amount + fee),
            description: `清分给子账户${maskPhone(child.phone)}：${formatFen(command.amount)}元，手续费${formatFen(fee)}元`,
          },
          { ...childAccountLedger(child.id), amount: command.amount, description: '清分' },
          {
            ...PLATFORM_REVENUE,
            amount: fee,
            type: PostingType.FEE,
            description: `清分手续费：主账户${main.mainAccountUid}，${clientSn}`,
          },
        ],
      });
      return clearing;
    },
  );
}

/** Pays an amount out of a child account; the child pays the withdraw fee on top. */
export async function withdrawFromChild(
  em: EntityManager,
  main: MainAccount,
  command: ChildMoveCommand,
  actor: Actor,
): Promise<Created<ChildWithdrawal>> {
  const clientSn = checkClientSn(command.clientSn);
  const child = await requireChild(em, main, command.childPhone);
  const fee = applyRate(command.amount, main.withdrawFeeRatePpm);
  return createOnce(
    em,
    () => em.findOne(ChildWithdrawal, { child: child.id, clientSn }),
    (existing) => existing.amount === command.amount,
    async (tx) => {
      const now = new Date();
      const withdrawal = tx.create(ChildWithdrawal, {
        clientSn,
        child: tx.getReference(ChildAccount, child.id),
        amount: command.amount,
        fee,
        genTime: now,
        completeTime: now,
      });
      await tx.flush();
      await post(tx, {
        uniqueNo: POSTING_KEYS.withdrawal(child.id, clientSn),
        type: PostingType.CLEARING_WITHDRAWAL,
        description: `子账户提现：${maskPhone(child.phone)}，${clientSn}`,
        actor: actor.sub,
        legs: [
          { ...childAccountLedger(child.id), amount: -(command.amount + fee), description: '提现' },
          {
            ...WITHDRAWAL_PAYOUT,
            amount: command.amount,
            description: `子账户提现：主账户${main.mainAccountUid}，${maskPhone(child.phone)}，${clientSn}`,
          },
          {
            ...PLATFORM_REVENUE,
            amount: fee,
            type: PostingType.FEE,
            description: `提现手续费：主账户${main.mainAccountUid}，${clientSn}`,
          },
        ],
      });
      return withdrawal;
    },
  );
}
