import { Field, ObjectType } from 'type-graphql';
import { Posting } from '../posting/posting.entity';
import { MerchantBalance } from '../balance/balance.type';

@ObjectType({ description: 'Outcome of a manual adjustment.' })
export class AdjustBalancePayload {
  @Field(() => Posting, { description: 'The adjustment posting.' })
  posting!: Posting;

  @Field({ description: 'False when this requestId had already been applied: nothing changed.' })
  created!: boolean;

  @Field(() => MerchantBalance, { description: "The merchant's balances afterwards." })
  balance!: MerchantBalance;
}
