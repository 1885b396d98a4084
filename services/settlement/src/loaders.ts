import type { EntityManager } from '@mikro-orm/postgresql';
import { settlementModule } from './modules/settlement';
import { billingModule } from './modules/billing';

export function createSettlementLoaders(em: EntityManager) {
  return { ...settlementModule.loaders(em), ...billingModule.loaders(em) };
}

export type SettlementLoaders = ReturnType<typeof createSettlementLoaders>;
