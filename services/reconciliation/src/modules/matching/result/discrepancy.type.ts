import { Directive, ObjectType } from 'type-graphql';
import { ReconciliationResult } from './reconciliation-result.entity';

/**
 * A discrepancy: a result whose verdict is not normal (surplus, shortage, abnormal,
 * doubtful, reversed, refunded) — what operators look into and resolve. The same row as
 * its `ReconciliationResult` (same id), under the name operators work with.
 */
@ObjectType('Discrepancy', {
  description:
    'A reconciliation result whose verdict is not normal: the channel and the platform disagree, or the order is doubtful, reversed or refunded. Same id as its ReconciliationResult.',
})
@Directive('@key(fields: "id")')
export class Discrepancy extends ReconciliationResult {}
