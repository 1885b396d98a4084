import { AppError } from '../errors/app-error';
import type { Actor, Role } from './actor';

/** Throws FORBIDDEN unless the actor has one of `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', `this needs one of the roles ${roles.join(', ')}`);
  }
}

/**
 * The merchant scope of a query: a MERCHANT actor is always pinned to its own id
 * (asking for another is FORBIDDEN); platform roles may name any merchant or none.
 */
export function merchantScope(actor: Actor, requested?: number | null): number | undefined {
  if (actor.role === 'MERCHANT') {
    if (requested != null && requested !== actor.merchantId) {
      throw new AppError('FORBIDDEN', 'a merchant may only see its own data');
    }
    return actor.merchantId;
  }
  return requested ?? undefined;
}

/** Throws FORBIDDEN for read-only roles. */
export function requireMutation(actor: Actor): void {
  if (actor.role === 'ANALYST') throw new AppError('FORBIDDEN', 'ANALYST is read-only');
}

/** Whether the actor may see a record of `merchantId`: platform roles any, a merchant its own. */
export const maySeeMerchantRecord = (actor: Actor, merchantId: number): boolean =>
  actor.role !== 'MERCHANT' || actor.merchantId === merchantId;

/**
 * Who did something (an audit entry's actor), as `viewer` may see it: staff user names and
 * services are internal, so a merchant sees anyone but itself as `platform`.
 */
export const actorNameShown = (viewer: Actor, name: string): string =>
  viewer.role !== 'MERCHANT' || name === viewer.sub ? name : 'platform';
