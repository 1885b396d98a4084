import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, requireRole, toConnection } from '@pay/common';
import type { LedgerContext } from '../../../context';
import { ChildWithdrawal } from './child-withdrawal.entity';
import { WithdrawFromChildInput } from './child-withdrawal.input';
import { TimeRangePageArgs } from '../clearing-page.args';
import { ChildWithdrawalConnection, WithdrawFromChildPayload } from './child-withdrawal.type';
import { withdrawFromChild } from './child-withdrawal.service';
import { listChildWithdrawals } from './child-withdrawal.query';
import { parsePositiveAmount, parseTimeRange } from '../clearing-rules';

import { mainAccountById, mainAccountOf, PAGE } from '../clearing-resolve';

@Resolver(() => ChildWithdrawal)
export class ChildWithdrawalResolver {
  @Query(() => ChildWithdrawalConnection, {
    description: "Withdrawals of a main account's children, newest first, 100 a page (`withdraw_detail`).",
  })
  async childWithdrawals(
    @Ctx() ctx: LedgerContext,
    @Args() args: TimeRangePageArgs,
  ): Promise<ChildWithdrawalConnection> {
    const window = pageWindow(args, PAGE);
    const range = parseTimeRange(args.startTime, args.endTime);
    const main = await mainAccountOf(ctx, args);
    const { items, total } = await listChildWithdrawals(ctx.em, main.id, range, window);
    return Object.assign(new ChildWithdrawalConnection(), toConnection(items, total, window));
  }

  @Mutation(() => WithdrawFromChildPayload, {
    description:
      "Pay an amount out of a child account; the withdraw fee is charged to the child on top. INSUFFICIENT_BALANCE when the child's balance can't cover both. Idempotent on clientSn.",
  })
  async withdrawFromChild(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => WithdrawFromChildInput) input: WithdrawFromChildInput,
  ): Promise<WithdrawFromChildPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const amount = parsePositiveAmount(input.amount);
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { record, created } = await withdrawFromChild(ctx.em, main, { ...input, amount }, ctx.actor);
    return { childWithdrawal: record, created };
  }

  @FieldResolver(() => String, { description: "The child's phone number (`child_phone`)." })
  async childPhone(@Root() withdrawal: ChildWithdrawal, @Ctx() ctx: LedgerContext): Promise<string> {
    return (await ctx.loaders.clearing.childById.load(withdrawal.child.id))!.phone;
  }

  @FieldResolver(() => ID, { description: 'Main account id.' })
  async mainAccountId(@Root() withdrawal: ChildWithdrawal, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await ctx.loaders.clearing.childById.load(withdrawal.child.id))!.mainAccount.id;
  }

  @FieldResolver(() => Int, { description: 'Legacy change type (`changed_type`): -1, withdrawal.' })
  changedType(): number {
    return -1;
  }

  @FieldResolver(() => String, { description: 'Legacy message (`msg`): 提现.' })
  message(): string {
    return '提现';
  }
}
