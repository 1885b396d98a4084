import {
  BigIntType,
  Entity,
  Enum,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  OptionalProps,
} from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Agent } from './agent.entity';

export enum MerchantStatus {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}
registerEnumType(MerchantStatus, {
  name: 'MerchantStatus',
  description: 'Whether a merchant may take payments and call the APIs.',
});

@ObjectType({ description: 'A merchant taking payments through the platform (numeric id like 2024164).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'merchant' })
export class Merchant {
  [OptionalProps]?: 'status' | 'twoFactorEnabled' | 'ipAllowList' | 'createdAt' | 'updatedAt';

  @Field(() => Int, { description: "Merchant id (the legacy APIs' `merchant_id`)." })
  @PrimaryKey({ autoincrement: false })
  id!: number;

  @Field({ description: 'Merchant name.' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => MerchantStatus, { description: 'active or disabled.' })
  @Enum({ items: () => MerchantStatus, nativeEnumName: undefined })
  status: MerchantStatus = MerchantStatus.ACTIVE;

  /** The MD5 signing key (`miyao`): used for API signatures and notifications, never exposed. */
  @Property({ length: 64, hidden: true, lazy: true })
  signingKey!: string;

  @Field(() => Agent, { nullable: true, description: 'The agent who earns commission on this merchant.' })
  @ManyToOne(() => Agent, { nullable: true })
  agent?: Rel<Agent> | null;

  @Field({ description: 'Whether withdrawals need a TOTP code.' })
  @Property()
  twoFactorEnabled: boolean = false;

  /** The TOTP secret (base32) behind two-factor withdrawals: set by enableTwoFactor, never exposed. */
  @Property({ length: 64, nullable: true, hidden: true, lazy: true })
  totpSecret?: string | null;

  /** The last TOTP time step accepted, so a code works once. */
  @Property({ type: new BigIntType('number'), nullable: true, hidden: true, lazy: true })
  totpLastStep?: number | null;

  @Field(() => [String], {
    description: 'IP addresses allowed to call the APIs as this merchant (empty: any).',
  })
  @Property({ type: 'json' })
  ipAllowList: string[] = [];

  @Field({ description: 'When the merchant was created.' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'When the merchant was last changed.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
