import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { actorNameShown } from '@pay/common';
import type { LedgerContext } from '../../context';
import { Leg } from './leg.entity';
import { Posting } from './posting.entity';
import { POSTING_TYPE_NAMES, PostingType } from './posting-type';
import { PostingLookupArgs } from './posting.args';
import { findPosting } from './posting.query';
import { canSeePosting, visibleLegs } from './posting-access';

@Resolver(() => Posting)
export class PostingResolver {
  @FieldResolver(() => String, {
    description: 'Who caused it; merchants see other actors (operators, services) as `platform`.',
  })
  actor(@Root() posting: Posting, @Ctx() ctx: LedgerContext): string {
    return actorNameShown(ctx.actor, posting.actor);
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
