import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Merchant } from '../merchant/merchant.entity';

/**
 * An open API app (fubei-openapi.md's `app_id`): signs requests with its secret and
 * speaks for one merchant. Not in the graph: the secret never leaves this service.
 */
@Entity({ tableName: 'open_api_app' })
export class OpenApiApp {
  [OptionalProps]?: 'enabled' | 'createdAt';

  @PrimaryKey({ length: 32 })
  appId!: string;

  /** The MD5 signing secret appended to the string to sign; never exposed. */
  @Property({ length: 64, hidden: true, lazy: true })
  secret!: string;

  @ManyToOne(() => Merchant)
  merchant!: Rel<Merchant>;

  @Property()
  enabled: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
