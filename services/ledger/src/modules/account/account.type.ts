import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { Account } from './account.entity';

@ObjectType({ description: 'A page of accounts.' })
export class AccountConnection extends Connection(Account, 'Account') {}
