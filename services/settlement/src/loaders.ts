import type { EntityManager } from '@mikro-orm/postgresql';
import { moduleLoaders } from '@pay/common';
import { settlementModules } from './modules';
import type { BillingLoaders } from './modules/billing/billing.loader';
import type { SettlementModuleLoaders } from './modules/settlement/settlement.loader';

/** A request's loaders: every module's, on the request's EntityManager. */
export type SettlementLoaders = { settlement: SettlementModuleLoaders } & BillingLoaders;

export function createSettlementLoaders(em: EntityManager): SettlementLoaders {
  return moduleLoaders<SettlementLoaders>(settlementModules, em);
}
