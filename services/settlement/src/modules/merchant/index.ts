import type { ServiceModule } from '@pay/common';
import type { SettlementRuntime } from '../../context';
import { Merchant } from './merchant.stub';

/** The orders service's Merchant, reached here only through federation and extended by the other modules. */
export const merchantModule: ServiceModule<SettlementRuntime> = {
  resolvers: [],
  orphanedTypes: [Merchant],
  references: { Merchant: { __resolveReference: (ref: { id: number }) => ({ id: Number(ref.id) }) } },
};
