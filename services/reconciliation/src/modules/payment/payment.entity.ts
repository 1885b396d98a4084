import { fenColumn } from '@pay/common';
import { BigIntType, Entity, Formula, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** This service's copy of an order (see the migration), plus its reconciliation verdict. */
@Entity({ tableName: 'payment' })
export class Payment {
  [OptionalProps]?: 'autoReconcile' | 'reconciliationStatus' | 'updatedAt' | 'fee';

  @PrimaryKey({ length: 32 })
  platformOrderNo!: string;

  @Property({ length: 64, nullable: true })
  upstreamOrderNo!: string | null;

  @Property()
  merchantId!: number;

  @Property({ length: 100 })
  merchantName!: string;

  @Property({ length: 64 })
  merchantOrderNo!: string;

  @Property({ length: 32 })
  channelCode!: string;

  @Property({ length: 20 })
  payType!: string;

  @Property({ ...fenColumn() })
  amount!: number;

  @Property({ ...fenColumn() })
  fee: number = 0;

  @Property({ length: 40 })
  status!: string;

  @Property({ type: 'smallint' })
  statusCode!: number;

  @Property({ type: 'smallint' })
  adminStatusCode!: number;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Property({ length: 32, nullable: true })
  storeId!: string | null;

  @Property({ length: 32, nullable: true })
  cashierId!: string | null;

  @Property({ length: 64, nullable: true })
  deviceNo!: string | null;

  @Property({ length: 128, nullable: true })
  payerId!: string | null;

  @Property({ length: 128, nullable: true })
  payerNickname!: string | null;

  @Property({ type: new BigIntType('number') })
  seq!: number;

  /** Whether the daily automatic run reconciles this order. */
  @Property()
  autoReconcile: boolean = false;

  /**
   * 1 reconciled, 2 not yet, 3 abnormal, 4 reversed, 5 doubtful (pay-admin-api.md). Read
   * only: kept in the narrow `payment_reconciliation` table (no row = 2), written by SQL.
   */
  @Formula(
    (table) =>
      `coalesce((select r.status from payment_reconciliation r where r.platform_order_no = ${table.alias}.platform_order_no), 2)`,
    { type: 'smallint' },
  )
  reconciliationStatus: number = 2;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
