import { Field, Int, ObjectType } from 'type-graphql';
import { Connection, MoneyScalar } from '@pay/common';
import { ReconciliationStatus } from '../../payment/reconciliation-status';
import type { Payment } from '../../payment/payment.entity';
import { ReconciliationResult } from '../result/reconciliation-result.entity';
import { legacyPayMethodOf } from '../source-setting/source-setting.entity';
import { StatementLine } from '../../statement/statement-line.entity';

/** Platform statuses in which the payer has not paid (legacy pay_method 1 未支付). */
export const UNPAID_STATUSES: readonly string[] = ['PENDING', 'EXPIRED', 'CANCELLED_BY_USER'];

/** Legacy `pay_method`: 1 unpaid, 2 WeChat, 3 Alipay (null: paid through another pay type). */
export function payMethodOf(payment: Pick<Payment, 'status' | 'payType'>): number | null {
  return UNPAID_STATUSES.includes(payment.status) ? 1 : legacyPayMethodOf(payment.payType);
}

/** An order as the reconciliation list shows it (`/pay/consume_order` items, `bill_data`). */
@ObjectType({
  description:
    'An order as reconciliation sees it: the platform’s copy with its reconciliation status (`/pay/consume_order`, `bill_data`).',
})
export class ReconciliationOrder {
  @Field({ description: 'Platform order number (`code`, `platform_code`).' })
  platformOrderNo!: string;

  @Field({ description: 'The merchant’s order number.' })
  merchantOrderNo!: string;

  @Field(() => String, { nullable: true, description: 'The channel’s transaction id.' })
  upstreamOrderNo!: string | null;

  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({ description: 'Merchant name (`merchant__name`).' })
  merchantName!: string;

  @Field(() => String, { nullable: true, description: 'Device number (`equipment_no`).' })
  equipmentNo!: string | null;

  @Field(() => MoneyScalar, { description: 'Order amount.' })
  amount!: number;

  @Field({ description: 'Pay type of its channel: wechat, alipay, qq, unionpay, other.' })
  payType!: string;

  @Field(() => Int, {
    nullable: true,
    description: '`pay_method`: 1 unpaid, 2 WeChat, 3 Alipay (null: paid through another pay type).',
  })
  payMethod!: number | null;

  @Field({ description: 'Lifecycle status (`PAID`, `REFUNDED`, …).' })
  status!: string;

  @Field(() => Int, {
    description: 'Admin status code 1-11 (`status`, pay-admin-api.md ORDER_STATUS_CHOICES).',
  })
  adminStatusCode!: number;

  @Field(() => String, { nullable: true, description: 'The payer’s id at the channel.' })
  payerId!: string | null;

  @Field(() => String, { nullable: true, description: 'The payer’s nickname (`name__nick_name`).' })
  payerNickname!: string | null;

  @Field(() => Date, { description: 'When the order was created (`create_time`).' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was paid.' })
  paidAt!: Date | null;

  @Field(() => ReconciliationStatus, { description: 'Reconciliation status.' })
  reconciliationStatus!: ReconciliationStatus;

  @Field(() => Int, {
    description: '`reconciliation_status`: 1 reconciled, 2 not yet, 3 abnormal, 4 reversed, 5 doubtful.',
  })
  reconciliationStatusCode!: number;

  @Field({ description: 'Whether the daily automatic run reconciles it (`auto`).' })
  autoReconcile!: boolean;
}

export function reconciliationOrderOf(p: Payment): ReconciliationOrder {
  return Object.assign(new ReconciliationOrder(), {
    platformOrderNo: p.platformOrderNo,
    merchantOrderNo: p.merchantOrderNo,
    upstreamOrderNo: p.upstreamOrderNo,
    merchantId: p.merchantId,
    merchantName: p.merchantName,
    equipmentNo: p.deviceNo,
    amount: p.amount,
    payType: p.payType,
    payMethod: payMethodOf(p),
    status: p.status,
    adminStatusCode: p.adminStatusCode,
    payerId: p.payerId,
    payerNickname: p.payerNickname,
    createdAt: p.createdAt,
    paidAt: p.paidAt,
    reconciliationStatus: p.reconciliationStatus as ReconciliationStatus,
    reconciliationStatusCode: p.reconciliationStatus,
    autoReconcile: p.autoReconcile,
  });
}

/** The statistics over the whole filter (`/pay/consume_order` `statistics`). */
@ObjectType({ description: 'Counts and sums over every order matching the list’s filter.' })
export class ReconciliationOrderStatistics {
  @Field(() => Int, { description: 'Orders (`order_num`).' })
  orderNum!: number;

  @Field(() => MoneyScalar, { description: 'Their amount (`count_price`).' })
  countPrice!: number;

  @Field(() => Int, { description: 'Reconciled orders (`success_bill`).' })
  successBill!: number;

  @Field(() => MoneyScalar, { description: 'Their amount (`success_price`).' })
  successPrice!: number;

  @Field(() => Int, { description: 'Abnormal orders (`fail_bill`).' })
  failBill!: number;

  @Field(() => MoneyScalar, { description: 'Their amount (`fail_price`).' })
  failPrice!: number;
}

@ObjectType({
  description: 'A page of the reconciliation list, newest first, with statistics over the whole filter.',
})
export class ReconciliationOrderConnection extends Connection(ReconciliationOrder, 'ReconciliationOrder') {
  @Field(() => ReconciliationOrderStatistics, {
    description: 'Counts and sums over the whole filter (`statistics`).',
  })
  statistics!: ReconciliationOrderStatistics;
}

/** `/pay/order_details`: the order, the channel's line and the latest verdict. */
@ObjectType({ description: 'An order against the channel’s bill (`/pay/order_details`).' })
export class OrderBill {
  @Field(() => [ReconciliationOrder], { description: 'The platform’s order (`bill_data`).' })
  billData!: ReconciliationOrder[];

  @Field(() => StatementLine, {
    nullable: true,
    description: 'The channel’s line for it (`third_bill`); null when no statement lists it.',
  })
  thirdBill!: StatementLine | null;

  @Field(() => ReconciliationResult, {
    nullable: true,
    description: 'The latest reconciliation verdict (`bill_info`); null when no run covered it.',
  })
  billInfo!: ReconciliationResult | null;
}
