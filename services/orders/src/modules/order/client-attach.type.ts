import { Field, ObjectType } from 'type-graphql';

/** The legacy `extended.client_attach`: the request parameters as the old gateway stored them. */
@ObjectType({ description: 'Raw create-order parameters in the legacy fx* naming.' })
export class ClientAttach {
  @Field(() => String, { nullable: true, description: 'Product title.' })
  fxdesc!: string | null;

  @Field(() => String, { nullable: true, description: 'Attach data.' })
  fxattch!: string | null;

  @Field(() => String, { nullable: true, description: 'Notify URL.' })
  fxnotifyurl!: string | null;

  @Field(() => String, { nullable: true, description: 'Return URL.' })
  fxbackurl!: string | null;

  @Field(() => String, { nullable: true, description: 'Client IP.' })
  fxip!: string | null;

  @Field(() => String, { nullable: true, description: 'Bank code.' })
  fxbankcode!: string | null;

  @Field(() => String, { nullable: true, description: 'Payment method.' })
  fxfs!: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-merchant user id.' })
  fxuserid!: string | null;

  @Field(() => String, { nullable: true, description: 'Notify style ("1" form, "2" JSON).' })
  fxnotifystyle!: string | null;

  @Field(() => String, { nullable: true, description: 'Signature separator.' })
  fxsignstring!: string | null;

  @Field(() => String, { nullable: true, description: 'Jump flag passed to the cashier.' })
  fxjumpflag!: string | null;
}
