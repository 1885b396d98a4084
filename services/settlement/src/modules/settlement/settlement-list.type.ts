import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { Settlement } from './settlement.entity';
import { SettledOrder } from './settled-order.entity';

@ObjectType({ description: 'A page of settlements, newest first (`/pay/settlement/`).' })
export class SettlementConnection extends Connection(Settlement, 'Settlement') {}

@ObjectType({ description: 'A page of the orders of a settlement, by payment time.' })
export class SettledOrderConnection extends Connection(SettledOrder, 'SettledOrder') {}
