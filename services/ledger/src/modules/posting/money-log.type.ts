import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { Leg } from './leg.entity';

@ObjectType({ description: 'A page of money logs, newest first.' })
export class MoneyLogConnection extends Connection(Leg, 'MoneyLog') {}
