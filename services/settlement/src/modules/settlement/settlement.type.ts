import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '@pay/common';

/** A settlement's payment voucher: an image or PDF kept content-addressed. */
@ObjectType({ description: 'The payment voucher of a settlement (an image or a PDF).' })
export class SettlementVoucher {
  @Field({ description: 'SHA-256 of the file: its id.' })
  sha256!: string;

  @Field({
    description:
      'Where the gateway serves the file to authenticated callers (`/files/vouchers/<sha256>`; legacy `voucher_img`).',
  })
  url!: string;

  @Field({
    description:
      'The type found in the file’s content: image/png, image/jpeg, image/gif, image/webp or application/pdf.',
  })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field({ description: 'The name the file was uploaded with.' })
  fileName!: string;
}

/** What one settlement run did. */
@ObjectType({ description: 'What a settlement run created.' })
export class SettlementRunResult {
  @Field(() => Int, { description: 'Settlement records created (one per account with orders to settle).' })
  settlementsCreated!: number;

  @Field(() => Int, { description: 'Orders settled by them.' })
  ordersSettled!: number;

  @Field(() => MoneyScalar, { description: 'Their total: the merchants’ income of those orders.' })
  total!: number;
}
