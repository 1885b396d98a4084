import type { ReconciliationContext } from '../../context';
import type { Payment } from './payment.entity';

/** A payment's visibility: MERCHANT actors see their own orders only. */
export function visiblePayment(ctx: ReconciliationContext, payment: Payment | null): Payment | null {
  if (!payment) return null;
  return ctx.actor.role !== 'MERCHANT' || payment.merchantId === ctx.actor.merchantId ? payment : null;
}
