import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { AdjustmentResolver } from './adjustment.resolver';

/** Operators' manual adjustments of merchant balances. */
export const adjustmentModule: ServiceModule<LedgerRuntime> = {
  resolvers: [AdjustmentResolver],
};
