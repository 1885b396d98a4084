import type { ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import { BankCard } from './bank-card.entity';
import { BankCardResolver } from './bank-card.resolver';

/** Merchants' bank cards and their approval. */
export const bankCardModule: ServiceModule<LedgerRuntime> = {
  resolvers: [BankCardResolver],
  entities: [BankCard],
};
