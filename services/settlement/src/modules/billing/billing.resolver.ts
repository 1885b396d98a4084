import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import {
  type Actor,
  AppError,
  maySeeMerchantRecord,
  merchantScope,
  pageWindow,
  requireRole,
  toConnection,
} from '@pay/common';
import type { SettlementContext } from '../../context';
import { parseBillMonth } from './bill-month';
import { issueMonthlyBills } from './bill-issue.service';
import { effectiveTerms, setBillingTerms } from './billing-terms.service';
import { MerchantBillsArgs } from './billing.args';
import {
  ApiRechargeWalletInput,
  CollectMerchantBillsInput,
  CreateWalletRechargeInput,
  IssueMonthlyBillsInput,
  SetMerchantBillingTermsInput,
} from './billing.input';
import {
  BillingSummary,
  BillReceipt,
  MerchantBillConnection,
  MerchantBillingTerms,
  MonthlyBillsIssue,
} from './billing.type';
import { MerchantBill } from './merchant-bill.entity';
import { collectFromWallet } from './wallet-collection.service';
import { WalletRecharge } from './wallet-recharge.entity';
import { apiRecharge, createAlipayRecharge } from './wallet-recharge.service';

/** The merchant a billing query is about: a MERCHANT's own; platform roles must name one. */
export function billingMerchant(actor: Actor, requested?: number | null): number {
  const id = merchantScope(actor, requested);
  if (id === undefined)
    throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
  return id;
}

/** Parses a numeric id argument; null when it is no id at all (a lookup answers null then). */
export function parseNumericId(id: string): number | null {
  return /^\d{1,15}$/.test(id) ? Number(id) : null;
}

/** Loads the effective terms of one merchant through the request's loaders. */
export async function termsOf(ctx: SettlementContext, merchantId: number): Promise<MerchantBillingTerms> {
  const [terms, directory] = await Promise.all([
    ctx.loaders.billingTermsByMerchant.load(merchantId),
    ctx.loaders.billingDirectory(ctx.runtime.config).load(merchantId),
  ]);
  return MerchantBillingTerms.of(
    effectiveTerms(merchantId, terms, directory, ctx.runtime.config.billingDefaultRatePpm),
  );
}

@Resolver()
export class BillingResolver {
  @Query(() => MerchantBillingTerms, {
    description: 'A merchant’s billing terms (its own or the defaults); MERCHANT callers get their own.',
  })
  merchantBillingTerms(
    @Ctx() ctx: SettlementContext,
    @Arg('merchantId', () => Int, { nullable: true, description: 'Merchant id (implied for MERCHANT).' })
    merchantId?: number,
  ): Promise<MerchantBillingTerms> {
    return termsOf(ctx, billingMerchant(ctx.actor, merchantId));
  }

  @Query(() => MerchantBillConnection, {
    description:
      'Monthly bills, oldest bill month first (`get_mch_detail_bill`); MERCHANT callers see their own. Page size at most 100.',
  })
  async merchantBills(
    @Ctx() ctx: SettlementContext,
    @Args() args: MerchantBillsArgs,
  ): Promise<MerchantBillConnection> {
    const merchantId = merchantScope(ctx.actor, args.merchantId);
    const window = pageWindow(args, { max: 100 });
    const where: FilterQuery<MerchantBill>[] = [];
    if (merchantId !== undefined) where.push({ merchantId });
    if (args.month) where.push({ billMonth: parseBillMonth(args.month).firstDay });
    const [items, total] = await ctx.em.findAndCount(MerchantBill, where.length > 0 ? { $and: where } : {}, {
      orderBy: { billMonth: 'asc', merchantId: 'asc' },
      limit: window.limit,
      offset: window.offset,
    });
    return Object.assign(new MerchantBillConnection(), toConnection(items, total, window));
  }

  @Query(() => BillingSummary, {
    description:
      'A merchant’s bills with what they leave owed (`get_mch_detail_bill`); MERCHANT callers get their own.',
  })
  async billingSummary(
    @Ctx() ctx: SettlementContext,
    @Arg('merchantId', () => Int, { nullable: true, description: 'Merchant id (implied for MERCHANT).' })
    merchantId?: number,
  ): Promise<BillingSummary> {
    const id = billingMerchant(ctx.actor, merchantId);
    return BillingSummary.of(id, await ctx.loaders.billingBillsByMerchant.load(id));
  }

