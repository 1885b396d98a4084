import { partitionMaintenanceModule, type ServiceModule } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { createMatchingLoaders, type MatchingLoaders } from './matching.loader';
import { matchingReferences } from './matching.reference';
import {
  OrderMatchingResolver,
  ReconciliationOrderResolver,
} from './reconciliation-order/order-matching.resolver';
import { ReconciliationResult } from './result/reconciliation-result.entity';
import {
  DiscrepancyFieldsResolver,
  DiscrepancyResolver,
  ReconciliationResultFieldsResolver,
} from './result/result.resolver';
import { SourceSetting } from './source-setting/source-setting.entity';
import { SourceSettingResolver } from './source-setting/source-setting.resolver';

/** Matching payments against statement lines: results, discrepancies, per-order views, source settings. */
export const matchingModule: ServiceModule<ReconciliationRuntime, MatchingLoaders> = {
  resolvers: [
    ReconciliationResultFieldsResolver,
    DiscrepancyFieldsResolver,
    DiscrepancyResolver,
    OrderMatchingResolver,
    ReconciliationOrderResolver,
    SourceSettingResolver,
  ],
  entities: [ReconciliationResult, SourceSetting],
  references: matchingReferences,
  loaders: createMatchingLoaders,
};

/**
 * Statement lines' and results' months made ahead. None is dropped: results carry the
 * resolutions (the audit trail) and the lines they were matched from; a month no longer
 * read online is archived by detaching its partitions (docs/production.md).
 */
export const reconciliationPartitionsModule = partitionMaintenanceModule<ReconciliationRuntime>(
  'reconciliation-partitions',
  () => [
    { table: 'statement_line', column: 'trade_time', retentionMonths: null },
    { table: 'reconciliation_result', column: 'created_at', retentionMonths: null },
  ],
);
