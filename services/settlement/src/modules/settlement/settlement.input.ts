import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'An on-demand settlement run (operators).' })
export class RunSettlementsInput {
  @Field(() => Int, {
    nullable: true,
    description:
      'Only this merchant (its periodic account, else its newest live account); none: every account with a period.',
  })
  merchantId?: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Settle orders paid before this instant (default now; not in the future).',
  })
  until?: Date | null;
}

@InputType({
  description: 'Marks a settlement paid out with its voucher (operators; legacy POST `/pay/settlement/`).',
})
export class SettleSettlementInput {
  @Field({ description: 'Settlement code (legacy `code`).' })
  code!: string;

  @Field({
    description:
      'The voucher’s upload id (SHA-256) from a multipart upload through the gateway: an image (PNG, JPEG, GIF, WebP) or a PDF (legacy `voucher`).',
  })
  voucher!: string;

  @Field({ description: 'Who paid it out, at most 100 characters (legacy `person`).' })
  person!: string;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters (legacy `remark`).' })
  remark?: string | null;
}
