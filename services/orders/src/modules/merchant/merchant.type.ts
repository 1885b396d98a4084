import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A merchant's new TOTP enrolment; the URI is shown only in this answer." })
export class EnableTwoFactorPayload {
  @Field(() => Int, { description: 'Merchant id.' })
  merchantId!: number;

  @Field({
    description: 'otpauth:// URI (with the secret) to scan into an authenticator app; never readable again.',
  })
  otpauthUri!: string;
}
