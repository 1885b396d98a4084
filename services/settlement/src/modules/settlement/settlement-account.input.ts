import { Field, ID, InputType, Int } from 'type-graphql';
import { SettlementMethod, SettlementPeriod } from './settlement-codes';

@InputType({ description: 'A new settlement account (operators).' })
export class CreateSettlementAccountInput {
  @Field(() => Int, { description: 'The merchant (must exist).' })
  merchantId!: number;

  @Field(() => SettlementMethod, { description: 'How the merchant is paid.' })
  method!: SettlementMethod;

  @Field({ description: 'Account name, at most 100 characters.' })
  accountName!: string;

  @Field({ description: 'Account number (bank account, WeChat or Alipay id), at most 64 characters.' })
  accountNo!: string;

  @Field(() => SettlementPeriod, {
    nullable: true,
    description:
      'How often it is settled on a schedule; default UNKNOWN (on demand only). One live account with a period per merchant.',
  })
  period?: SettlementPeriod;

  @Field(() => String, { nullable: true, description: 'Remarks, at most 500 characters.' })
  remarks?: string | null;
}

@InputType({ description: 'Changes to a settlement account (operators); fields left out stay as they are.' })
export class UpdateSettlementAccountInput {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;

  @Field(() => SettlementMethod, { nullable: true, description: 'New method.' })
  method?: SettlementMethod | null;

  @Field(() => String, { nullable: true, description: 'New account name.' })
  accountName?: string | null;

  @Field(() => String, { nullable: true, description: 'New account number.' })
  accountNo?: string | null;

  @Field(() => SettlementPeriod, { nullable: true, description: 'New period.' })
  period?: SettlementPeriod | null;

  @Field(() => String, { nullable: true, description: 'New remarks; an empty string or null clears them.' })
  remarks?: string | null;
}

@InputType({ description: 'The settlement account to delete (operators).' })
export class DeleteSettlementAccountInput {
  @Field(() => ID, { description: 'Account id.' })
  id!: string;
}