  @Query(() => [BillReceipt], {
    description:
      'Money received for a merchant’s billing, oldest first: paid recharges and bill-issue collections (`get_mch_receivable_detail`).',
  })
  billReceipts(
    @Ctx() ctx: SettlementContext,
    @Arg('merchantId', () => Int, { nullable: true, description: 'Merchant id (implied for MERCHANT).' })
    merchantId?: number,
  ): Promise<BillReceipt[]> {
    return ctx.loaders.billingReceiptsByMerchant.load(billingMerchant(ctx.actor, merchantId));
  }

  @Query(() => WalletRecharge, {
    nullable: true,
    description: 'A wallet recharge by id; null when absent (or another merchant’s).',
  })
  async walletRecharge(
    @Ctx() ctx: SettlementContext,
    @Arg('id', () => ID, { description: 'Recharge id.' }) id: string,
  ): Promise<WalletRecharge | null> {
    const numeric = parseNumericId(id);
    if (numeric === null) return null;
    const recharge = await ctx.loaders.billingRechargeById.load(numeric);
    return recharge && maySeeMerchantRecord(ctx.actor, recharge.merchantId) ? recharge : null;
  }

  @Mutation(() => MerchantBillingTerms, {
    description:
      'Sets a merchant’s billing rate, sales person and pay remark (operators); later bills use them.',
  })
  setMerchantBillingTerms(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The terms.' }) input: SetMerchantBillingTermsInput,
  ): Promise<MerchantBillingTerms> {
    requireRole(ctx.actor, 'OPERATOR');
    return setBillingTerms(ctx.em, ctx.runtime.config, {
      merchantId: input.merchantId,
      rate: input.rate,
      salesName: input.salesName,
      payRemark: input.payRemark,
      person: ctx.actor.sub,
    }).then(MerchantBillingTerms.of);
  }

  @Mutation(() => MonthlyBillsIssue, {
    description:
      'Issues a finished month’s bills now (operators) and collects them from the prepaid wallets; a month is billed once.',
  })
  async issueMonthlyBills(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The month.' }) input: IssueMonthlyBillsInput,
  ): Promise<MonthlyBillsIssue> {
    requireRole(ctx.actor, 'OPERATOR');
    const result = await issueMonthlyBills(ctx.runtime, {
      month: input.month,
      merchantId: input.merchantId ?? null,
      person: ctx.actor.sub,
    });
    return Object.assign(new MonthlyBillsIssue(), {
      month: result.month.text,
      issuedCount: result.bills.length,
      bills: result.bills,
      failedCollections: result.failedCollections,
    });
  }

  @Mutation(() => BillingSummary, {
    description:
      'Collects what a merchant’s open bills have left from its prepaid wallet now, as far as it reaches (operators).',
  })
  async collectMerchantBills(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'The merchant.' }) input: CollectMerchantBillsInput,
  ): Promise<BillingSummary> {
    requireRole(ctx.actor, 'OPERATOR');
    await collectFromWallet(ctx.runtime, {
      merchantId: input.merchantId,
      trigger: 'MANUAL',
      actor: ctx.actor.sub,
    });
    const bills = await ctx.em
      .fork()
      .find(MerchantBill, { merchantId: input.merchantId }, { orderBy: { billMonth: 'asc' } });
    return BillingSummary.of(input.merchantId, bills);
  }

  @Mutation(() => WalletRecharge, {
    description:
      'An Alipay recharge link for a merchant’s prepaid wallet (`create_mch_recharge`): operators or the merchant itself; see `payUrl`.',
  })
  createWalletRecharge(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'Merchant and amount.' }) input: CreateWalletRechargeInput,
  ): Promise<WalletRecharge> {
    return createAlipayRecharge(ctx.runtime, ctx.em, {
      merchantId: input.merchantId,
      amount: input.amount,
      actor: ctx.actor,
    });
  }

  @Mutation(() => WalletRecharge, {
    description:
      'Recharges (or, negative, debits) a merchant’s prepaid wallet through the API (`mch_api_recharge`): operators, systems or the merchant itself, from an allow-listed IP.',
  })
  apiRechargeWallet(
    @Ctx() ctx: SettlementContext,
    @Arg('input', { description: 'Merchant, amount and idempotency key.' }) input: ApiRechargeWalletInput,
  ): Promise<WalletRecharge> {
    return apiRecharge(ctx.runtime, ctx.em, {
      merchantId: input.merchantId,
      amount: input.amount,
      requestId: input.requestId,
      actor: ctx.actor,
    });
  }
}
