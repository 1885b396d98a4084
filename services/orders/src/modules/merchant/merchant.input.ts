import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A merchant to turn two-factor (TOTP) withdrawals on for.' })
export class EnableTwoFactorInput {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;
}

@InputType({ description: 'A merchant to turn two-factor (TOTP) withdrawals off for.' })
export class DisableTwoFactorInput {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;
}
