import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  merchantScope,
  MoneyScalar,
  pageWindow,
  ppmToPercent,
  requireRole,
  toConnection,
  maskPhone,
} from '@pay/common';
import type { LedgerContext } from '../../context';
import { MainAccount } from './main-account.entity';
import { ChildAccount } from './child-account.entity';
import { IncomingPayment } from './incoming-payment.entity';
import { Clearing } from './clearing.entity';
import { ChildWithdrawal } from './child-withdrawal.entity';
import {
  AddChildAccountInput,
  ClearToChildInput,
  CreateMainAccountInput,
  RecordIncomingPaymentInput,
  SettleIncomingPaymentInput,
  WithdrawFromChildInput,
} from './clearing.input';
import {
  ChildAccountsArgs,
  ChildBalanceChangesArgs,
  IncomingPaymentsArgs,
  MainAccountLookupArgs,
  MainAccountsArgs,
  TimeRangePageArgs,
} from './clearing.args';
import {
  AddChildAccountPayload,
  ChildAccountConnection,
  ChildBalanceChangeConnection,
  ChildWithdrawalConnection,
  ClearingRecordConnection,
  ClearToChildPayload,
  CreateMainAccountPayload,
  IncomingPaymentConnection,
  MainAccountConnection,
  RecordIncomingPaymentPayload,
  SettleIncomingPaymentPayload,
  WithdrawFromChildPayload,
} from './clearing.type';
import {
  addChildAccount,
  canAccessMainAccount,
  clearToChild,
  createMainAccount,
  findMainAccount,
  recordIncomingPayment,
  requireChild,
  requireMainAccount,
  settleIncomingPayment,
  withdrawFromChild,
} from './clearing.service';
import {
  listChildAccounts,
  listChildBalanceChanges,
  listChildWithdrawals,
  listClearings,
  listIncomingPayments,
  listMainAccounts,
  type MainAccountTotals,
} from './clearing.query';
import { parseId, parsePositiveAmount, parseRate, parseTimeRange } from './clearing-rules';

/** Every list of the account-clearing API pages by 100 (`page`), as the spec says. */
const PAGE = { defaultSize: 100, max: 100 };

/** The main account a list names, by id or unionId: NOT_FOUND when missing, FORBIDDEN when not the caller's. */
function mainAccountOf(ctx: LedgerContext, args: { mainAccountId?: string | null; unionId?: string | null }) {
  return requireMainAccount(ctx.em, ctx.actor, {
    id: args.mainAccountId != null ? parseId(args.mainAccountId, 'mainAccountId') : null,
    unionId: args.unionId?.trim() || null,
  });
}

function mainAccountById(ctx: LedgerContext, mainAccountId: string) {
  return requireMainAccount(ctx.em, ctx.actor, { id: parseId(mainAccountId, 'mainAccountId') });
}

async function loadMainAccount(ctx: LedgerContext, id: number): Promise<MainAccount> {
  return (await ctx.loaders.clearing.mainAccountById.load(id))!;
}

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

@Resolver(() => IncomingPayment)
export class IncomingPaymentResolver {
  @Query(() => IncomingPaymentConnection, {
    description: "A main account's incoming payments, newest first, 100 a page (`in_detail`).",
  })
  async incomingPayments(
    @Ctx() ctx: LedgerContext,
    @Args() args: IncomingPaymentsArgs,
  ): Promise<IncomingPaymentConnection> {
    const window = pageWindow(args, PAGE);
    const range = parseTimeRange(args.startTime, args.endTime);
    const main = await mainAccountOf(ctx, args);
    const { items, total } = await listIncomingPayments(
      ctx.em,
      main.id,
      { range, status: args.status },
      window,
    );
    return Object.assign(new IncomingPaymentConnection(), toConnection(items, total, window));
  }

