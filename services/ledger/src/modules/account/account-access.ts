import type { Actor } from '@pay/common';
import { OwnerType } from './account-purpose';

/** Whether `actor` may see an account: platform roles see all, a MERCHANT only its own. */
export function canSeeAccount(actor: Actor, account: { ownerType: OwnerType; ownerId: string }): boolean {
  if (actor.role !== 'MERCHANT') return true;
  return account.ownerType === OwnerType.MERCHANT && account.ownerId === String(actor.merchantId);
}
