import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Payment } from './modules/payment/payment.entity';

export function createReconciliationLoaders(em: EntityManager) {
  return {
    payment: new DataLoader<string, Payment | null>(async (nos) => {
      const found = new Map(
        (await em.find(Payment, { platformOrderNo: { $in: [...nos] } })).map((p) => [p.platformOrderNo, p]),
      );
      return nos.map((no) => found.get(no) ?? null);
    }),
  };
}

export type ReconciliationLoaders = ReturnType<typeof createReconciliationLoaders>;
