import type { ServiceModule } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { VoucherFile } from '../voucher/voucher-file.entity';
import { voucherRoutes } from '../voucher/voucher.routes';
import { MerchantSettlementResolver } from './merchant-settlement.resolver';
import { SettledOrder } from './settled-order.entity';
import { SettlementAccount } from './settlement-account.entity';
import { SettlementAccountResolver } from './settlement-account.resolver';
import { Settlement } from './settlement.entity';
import { createSettlementLoaders, type SettlementModuleLoaders } from './settlement.loader';
import { settlementReferences } from './settlement.reference';
import { SettlementResolver } from './settlement.resolver';
import { SETTLEMENT_RUN_QUEUE, startSettlementRunWorker } from './settlement-run.job';

export {
  runSettlement,
  AUTO_PERSON,
  type SettlementRunRequest,
  type SettlementRunResult,
} from './settlement-run.service';
export { runScheduledSettlement, SETTLEMENT_RUN_QUEUE } from './settlement-run.job';

/**
 * Settlement accounts, periodic settlements (scheduled and on demand) and their payout
 * with a voucher. Its loaders sit under `loaders.settlement`.
 */
export const settlementModule: ServiceModule<SettlementRuntime, { settlement: SettlementModuleLoaders }> = {
  resolvers: [SettlementAccountResolver, SettlementResolver, MerchantSettlementResolver],
  entities: [SettlementAccount, Settlement, SettledOrder, VoucherFile],
  references: settlementReferences,
  queues: [SETTLEMENT_RUN_QUEUE],
  routes: voucherRoutes,
  startWorkers: startSettlementRunWorker,
  loaders: (em) => ({ settlement: createSettlementLoaders(em) }),
};
