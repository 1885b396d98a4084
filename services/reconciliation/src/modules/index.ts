// Import order is registration order, which orders the printed schema (schema/).
import { paymentModule } from './payment';
import { statementModule } from './statement';
import { runModule } from './run';
import { matchingModule, reconciliationPartitionsModule } from './matching';
import { resolutionModule } from './resolution';

/** The reconciliation service's modules: its schema, loaders, routes, queues and workers are theirs. */
export const reconciliationModules = [
  paymentModule,
  statementModule,
  runModule,
  matchingModule,
  resolutionModule,
  reconciliationPartitionsModule,
];
