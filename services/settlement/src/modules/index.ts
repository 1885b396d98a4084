// Import order is registration order, which orders the printed schema (schema/).
import { settlementModule } from './settlement';
import { billingModule } from './billing';
import { merchantModule } from './merchant';

/** The settlement service's modules: its schema, loaders, routes, queues and workers are theirs. */
export const settlementModules = [merchantModule, settlementModule, billingModule];
