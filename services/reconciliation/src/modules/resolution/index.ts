import type { ServiceModule } from '@pay/common';
import type { ReconciliationRuntime } from '../../context';
import { Resolution } from './resolution.entity';
import {
  DiscrepancyResolutionsResolver,
  ResolutionResolver,
  ResultResolutionsResolver,
} from './resolution.resolver';

/** Operators' resolutions of discrepancies (with the orders service's corrections). */
export const resolutionModule: ServiceModule<ReconciliationRuntime> = {
  resolvers: [ResolutionResolver, ResultResolutionsResolver, DiscrepancyResolutionsResolver],
  entities: [Resolution],
};
