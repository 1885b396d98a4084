import { Field, ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { Clearing } from './clearing-record.entity';

@ObjectType({ description: 'A page of clearings (`shared_detail`).' })
export class ClearingRecordConnection extends Connection(Clearing, 'ClearingRecord') {}

@ObjectType({ description: 'A clearing, made or found.' })
export class ClearToChildPayload {
  @Field(() => Clearing, { description: 'The clearing.' })
  clearingRecord!: Clearing;

  @Field({ description: 'False when the clientSn was cleared before: nothing was moved again.' })
  created!: boolean;
}