  @Mutation(() => RecordIncomingPaymentPayload, {
    description:
      'Record a payment into a main account (operators, internal services); a PAID one is credited less the in-fee. Idempotent on clientSn.',
  })
  async recordIncomingPayment(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => RecordIncomingPaymentInput) input: RecordIncomingPaymentInput,
  ): Promise<RecordIncomingPaymentPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const amount = parsePositiveAmount(input.amount);
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { record, created } = await recordIncomingPayment(ctx.em, main, { ...input, amount }, ctx.actor);
    return { incomingPayment: record, created };
  }

  @Mutation(() => SettleIncomingPaymentPayload, {
    description:
      'Settle a waiting incoming payment as PAID (credited now) or FAILED (operators, internal services).',
  })
  async settleIncomingPayment(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => SettleIncomingPaymentInput) input: SettleIncomingPaymentInput,
  ): Promise<SettleIncomingPaymentPayload> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { payment, unchanged } = await settleIncomingPayment(
      ctx.em,
      main,
      input.clientSn,
      input.status,
      ctx.actor,
    );
    return { incomingPayment: payment, unchanged };
  }

  @FieldResolver(() => ID, { description: 'Main account id.' })
  mainAccountId(@Root() payment: IncomingPayment): number {
    return payment.mainAccount.id;
  }

  @FieldResolver(() => Int, { description: 'Main account uid (`main_account_uid`).' })
  async mainAccountUid(@Root() payment: IncomingPayment, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await loadMainAccount(ctx, payment.mainAccount.id)).mainAccountUid;
  }

  @FieldResolver(() => Int, { description: 'Legacy status (`status`): 1 paid, 0 failed, -1 waiting.' })
  statusCode(@Root() payment: IncomingPayment): number {
    return payment.status;
  }
}

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

@Resolver(() => ChildAccount)
export class ChildAccountResolver {
  @Query(() => ChildAccountConnection, {
    description: "A main account's children with their balances, 100 a page (`children_detail`).",
  })
  async childAccounts(
    @Ctx() ctx: LedgerContext,
    @Args() args: ChildAccountsArgs,
  ): Promise<ChildAccountConnection> {
    const window = pageWindow(args, PAGE);
    const main = await mainAccountOf(ctx, args);
    const { items, total } = await listChildAccounts(ctx.em, main.id, args.phone?.trim() || null, window);
    return Object.assign(new ChildAccountConnection(), toConnection(items, total, window));
  }

  @Query(() => ChildBalanceChangeConnection, {
    description:
      "One child's balance changes, oldest first, each with the balance after it, 100 a page; plus its balance now (`child_detail`). NOT_FOUND for an unknown phone.",
  })
  async childBalanceChanges(
    @Ctx() ctx: LedgerContext,
    @Args() args: ChildBalanceChangesArgs,
  ): Promise<ChildBalanceChangeConnection> {
    const window = pageWindow(args, PAGE);
    const range = parseTimeRange(args.startTime, args.endTime);
    const main = await mainAccountOf(ctx, args);
    const child = await requireChild(ctx.em, main, args.phone);
    const balance = await ctx.loaders.clearing.childBalance.load(child.id);
    const { items, total } = await listChildBalanceChanges(ctx.em, child.id, range, window);
    return Object.assign(
      new ChildBalanceChangeConnection(),
      toConnection(
        items.map((item) => ({ ...item, phone: child.phone })),
        total,
        window,
      ),
      { phone: child.phone, balance: balance.balance, lastModifiedTime: balance.updatedAt },
    );
  }

  @Mutation(() => AddChildAccountPayload, {
    description:
      'Add a child account (by phone) to a main account; adding a phone twice returns the existing child.',
  })
  async addChildAccount(
    @Ctx() ctx: LedgerContext,
    @Arg('input', () => AddChildAccountInput) input: AddChildAccountInput,
  ): Promise<AddChildAccountPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const main = await mainAccountById(ctx, input.mainAccountId);
    const { record, created } = await addChildAccount(ctx.em, main, input);
    return { childAccount: record, created };
  }

  @FieldResolver(() => ID, { description: 'Main account id.' })
  mainAccountId(@Root() child: ChildAccount): number {
    return child.mainAccount.id;
  }

  @FieldResolver(() => String, {
    description: 'Phone number masked as the children overview shows it, e.g. 138****9987.',
  })
  maskedPhone(@Root() child: ChildAccount): string {
    return maskPhone(child.phone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Full phone number: for platform roles and the owning merchant only (null otherwise).',
  })
  async phone(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<string | null> {
    const main = await loadMainAccount(ctx, child.mainAccount.id);
    return canAccessMainAccount(ctx.actor, main) ? child.phone : null;
  }

  @FieldResolver(() => MoneyScalar, { description: 'Balance (`amount`).' })
  async balance(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<number> {
    return (await ctx.loaders.clearing.childBalance.load(child.id)).balance;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Last change of the balance (`time`); null when it never changed.',
  })
  async lastModifiedTime(@Root() child: ChildAccount, @Ctx() ctx: LedgerContext): Promise<Date | null> {
    return (await ctx.loaders.clearing.childBalance.load(child.id)).updatedAt;
  }
}

/** The clearing module's resolvers, for the schema. */
export const clearingResolvers = [
  MainAccountResolver,
  IncomingPaymentResolver,
  ClearingRecordResolver,
  ChildWithdrawalResolver,
  ChildAccountResolver,
] as const;
