import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A withdrawal request (the `/sendmoney` rules).' })
export class RequestWithdrawalInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Merchant id; required for platform roles, implied for MERCHANT.',
  })
  merchantId?: number;

  @Field({ description: 'Amount in yuan with at most two decimals, e.g. "500.00"; the fee is taken on top.' })
  amount!: string;

  @Field(() => ID, {
    nullable: true,
    description: "An approved bank card of the merchant's; the first approved card when absent.",
  })
  bankCardId?: string;

  @Field(() => String, {
    nullable: true,
    description: "The merchant's TOTP (Google Authenticator) code; required when two-factor is on.",
  })
  totpCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key (1-100 characters, no spaces): a retry with the same key returns the first withdrawal instead of withdrawing again.',
  })
  requestId?: string;
}

/** What every operator action on a withdrawal names (inherited by each action's input; not emitted itself). */
@InputType({ description: 'Names a withdrawal for an operator action.' })
export abstract class WithdrawalActionInput {
  @Field(() => ID, { nullable: true, description: 'Withdrawal id.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Withdraw number (instead of the id).' })
  withdrawNo?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Note for the withdrawal log (at most 500 characters).',
  })
  note?: string;
}

@InputType({ description: 'A withdrawal an operator marks paid out.' })
export class MarkWithdrawalPaidInput extends WithdrawalActionInput {}

@InputType({ description: 'A withdrawal an operator holds.' })
export class FreezeWithdrawalInput extends WithdrawalActionInput {}

@InputType({
  description: 'A withdrawal an operator cancels (its money goes back to the available balance).',
})
export class CancelWithdrawalInput extends WithdrawalActionInput {}
