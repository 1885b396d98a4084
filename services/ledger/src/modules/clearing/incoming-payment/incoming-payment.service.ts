import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, applyRate, formatFen, type Actor, type Fen } from '@pay/common';
import { PLATFORM_REVENUE } from '../../account/account-purpose';
import { post } from '../../posting/posting.service';
import { PostingType } from '../../posting/posting-type';
import { MainAccount } from '../main-account/main-account.entity';
import { IncomingPayment, IncomingPaymentStatus } from './incoming-payment.entity';
import { clearingReceivable, mainAccountLedger, POSTING_KEYS } from '../clearing-accounts';
import { checkClientSn, checkText } from '../clearing-rules';
import { createOnce, type Created } from '../clearing-commands';

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
