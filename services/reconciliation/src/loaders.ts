import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Payment } from './modules/payment/payment.entity';
import { createStatementLoaders } from './modules/statement/statement.loader';
import { createMatchingLoaders } from './modules/matching/matching.loader';

export function createReconciliationLoaders(em: EntityManager) {
  return {
    ...createStatementLoaders(em),
    ...createMatchingLoaders(em),
    payment: new DataLoader<string, Payment | null>(async (nos) => {
      const found = new Map(
        (await em.find(Payment, { platformOrderNo: { $in: [...nos] } })).map((p) => [p.platformOrderNo, p]),
      );
      return nos.map((no) => found.get(no) ?? null);
    }),
  };
}

export type ReconciliationLoaders = ReturnType<typeof createReconciliationLoaders>;
