import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** The pay remark a bill shows when the merchant's terms name none (the legacy default). */
export const DEFAULT_PAY_REMARK = '暂无';

/**
 * A merchant's billing terms: the rate its monthly bill charges on its sales, and what
 * the bill shows as sales person and pay remark. Merchants without terms are billed at
 * the configured default rate.
 */
@Entity({ tableName: 'merchant_billing' })
export class MerchantBilling {
  [OptionalProps]?: 'salesName' | 'payRemark' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ autoincrement: false })
  merchantId!: number;

  /** Parts per million of the month's sales (5.9 % = 59000). */
  @Property()
  ratePpm!: number;

  /** Overrides the merchant's agent as the bill's sales person. */
  @Property({ length: 100, nullable: true })
  salesName: string | null = null;

  @Property({ length: 200 })
  payRemark: string = DEFAULT_PAY_REMARK;

  @Property({ length: 200 })
  updatedBy!: string;

  @Property()
  createdAt: Date = new Date();

  @Property()
  updatedAt: Date = new Date();
}
