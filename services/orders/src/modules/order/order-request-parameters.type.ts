import { Field, ObjectType } from 'type-graphql';

/**
 * The create-order request's own parameters, kept as they came (null: not given), beside
 * the order's checked and defaulted values. The legacy merchant API shows them under its
 * old `fx*` names (`extended.client_attach`); those names live in the REST shim only.
 */
@ObjectType({ description: 'The create-order request’s own parameters, as given (null: not given).' })
export class OrderRequestParameters {
  @Field(() => String, { nullable: true, description: 'Product title.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Attach data, returned in the notification.' })
  attach!: string | null;

  @Field(() => String, { nullable: true, description: 'Notify URL.' })
  notifyUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Return URL.' })
  returnUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Client IP.' })
  clientIp!: string | null;

  @Field(() => String, { nullable: true, description: 'Bank code.' })
  bankCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Payment method.' })
  paymentMethod!: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-merchant user id.' })
  subUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'Notify style as asked: "1" form, "2" JSON.' })
  notifyStyle!: string | null;

  @Field(() => String, { nullable: true, description: 'Signature separator.' })
  signString!: string | null;

  @Field(() => String, { nullable: true, description: 'Jump flag passed to the cashier.' })
  jumpFlag!: string | null;
}
