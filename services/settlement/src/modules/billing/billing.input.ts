import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A merchant’s billing terms, set by an operator.' })
export class SetMerchantBillingTermsInput {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'Billing rate in percent of the month’s sales, e.g. "5.9" (at most four decimals).' })
  rate!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Sales person on the bills; left out: unchanged; null or blank: the merchant’s agent.',
  })
  salesName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Pay remark on the bills; left out: unchanged; null or blank: "暂无".',
  })
  payRemark?: string | null;
}

@InputType({ description: 'Which month (and optionally which merchant) to bill.' })
export class IssueMonthlyBillsInput {
  @Field({ description: 'The month, "YYYY-MM" (China time); it must be over.' })
  month!: string;

  @Field(() => Int, { nullable: true, description: 'Only this merchant (else every merchant).' })
  merchantId?: number | null;
}

@InputType({ description: 'A merchant whose open bills to collect from its prepaid wallet now.' })
export class CollectMerchantBillsInput {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;
}

@InputType({
  description: 'An Alipay recharge link for a merchant’s prepaid wallet (`create_mch_recharge`).',
})
export class CreateWalletRechargeInput {
  @Field(() => Int, { description: 'Merchant id (a merchant may only recharge itself).' })
  merchantId!: number;

  @Field({ description: 'Amount in yuan, 0.01 to 10000.00, e.g. "100.00".' })
  amount!: string;
}

@InputType({ description: 'A merchant API recharge (`mch_api_recharge`), from an allow-listed IP.' })
export class ApiRechargeWalletInput {
  @Field(() => Int, { description: 'Merchant id (a merchant may only recharge itself).' })
  merchantId!: number;

  @Field({ description: 'Amount in yuan, -1000.00 to 10000.00, not zero; negative debits the wallet.' })
  amount!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key (1–64 characters): the same key answers the same recharge.',
  })
  requestId?: string | null;
}
