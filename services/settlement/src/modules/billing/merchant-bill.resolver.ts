import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SettlementContext } from '../../context';
import { Merchant } from '../merchant/merchant.stub';
import { termsOf } from './billing.resolver';
import { MerchantBill } from './merchant-bill.entity';

/** A bill's merchant fields, through the request's loaders (one query per batch). */
@Resolver(() => MerchantBill)
export class MerchantBillResolver {
  @FieldResolver(() => Merchant, { description: 'The merchant billed.' })
  merchant(@Root() bill: MerchantBill): Merchant {
    return Object.assign(new Merchant(), { id: bill.merchantId });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The merchant’s name (`mch_name`), from the orders service’s directory.',
  })
  async merchantName(@Root() bill: MerchantBill, @Ctx() ctx: SettlementContext): Promise<string | null> {
    const entry = await ctx.loaders.billingDirectory(ctx.runtime.config).load(bill.merchantId);
    return entry?.merchantName ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The sales person (`sales_name`): the billing terms’ own, else the merchant’s agent.',
  })
  async salesName(@Root() bill: MerchantBill, @Ctx() ctx: SettlementContext): Promise<string | null> {
    return (await termsOf(ctx, bill.merchantId)).salesName;
  }
}
