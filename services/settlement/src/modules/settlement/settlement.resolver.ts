import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  maySeeMerchantRecord,
  merchantScope,
  PageArgs,
  pageWindow,
  requireRole,
  toConnection,
} from '@pay/common';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { SettlementAccount } from './settlement-account.entity';
import { SettlementLookupArgs, SettlementsArgs } from './settlement.args';
import { Settlement } from './settlement.entity';
import { RunSettlementsInput, SettleSettlementInput } from './settlement.input';
import { SettledOrderConnection, SettlementConnection } from './settlement-list.type';
import { listSettlements, settleSettlement } from './settlement.service';
import { runSettlement } from './settlement-run.service';
import { SettlementRunResult } from './settlement.type';

@Resolver(() => Settlement)
export class SettlementResolver {
  @Query(() => SettlementConnection, {
    description:
      'Settlements, newest first, by code, merchant, method, state, settlement time and remark (`/pay/settlement/`); a merchant sees only its own. Page size at most 100.',
  })
  async settlements(
    @Ctx() ctx: SettlementContext,
    @Args() args: SettlementsArgs,
  ): Promise<SettlementConnection> {
    const window = pageWindow(args, { max: 100 });
    const filter = args.filter ?? {};
    const { items, total } = await listSettlements(
      ctx.em,
      {
        code: filter.code?.trim() || undefined,
        merchantId: merchantScope(ctx.actor, filter.merchantId),
        method: filter.method ?? undefined,
        state: filter.state ?? undefined,
        settlementTimeFrom: filter.settlementTimeFrom ?? undefined,
        settlementTimeTo: filter.settlementTimeTo ?? undefined,
        settlementDate: filter.settlementDate ?? undefined,
        remark: filter.remark?.trim() || undefined,
        includeDeleted: filter.includeDeleted ?? false,
      },
      window,
    );
    return Object.assign(new SettlementConnection(), toConnection(items, total, window));
  }

  @Query(() => Settlement, {
    nullable: true,
    description: 'One settlement by code; null when absent or not the caller’s.',
  })
  async settlement(
    @Ctx() ctx: SettlementContext,
    @Args() args: SettlementLookupArgs,
  ): Promise<Settlement | null> {
    const settlement = await ctx.loaders.settlement.settlementByCode.load(args.code.trim());
    return settlement && maySeeMerchantRecord(ctx.actor, settlement.merchantId) ? settlement : null;
  }

  @FieldResolver(() => Merchant, { description: 'The merchant.' })
  merchant(@Root() settlement: Settlement): Merchant {
    return { id: settlement.merchantId };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The merchant’s name, from the orders service’s directory (legacy `name`).',
  })
  async merchantName(@Root() settlement: Settlement, @Ctx() ctx: SettlementContext): Promise<string | null> {
    const entry = await ctx.loaders.settlement
      .merchantDirectory(ctx.runtime.config)
      .load(settlement.merchantId);
    return entry?.merchantName ?? null;
  }

  @FieldResolver(() => SettlementAccount, { description: 'The account it is paid to.' })
  async account(@Root() settlement: Settlement, @Ctx() ctx: SettlementContext): Promise<SettlementAccount> {
    const account = await ctx.loaders.settlement.settlementAccountById.load(settlement.accountId);
    // The foreign key guarantees it; deleted accounts are kept.
    return account!;
  }

  @FieldResolver(() => SettledOrderConnection, {
    description: 'The orders it settled, by payment time; page size at most 500.',
  })
  async orders(
    @Root() settlement: Settlement,
    @Ctx() ctx: SettlementContext,
    @Args() args: PageArgs,
  ): Promise<SettledOrderConnection> {
    const window = pageWindow(args, { max: 500, defaultSize: 50 });
    const page = await ctx.loaders.settlement.settledOrders(window).load(settlement.id);
    return Object.assign(new SettledOrderConnection(), toConnection(page.items, page.total, window));
  }

  @Mutation(() => SettlementRunResult, {
    description:
      'Settles now (operators): every account with a period, or one merchant’s account, up to `until` — reconciled paid orders not settled yet become one pending settlement per account, with the operator as person.',
  })
  async runSettlements(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { nullable: true, description: 'Which merchant and up to when.' })
    input?: RunSettlementsInput,
  ): Promise<SettlementRunResult> {
    requireRole(ctx.actor, 'OPERATOR');
    const result = await runSettlement(ctx.em, ctx.runtime.config, {
      until: input?.until ?? new Date(),
      merchantId: input?.merchantId ?? null,
      person: ctx.actor.sub,
      scheduled: false,
    });
    return result;
  }

  @Mutation(() => Settlement, {
    description:
      'Pays a pending settlement out with its voucher (operators; legacy POST `/pay/settlement/`): posts the payout to the ledger once, then marks it settled. ALREADY_SETTLED when it was; a refused payout (INSUFFICIENT_BALANCE) leaves it pending.',
  })
  settleSettlement(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The settlement, the voucher upload, person and remark.' })
    input: SettleSettlementInput,
  ): Promise<Settlement> {
    requireRole(ctx.actor, 'OPERATOR');
    return settleSettlement(ctx.em, ctx.runtime.ledger, {
      code: input.code,
      voucher: input.voucher.trim(),
      person: input.person,
      remark: input.remark ?? null,
      actor: ctx.actor.sub,
    });
  }
}
