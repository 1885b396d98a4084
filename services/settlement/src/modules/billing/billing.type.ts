import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, MoneyScalar, ppmToPercent } from '@pay/common';
import { MerchantBill } from './merchant-bill.entity';
import type { EffectiveBillingTerms } from './billing-terms.service';

@ObjectType({ description: "A merchant's billing terms: its rate and what its bills show." })
export class MerchantBillingTerms {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => Int, {
    description: 'Billing rate in parts per million of the month’s sales (5.9 % = 59000).',
  })
  ratePpm!: number;

  @Field(() => Float, { description: 'Billing rate in percent, e.g. 5.9 (display only).' })
  get ratePercent(): number {
    return ppmToPercent(this.ratePpm);
  }

  @Field(() => String, {
    nullable: true,
    description: 'Sales person on the bills: the terms’ own, else the merchant’s agent.',
  })
  salesName!: string | null;

  @Field({ description: 'Pay remark on the bills, "暂无" unless set.' })
  payRemark!: string;

  @Field({ description: 'false: the merchant has no terms of its own and is billed at the default rate.' })
  custom!: boolean;

  @Field(() => String, { nullable: true, description: 'Operator who last set the terms.' })
  updatedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the terms were last set.' })
  updatedAt!: Date | null;

  static of(terms: EffectiveBillingTerms): MerchantBillingTerms {
    return Object.assign(new MerchantBillingTerms(), terms);
  }
}

@ObjectType({ description: 'A page of monthly bills, oldest bill month first.' })
export class MerchantBillConnection extends Connection(MerchantBill, 'MerchantBill') {}

@ObjectType({
  description:
    'A merchant’s bills and what they leave owed (`get_mch_detail_bill`); the prepaid balance is `Merchant.prepaidBalance` (ledger).',
})
export class BillingSummary {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => MoneyScalar, { description: 'Left owed on all bills (`total_left_money`).' })
  totalLeft!: number;

  @Field(() => MoneyScalar, {
    description:
      'Left owed on the bill of the most recent bill month, 0 without bills (`this_month_left_money`).',
  })
  thisMonthLeft!: number;

  @Field(() => [MerchantBill], { description: 'Every bill, oldest bill month first (`detail_bill`).' })
  bills!: MerchantBill[];

  static of(merchantId: number, bills: MerchantBill[]): BillingSummary {
    const latest = bills.reduce<MerchantBill | null>(
      (a, b) => (a === null || b.billMonth > a.billMonth ? b : a),
      null,
    );
    return Object.assign(new BillingSummary(), {
      merchantId,
      totalLeft: bills.reduce((sum, b) => sum + b.left, 0),
      thisMonthLeft: latest?.left ?? 0,
      bills,
    });
  }
}

export enum BillReceiptMethod {
  AUTO_COLLECTION = 'AUTO_COLLECTION',
  ALIPAY_RECHARGE = 'ALIPAY_RECHARGE',
  API_RECHARGE = 'API_RECHARGE',
}
registerEnumType(BillReceiptMethod, {
  name: 'BillReceiptMethod',
  description: 'How money reached the merchant’s billing (`pay_method`).',
  valuesConfig: {
    AUTO_COLLECTION: {
      description: 'Collected from the prepaid wallet when a bill was issued (`自动收款账号`).',
    },
    ALIPAY_RECHARGE: { description: 'An Alipay recharge link was paid (`支付宝自助充值`).' },
    API_RECHARGE: { description: 'An API recharge, possibly negative (`API充值`).' },
  },
});

/** The legacy `pay_method` texts. */
export const RECEIPT_METHOD_TEXT: Record<BillReceiptMethod, string> = {
  [BillReceiptMethod.AUTO_COLLECTION]: '自动收款账号',
  [BillReceiptMethod.ALIPAY_RECHARGE]: '支付宝自助充值',
  [BillReceiptMethod.API_RECHARGE]: 'API充值',
};

@ObjectType({ description: 'Money received for a merchant’s billing (`get_mch_receivable_detail`).' })
export class BillReceipt {
  @Field(() => ID, { description: 'Receipt id: `recharge:<id>` or `collection:<id>`.' })
  id!: string;

  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field(() => MoneyScalar, { description: 'Amount received (`amount`); an API debit is negative.' })
  amount!: number;

  @Field(() => BillReceiptMethod, { description: 'How it was received.' })
  method!: BillReceiptMethod;

  @Field({ description: 'The legacy method text (`pay_method`), e.g. 支付宝自助充值.' })
  methodText!: string;

  @Field({ description: 'When it was received.' })
  receivedAt!: Date;

  @Field({ description: 'China calendar date received, "YYYY-MM-DD" (`recv_time`).' })
  date!: string;

  @Field(() => Float, {
    description:
      'Milliseconds as the legacy CRM renders them (`recv_time_stamp`): the China wall-clock time read as UTC.',
  })
  timestamp!: number;
}

@ObjectType({ description: 'The outcome of issuing a month’s bills.' })
export class MonthlyBillsIssue {
  @Field({ description: 'The month billed, "YYYY-MM".' })
  month!: string;

  @Field(() => Int, { description: 'Bills issued by this call (0 when the month was billed before).' })
  issuedCount!: number;

  @Field(() => [MerchantBill], { description: 'The bills issued by this call, after their collection.' })
  bills!: MerchantBill[];

  @Field(() => [Int], {
    description: 'Merchants whose collection failed; it is retried automatically (and by issuing again).',
  })
  failedCollections!: number[];
}
