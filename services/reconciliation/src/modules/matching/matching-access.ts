import { AppError, requireRole } from '@pay/common';
import type { ReconciliationContext } from '../../context';

/** Reads of runs and their grids: platform roles only. */
export const requirePlatformReader = (ctx: ReconciliationContext) =>
  requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');

/** Parses an id argument; anything but a positive integer is BAD_USER_INPUT. */
export function parseId(id: string, argument = 'id'): number {
  if (!/^[1-9]\d{0,15}$/.test(id))
    throw new AppError('BAD_USER_INPUT', `${argument} must be numeric`, { argument });
  return Number(id);
}
