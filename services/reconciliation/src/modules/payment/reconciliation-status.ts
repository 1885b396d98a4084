import { registerEnumType } from 'type-graphql';

/** pay-admin-api.md reconciliation_status: 1 reconciled, 2 not yet, 3 abnormal, 4 reversed, 5 doubtful. */
export enum ReconciliationStatus {
  RECONCILED = 1,
  NOT_YET = 2,
  ABNORMAL = 3,
  REVERSED = 4,
  DOUBTFUL = 5,
}
registerEnumType(ReconciliationStatus, {
  name: 'ReconciliationStatus',
  description: 'Where an order stands in reconciliation.',
});
