import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  actorNameShown,
  AppError,
  keysetWindow,
  maskAccountNumber,
  merchantScope,
  requireRole,
  selectsField,
  toKeysetConnection,
} from '@pay/common';
import type { LedgerContext } from '../../context';
import { parseBankCardId } from '../bank-card/bank-card.service';
import { Merchant } from '../merchant/merchant.stub';
import { AgentPayRecord } from './agent-pay-record.entity';
import { merchantSecurityFor } from './merchant-security.client';
import { Withdrawal } from './withdrawal.entity';
import { WithdrawalLog } from './withdrawal-log.entity';
import { WithdrawalNotifyLog } from './withdrawal-notify-log.entity';
import {
  AGENT_PAY_STATUS_CODES,
  NOTIFY_STATUS_CODES,
  WITHDRAWAL_STATUS_CODES,
  type WithdrawalAction,
} from './withdrawal-status';
import { withdrawalFilterOf, WithdrawalListArgs, WithdrawalLookupArgs } from './withdrawal.args';
import {
  CancelWithdrawalInput,
  FreezeWithdrawalInput,
  MarkWithdrawalPaidInput,
  RequestWithdrawalInput,
  type WithdrawalActionInput,
} from './withdrawal.input';
import { RequestWithdrawalPayload, WithdrawalConnection } from './withdrawal.type';
import { changeWithdrawal, findWithdrawal, listWithdrawals, requestWithdrawal } from './withdrawal.service';

/** Parses a withdrawal id argument; anything but a positive integer is BAD_USER_INPUT. */
function parseWithdrawalId(id: string): number {
  if (!/^[1-9]\d{0,14}$/.test(id))
    throw new AppError('BAD_USER_INPUT', 'id must be numeric', { argument: 'id' });
  return Number(id);
}

@Resolver(() => Withdrawal)
export class WithdrawalResolver {
  @Query(() => WithdrawalConnection, {
    description:
      'Withdrawals, newest first, by status and time range (`/withdrawlist`); page size at most 100.',
  })
  async withdrawals(
    @Ctx() ctx: LedgerContext,
    @Info() info: GraphQLResolveInfo,
    @Args() args: WithdrawalListArgs,
  ): Promise<WithdrawalConnection> {
    const window = keysetWindow(args, { max: 100 });
    const filter = { ...withdrawalFilterOf(args), merchantId: merchantScope(ctx.actor, args.merchantId) };
    const result = await listWithdrawals(ctx.em, filter, window, {
      total: selectsField(info, ['totalCount', 'totalPages']),
    });
    return Object.assign(
      new WithdrawalConnection(),
      toKeysetConnection(result.items, result, window, (w) => ({ at: w.createdAt, id: w.id })),
    );
  }

  @Query(() => Withdrawal, {
    nullable: true,
    description:
      'One withdrawal by id or withdraw number, with its logs (`/withdrawdetail`); null when absent.',
  })
  async withdrawal(
    @Ctx() ctx: LedgerContext,
    @Args() args: WithdrawalLookupArgs,
  ): Promise<Withdrawal | null> {
    const merchantId = merchantScope(ctx.actor, args.merchantId);
    if (!args.id && !args.withdrawNo) {
      throw new AppError('BAD_USER_INPUT', 'give an id or a withdraw number', { argument: 'withdrawNo' });
    }
    return findWithdrawal(ctx.em, {
      id: args.id ? parseWithdrawalId(args.id) : null,
      withdrawNo: args.withdrawNo,
      merchantId,
    });
  }

  @Mutation(() => RequestWithdrawalPayload, {
    description:
      'Request a withdrawal of available money to an approved bank card (`/sendmoney`); needs a TOTP code when the merchant has two-factor on.',
  })
  async requestWithdrawal(
    @Ctx() ctx: LedgerContext,
    @Arg('input') input: RequestWithdrawalInput,
  ): Promise<RequestWithdrawalPayload> {
    requireRole(ctx.actor, 'MERCHANT', 'OPERATOR', 'SYSTEM');
    const merchantId = merchantScope(ctx.actor, input.merchantId);
    if (merchantId === undefined)
      throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
    return requestWithdrawal(ctx.em, ctx.config.withdrawal, merchantSecurityFor(ctx.config), {
      merchantId,
      amount: input.amount,
      bankCardId: input.bankCardId != null ? parseBankCardId(input.bankCardId) : null,
      totpCode: input.totpCode ?? null,
      requestId: input.requestId ?? null,
      actor: ctx.actor,
    });
  }

  @Mutation(() => Withdrawal, {
    description:
      'Mark an applied or frozen withdrawal paid out (operators): its money leaves pending withdrawal.',
  })
  markWithdrawalPaid(
    @Ctx() ctx: LedgerContext,
    @Arg('input') input: MarkWithdrawalPaidInput,
  ): Promise<Withdrawal> {
    return this.change(ctx, input, 'PAY');
  }

