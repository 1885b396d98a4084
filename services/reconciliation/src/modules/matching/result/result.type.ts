import { ObjectType } from 'type-graphql';
import { Connection } from '@pay/common';
import { Discrepancy } from './discrepancy.type';
import { ReconciliationResult } from './reconciliation-result.entity';

@ObjectType({ description: 'A page of a run’s result lines, by order number.' })
export class ReconciliationResultConnection extends Connection(
  ReconciliationResult,
  'ReconciliationResult',
) {}

@ObjectType({ description: 'A page of discrepancies, newest first.' })
export class DiscrepancyConnection extends Connection(Discrepancy, 'Discrepancy') {}
