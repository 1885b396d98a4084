import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { merchantScope, MoneyScalar, pageWindow, ppmToPercent, requireRole, toConnection } from '@pay/common';
import type { LedgerContext } from '../../../context';
import { MainAccount } from './main-account.entity';
import { CreateMainAccountInput } from './main-account.input';
import { MainAccountLookupArgs, MainAccountsArgs } from './main-account.args';
import { CreateMainAccountPayload, MainAccountConnection } from './main-account.type';
import { createMainAccount } from './main-account.service';
import { listMainAccounts, type MainAccountTotals } from './main-account.query';
import { canAccessMainAccount, findMainAccount } from '../clearing-access';
import { parseId, parseRate } from '../clearing-rules';

import { PAGE } from '../clearing-resolve';

@Resolver(() => MainAccount)
export class MainAccountResolver {
  @Query(() => MainAccount, {
    nullable: true,
    description:
      'One main account by id, unionId or main account uid (`/api/account/v1/balance`); null when there is none or it is not yours.',
  })
  async mainAccount(
    @Ctx() ctx: LedgerContext,
    @Args() args: MainAccountLookupArgs,
  ): Promise<MainAccount | null> {
    const main = await findMainAccount(ctx.em, {
      id: args.id != null ? parseId(args.id, 'id') : null,
      unionId: args.unionId?.trim() || null,
      mainAccountUid: args.mainAccountUid ?? null,
    });
    return main && canAccessMainAccount(ctx.actor, main) ? main : null;
  }

  @Query(() => MainAccountConnection, {
    description: 'Main accounts, oldest first; MERCHANT callers get their own.',
  })
  async mainAccounts(
    @Ctx() ctx: LedgerContext,
    @Args() args: MainAccountsArgs,
  ): Promise<MainAccountConnection> {
    const window = pageWindow(args, PAGE);
    const merchantId = merchantScope(ctx.actor, args.merchantId);
    const { items, total } = await listMainAccounts(ctx.em, { merchantId }, window);
    return Object.assign(new MainAccountConnection(), toConnection(items, total, window));
  }

  @Mutation(() => CreateMainAccountPayload, {
    description: 'Open a main account (operators). The payload carries its API key, shown this once only.',
  })
  async createMainAccount(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => CreateMainAccountInput) input: CreateMainAccountInput,
  ): Promise<CreateMainAccountPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return createMainAccount(ctx.em, {
      mainAccountUid: input.mainAccountUid,
      unionId: input.unionId,
      merchantId: input.merchantId,
      inFeeRatePpm: parseRate(input.inFeeRate, 'inFeeRate'),
      shareFeeRatePpm: parseRate(input.shareFeeRate, 'shareFeeRate'),
      withdrawFeeRatePpm: parseRate(input.withdrawFeeRate, 'withdrawFeeRate'),
    });
  }

  private totals(main: MainAccount, ctx: LedgerContext): Promise<MainAccountTotals> {
    return ctx.loaders.clearing.mainAccountTotals.load(main.id);
  }

  @FieldResolver(() => Float, { description: 'In-fee rate, percent (`in_fee_rate`), e.g. 0.6.' })
  inFeeRate(@Root() main: MainAccount): number {
    return ppmToPercent(main.inFeeRatePpm);
  }

  @FieldResolver(() => Float, { description: 'Share (clearing) fee rate, percent (`share_fee_rate`).' })
  shareFeeRate(@Root() main: MainAccount): number {
    return ppmToPercent(main.shareFeeRatePpm);
  }

  @FieldResolver(() => Float, { description: 'Child withdraw fee rate, percent (`withdraw_fee_rate`).' })
  withdrawFeeRate(@Root() main: MainAccount): number {
    return ppmToPercent(main.withdrawFeeRatePpm);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of paid incoming payments (`total_in_amount`).' })
  async totalInAmount(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalInAmount;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of their in-fees (`total_in_fee`).' })
  async totalInFee(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalInFee;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum cleared to children (`total_share_amount`).' })
  async totalShareAmount(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalShareAmount;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of share fees (`total_share_fee`).' })
  async totalShareFee(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalShareFee;
  }

  @FieldResolver(() => MoneyScalar, {
    description:
      'Unshared balance, available for clearing (`balance`). Always balance + totalShareFee + totalShareAmount = totalInAmount − totalInFee.',
  })
  async balance(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).balance;
  }

  @FieldResolver(() => MoneyScalar, {
    description: "Sum of the children's withdrawals (`total_withdraw_amount`).",
  })
  async totalWithdrawAmount(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalWithdrawAmount;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the invariant balance + totalShareFee + totalShareAmount = totalInAmount − totalInFee holds for the totals shown (compared in fen); false means the ledger balance drifted from the records (see the ledger verify checks).',
  })
  async invariantHolds(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<boolean> {
    const t = await this.totals(main, ctx);
    return t.balance + t.totalShareFee + t.totalShareAmount === t.totalInAmount - t.totalInFee;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Sum of child withdraw fees (`total_withdraw_fee`).' })
  async totalWithdrawFee(@Root() main: MainAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await this.totals(main, ctx)).totalWithdrawFee;
  }
}
