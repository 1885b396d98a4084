import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { LedgerContext } from '../../context';
import { canSeeAccount } from '../account/account-access';
import { Leg } from './leg.entity';
import { Posting } from './posting.entity';
import { POSTING_TYPE_NAMES, PostingType } from './posting-type';
import { PostingLookupArgs } from './posting.args';
import { findPosting } from './posting.query';

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

@Resolver(() => Posting)
export class PostingResolver {
  @FieldResolver(() => String, {
    description: 'Who caused it; merchants see other actors (operators, services) as `platform`.',
  })
  actor(@Root() posting: Posting, @Ctx() ctx: LedgerContext): string {
    return ctx.actor.role !== 'MERCHANT' || posting.actor === ctx.actor.sub ? posting.actor : 'platform';
  }

  @Query(() => Posting, {
    nullable: true,
    description:
      'One posting by id or idempotency key; a MERCHANT sees only postings that touch its own accounts.',
  })
  async posting(@Ctx() ctx: LedgerContext, @Args() args: PostingLookupArgs): Promise<Posting | null> {
    const posting = await findPosting(ctx.em, args);
    if (!posting || !(await canSeePosting(ctx, posting.id))) return null;
    return posting;
  }

  @FieldResolver(() => String, { description: 'Type name (adjustment, recharge, withdraw, …).' })
  typeName(@Root() posting: Posting): string {
    return POSTING_TYPE_NAMES[posting.type as PostingType] ?? String(posting.type);
  }

  @FieldResolver(() => [Leg], {
    description: 'Its legs (they sum to zero). A MERCHANT sees only the legs on its own accounts.',
  })
  async legs(@Root() posting: Posting, @Ctx() ctx: LedgerContext): Promise<Leg[]> {
    return visibleLegs(ctx, posting.id);
  }
}
