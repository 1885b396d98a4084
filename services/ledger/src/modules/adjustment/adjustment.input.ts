import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: "A manual change of a merchant's available balance (operators)." })
export class AdjustBalanceInput {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({
    description: 'Signed amount in yuan, e.g. "100.00" credits and "-12.50" debits; zero is refused.',
  })
  amount!: string;

  @Field({ description: 'Why (1–200 characters); becomes the money log description.' })
  reason!: string;

  @Field({
    description:
      "The caller's idempotency key (1–100 characters, no spaces): the same key never adjusts twice.",
  })
  requestId!: string;
}
