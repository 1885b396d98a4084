import { Field, ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { MainAccount } from './main-account.entity';

@ObjectType({ description: 'A page of main accounts.' })
export class MainAccountConnection extends Connection(MainAccount, 'MainAccount') {}

@ObjectType({ description: 'A new main account and its API key.' })
export class CreateMainAccountPayload {
  @Field(() => MainAccount, { description: 'The main account.' })
  mainAccount!: MainAccount;

  @Field({
    description: 'The account API signing key. Shown only here, once: store it now, it cannot be read again.',
  })
  apiKey!: string;
}
