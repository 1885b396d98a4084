import type { EntityManager } from '@mikro-orm/postgresql';
import { applyRate, type Actor, maskPhone } from '@pay/common';
import { PLATFORM_REVENUE, WITHDRAWAL_PAYOUT } from '../../account/account-purpose';
import { post } from '../../posting/posting.service';
import { PostingType } from '../../posting/posting-type';
import type { MainAccount } from '../main-account/main-account.entity';
import { ChildAccount } from '../child-account/child-account.entity';
import { ChildWithdrawal } from './child-withdrawal.entity';
import { requireChild } from '../child-account/child-account.query';
import { childAccountLedger, POSTING_KEYS } from '../clearing-accounts';
import { checkClientSn } from '../clearing-rules';
import { createOnce, type ChildMoveCommand, type Created } from '../clearing-commands';

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
