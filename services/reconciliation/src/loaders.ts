import type { EntityManager } from '@mikro-orm/postgresql';
import { moduleLoaders } from '@pay/common';
import { reconciliationModules } from './modules';
import type { MatchingLoaders } from './modules/matching/matching.loader';
import type { PaymentLoaders } from './modules/payment/payment.loader';
import type { StatementLoaders } from './modules/statement/statement.loader';

/** A request's loaders: every module's, on the request's EntityManager. */
export type ReconciliationLoaders = PaymentLoaders & StatementLoaders & MatchingLoaders;

export function createReconciliationLoaders(em: EntityManager): ReconciliationLoaders {
  return moduleLoaders<ReconciliationLoaders>(reconciliationModules, em);
}
