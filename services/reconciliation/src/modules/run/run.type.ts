import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { ReconciliationRun } from './reconciliation-run.entity';

@ObjectType({ description: 'A page of reconciliation runs, newest first (`/pay/check_record`).' })
export class ReconciliationRunConnection extends Connection(ReconciliationRun, 'ReconciliationRun') {}
