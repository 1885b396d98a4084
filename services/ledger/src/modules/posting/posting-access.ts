import type { LedgerContext } from '../../context';
import { canSeeAccount } from '../account/account-access';
import type { Leg } from './leg.entity';

/**
 * The legs of a posting the actor may see: all of them for platform roles, only those
 * on its own accounts for a MERCHANT (the platform's and upstream's shares stay private).
 */
export async function visibleLegs(ctx: LedgerContext, postingId: number): Promise<Leg[]> {
  const legs = await ctx.loaders.legsByPostingId.load(postingId);
  if (ctx.actor.role !== 'MERCHANT') return legs;
  const accounts = await ctx.loaders.accountById.loadMany(legs.map((l) => l.account.id));
  return legs.filter((_, i) => {
    const account = accounts[i];
    return account != null && !(account instanceof Error) && canSeeAccount(ctx.actor, account);
  });
}

/** Whether the actor may read a posting: platform roles always, a MERCHANT when a leg is on its accounts. */
export async function canSeePosting(ctx: LedgerContext, postingId: number): Promise<boolean> {
  if (ctx.actor.role !== 'MERCHANT') return true;
  return (await visibleLegs(ctx, postingId)).length > 0;
}

/** The postings of `postings` the actor may read (see canSeePosting), in their order. */
export async function visiblePostings<P extends { id: number }>(
  ctx: LedgerContext,
  postings: P[],
): Promise<P[]> {
  if (ctx.actor.role !== 'MERCHANT') return postings;
  const visible = await Promise.all(postings.map((p) => canSeePosting(ctx, p.id)));
  return postings.filter((_, i) => visible[i]);
}
