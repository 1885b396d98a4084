import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { MoneyScalar, fenColumn } from '@pay/common';

/** How one statement source is matched: its amount tolerance and which payments it covers. */
@ObjectType({ description: 'Matching settings of one statement source.' })
@Entity({ tableName: 'source_setting' })
export class SourceSetting {
  [OptionalProps]?: 'amountTolerance' | 'payType' | 'updatedAt';

  @Field({ description: 'Statement source, e.g. `wechat`, `sandbox-alipay`.' })
  @PrimaryKey({ length: 40 })
  source!: string;

  @Field(() => MoneyScalar, {
    description: 'Amount differences up to this much still count as equal (default 0.00).',
  })
  @Property({ ...fenColumn(), fieldName: 'amount_tolerance_fen' })
  amountTolerance: number = 0;

  @Field(() => String, {
    nullable: true,
    description:
      'Pay type of the payments the source is matched against (`wechat`, `alipay`, …); null: derived from the source name (any payment when the name names no channel).',
  })
  @Property({ length: 20, nullable: true })
  payType: string | null = null;

  @Field({ description: 'Who changed the settings last.' })
  @Property({ length: 200 })
  updatedBy!: string;

  @Field(() => Date, { description: 'When the settings changed last.' })
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/**
 * The pay type whose payments a source's lines are matched against: the setting when
 * given, else the channel the source name contains (`wechat`, `sandbox-wechat` → wechat;
 * `alipay`, `sandbox-alipay` → alipay), else null — every payment (a generic source).
 */
export function payTypeOfSource(
  source: string,
  setting: Pick<SourceSetting, 'payType'> | null,
): string | null {
  if (setting?.payType) return setting.payType;
  if (source.includes('wechat')) return 'wechat';
  if (source.includes('alipay')) return 'alipay';
  return null;
}

/** The legacy `source` / `pay_method` code of a pay type: 2 WeChat, 3 Alipay, else null. */
export function legacyPayMethodOf(payType: string | null): number | null {
  if (payType === 'wechat') return 2;
  if (payType === 'alipay') return 3;
  return null;
}
