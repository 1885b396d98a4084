import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { SettlementAccount } from './settlement-account.entity';

@ObjectType({ description: 'A page of settlement accounts, newest first (`/pay/account/`).' })
export class SettlementAccountConnection extends Connection(SettlementAccount, 'SettlementAccount') {}
