import { AppError, merchantScope } from '@pay/common';
import type { LedgerContext } from '../../context';

/** The merchant a query is about: the actor's own, or the one a platform role names. */
export function scopedMerchant(ctx: LedgerContext, requested?: number | null): number {
  const merchantId = merchantScope(ctx.actor, requested);
  if (merchantId === undefined)
    throw new AppError('BAD_USER_INPUT', 'merchantId is required', { argument: 'merchantId' });
  return merchantId;
}
