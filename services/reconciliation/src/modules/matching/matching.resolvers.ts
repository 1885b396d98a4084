import { ReconciliationRunResolver } from '../run/run.resolver';
import { OrderMatchingResolver, ReconciliationOrderResolver } from './order-matching.resolver';
import {
  DiscrepancyFieldsResolver,
  DiscrepancyResolver,
  ReconciliationResultFieldsResolver,
} from './result.resolver';
import { SourceSettingResolver } from './source-setting.resolver';

/** The resolvers of matching and reconciliation runs (registered in schema.ts). */
export const matchingResolvers = [
  ReconciliationRunResolver,
  ReconciliationResultFieldsResolver,
  DiscrepancyFieldsResolver,
  DiscrepancyResolver,
  OrderMatchingResolver,
  ReconciliationOrderResolver,
  SourceSettingResolver,
] as const;
