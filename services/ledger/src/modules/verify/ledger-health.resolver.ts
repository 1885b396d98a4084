import { Ctx, Query, Resolver } from 'type-graphql';
import { requireRole } from '@pay/common';
import type { LedgerContext } from '../../context';
import { LedgerHealth } from './ledger-health.type';

@Resolver()
export class LedgerHealthResolver {
  @Query(() => LedgerHealth, {
    description:
      "The ledger's invariant checks and their findings (ledger drift), as the verify command runs them; " +
      'cached for a minute. Platform roles only.',
  })
  async ledgerHealth(@Ctx() ctx: LedgerContext): Promise<LedgerHealth> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    return ctx.ledgerHealth.get(ctx.em);
  }
}
