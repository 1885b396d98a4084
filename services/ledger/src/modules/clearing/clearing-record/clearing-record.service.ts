import type { EntityManager } from '@mikro-orm/postgresql';
import { applyRate, formatFen, type Actor, maskPhone } from '@pay/common';
import { PLATFORM_REVENUE } from '../../account/account-purpose';
import { post } from '../../posting/posting.service';
import { PostingType } from '../../posting/posting-type';
import { MainAccount } from '../main-account/main-account.entity';
import { ChildAccount } from '../child-account/child-account.entity';
import { Clearing } from './clearing-record.entity';
import { requireChild } from '../child-account/child-account.query';
import { childAccountLedger, mainAccountLedger, POSTING_KEYS } from '../clearing-accounts';
import { checkClientSn } from '../clearing-rules';
import { createOnce, type ChildMoveCommand, type Created } from '../clearing-commands';

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
