import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Payment } from './payment.entity';

/** Payment loaders, built per request. */
export function createPaymentLoaders(em: EntityManager) {
  return {
    payment: new DataLoader<string, Payment | null>(async (nos) => {
      const found = new Map(
        (await em.find(Payment, { platformOrderNo: { $in: [...nos] } })).map((p) => [p.platformOrderNo, p]),
      );
      return nos.map((no) => found.get(no) ?? null);
    }),
  };
}

export type PaymentLoaders = ReturnType<typeof createPaymentLoaders>;
