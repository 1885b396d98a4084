import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, requireRole, toConnection } from '@pay/common';
import type { LedgerContext } from '../../../context';
import { Clearing } from './clearing-record.entity';
import { ClearToChildInput } from './clearing-record.input';
import { TimeRangePageArgs } from '../clearing-page.args';
import { ClearingRecordConnection, ClearToChildPayload } from './clearing-record.type';
import { clearToChild } from './clearing-record.service';
import { listClearings } from './clearing-record.query';
import { parsePositiveAmount, parseTimeRange } from '../clearing-rules';

import { mainAccountById, mainAccountOf, PAGE } from '../clearing-resolve';

@Resolver(() => Clearing)
export class ClearingRecordResolver {
  @Query(() => ClearingRecordConnection, {
    description: "A main account's clearings to its children, newest first, 100 a page (`shared_detail`).",
  })
  async clearingRecords(
    @Ctx() ctx: LedgerContext,
    @Args() args: TimeRangePageArgs,
  ): Promise<ClearingRecordConnection> {
    const window = pageWindow(args, PAGE);
    const range = parseTimeRange(args.startTime, args.endTime);
    const main = await mainAccountOf(ctx, args);
    const { items, total } = await listClearings(ctx.em, main.id, range, window);
    return Object.assign(new ClearingRecordConnection(), toConnection(items, total, window));
  }

  @Mutation(() => ClearToChildPayload, {
    description:
      "Clear (清分) an amount from a main account's balance to a child; the share fee is charged on top. INSUFFICIENT_BALANCE when the balance can't cover both. Idempotent on clientSn.",
  })
  async clearToChild(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => ClearToChildInput) input: ClearToChildInput,
  ): Promise<ClearToChildPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const amount = parsePositiveAmount(input.amount);
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { record, created } = await clearToChild(ctx.em, main, { ...input, amount }, ctx.actor);
    return { clearingRecord: record, created };
  }

  @FieldResolver(() => ID, { description: 'Main account id.' })
  mainAccountId(@Root() clearing: Clearing): number {
    return clearing.mainAccount.id;
  }

  @FieldResolver(() => String, { description: "The child's phone number (`child_phone`)." })
  async childPhone(@Root() clearing: Clearing, @Ctx() ctx: LedgerContext): Promise<string> {
    return (await ctx.loaders.clearing.childById.load(clearing.child.id))!.phone;
  }

  @FieldResolver(() => Int, { description: 'Legacy change type (`changed_type`): 2, clearing.' })
  changedType(): number {
    return 2;
  }

  @FieldResolver(() => String, { description: 'Legacy message (`msg`): 清分.' })
  message(): string {
    return '清分';
  }
}
