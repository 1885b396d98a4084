import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageWindow, requireRole, toConnection } from '@pay/common';
import type { LedgerContext } from '../../../context';
import { IncomingPayment } from './incoming-payment.entity';
import { RecordIncomingPaymentInput, SettleIncomingPaymentInput } from './incoming-payment.input';
import { IncomingPaymentsArgs } from './incoming-payment.args';
import {
  IncomingPaymentConnection,
  RecordIncomingPaymentPayload,
  SettleIncomingPaymentPayload,
} from './incoming-payment.type';
import { recordIncomingPayment, settleIncomingPayment } from './incoming-payment.service';
import { listIncomingPayments } from './incoming-payment.query';
import { parsePositiveAmount, parseTimeRange } from '../clearing-rules';

import { loadMainAccount, mainAccountById, mainAccountOf, PAGE } from '../clearing-resolve';

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
