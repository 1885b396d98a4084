import type { ServiceModule } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { AUTO_RECONCILE_QUEUE, startAutoReconcileWorker } from './auto-reconcile.job';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationRunResolver } from './run.resolver';

/** Reconciliation runs: on demand and the daily automatic one (config.autoReconcileCron, China time). */
export const runModule: ServiceModule<ReconciliationRuntime> = {
  resolvers: [ReconciliationRunResolver],
  entities: [ReconciliationRun],
  queues: [AUTO_RECONCILE_QUEUE],
  startWorkers: startAutoReconcileWorker,
};