  @Mutation(() => Withdrawal, {
    description: 'Hold an applied withdrawal (operators); its money stays pending.',
  })
  freezeWithdrawal(
    @Ctx() ctx: LedgerContext,
    @Arg('input') input: FreezeWithdrawalInput,
  ): Promise<Withdrawal> {
    return this.change(ctx, input, 'FREEZE');
  }

  @Mutation(() => Withdrawal, {
    description:
      'Cancel an applied or frozen withdrawal (operators); its amount and fee go back to available.',
  })
  cancelWithdrawal(
    @Ctx() ctx: LedgerContext,
    @Arg('input') input: CancelWithdrawalInput,
  ): Promise<Withdrawal> {
    return this.change(ctx, input, 'CANCEL');
  }

  private change(
    ctx: LedgerContext,
    input: WithdrawalActionInput,
    action: WithdrawalAction,
  ): Promise<Withdrawal> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    const ref = { id: input.id ? parseWithdrawalId(input.id) : null, withdrawNo: input.withdrawNo ?? null };
    return changeWithdrawal(ctx.em, ref, action, ctx.actor, input.note?.trim() || null);
  }

  @FieldResolver(() => String, {
    description:
      'Account number masked like 621700******1234 (`account_number`); the full number is never shown.',
  })
  maskedAccountNumber(@Root() withdrawal: Withdrawal): string {
    return maskAccountNumber(withdrawal.accountNumber);
  }

  @FieldResolver(() => Int, {
    description: 'Legacy status code (`status_code`): 0 applied (pending), 1 paid, 2 frozen, 3 cancelled.',
  })
  statusCode(@Root() withdrawal: Withdrawal): number {
    return WITHDRAWAL_STATUS_CODES[withdrawal.status].code;
  }

  @FieldResolver(() => String, {
    description: 'Legacy status name (`status`): pending, paid, frozen, cancelled.',
  })
  statusName(@Root() withdrawal: Withdrawal): string {
    return WITHDRAWAL_STATUS_CODES[withdrawal.status].name;
  }

  @FieldResolver(() => Int, {
    description:
      'Legacy agent-pay status code (`agentpay_status_code`): 0 not submitted, 1 submitted, 2 success, 3 failed.',
  })
  agentPayStatusCode(@Root() withdrawal: Withdrawal): number {
    return AGENT_PAY_STATUS_CODES[withdrawal.agentPayStatus].code;
  }

  @FieldResolver(() => String, {
    description:
      'Legacy agent-pay status name (`agentpay_status`): not_submitted, submitted, success, failed.',
  })
  agentPayStatusName(@Root() withdrawal: Withdrawal): string {
    return AGENT_PAY_STATUS_CODES[withdrawal.agentPayStatus].name;
  }

  @FieldResolver(() => Int, {
    description: 'Legacy notify status code (`notify_status_code`): 0 pending, 1 failed, 2 success.',
  })
  notifyStatusCode(@Root() withdrawal: Withdrawal): number {
    return NOTIFY_STATUS_CODES[withdrawal.notifyStatus].code;
  }

  @FieldResolver(() => String, {
    description: 'Legacy notify status name (`notify_status`): pending, failed, success.',
  })
  notifyStatusName(@Root() withdrawal: Withdrawal): string {
    return NOTIFY_STATUS_CODES[withdrawal.notifyStatus].name;
  }

  @FieldResolver(() => Merchant, { description: 'The merchant.' })
  merchant(@Root() withdrawal: Withdrawal): Merchant {
    return { id: withdrawal.merchantId };
  }

  @FieldResolver(() => [WithdrawalLog], {
    description: 'Status changes, oldest first. Merchants see platform staff as `platform`.',
  })
  async logs(@Root() withdrawal: Withdrawal, @Ctx() ctx: LedgerContext): Promise<WithdrawalLog[]> {
    const logs = await ctx.loaders.withdrawalLogs.load(withdrawal.id);
    return logs.map((log) => {
      const actor = actorNameShown(ctx.actor, log.actor);
      return actor === log.actor ? log : { ...log, actor };
    });
  }

  @FieldResolver(() => [WithdrawalNotifyLog], {
    description: 'Attempts to notify the merchant of the outcome (`notify_logs`), oldest first.',
  })
  notifyLogs(@Root() withdrawal: Withdrawal, @Ctx() ctx: LedgerContext): Promise<WithdrawalNotifyLog[]> {
    return ctx.loaders.withdrawalNotifyLogs.load(withdrawal.id);
  }

  @FieldResolver(() => [AgentPayRecord], {
    description: 'Submissions to agent-pay (代付) providers (`upstream_records`), oldest first.',
  })
  upstreamRecords(@Root() withdrawal: Withdrawal, @Ctx() ctx: LedgerContext): Promise<AgentPayRecord[]> {
    return ctx.loaders.agentPayRecords.load(withdrawal.id);
  }
}
