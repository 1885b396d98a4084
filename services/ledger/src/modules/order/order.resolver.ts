import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LedgerContext } from '../../context';
import { Posting } from '../posting/posting.entity';
import { visiblePostings } from '../posting/posting-access';
import { Order } from './order.stub';

@Resolver(() => Order)
export class OrderLedgerResolver {
  @FieldResolver(() => [Posting], {
    description:
      'The postings the order caused (credits, reversals), oldest first; a MERCHANT sees them only for its own orders.',
  })
  async postings(@Root() order: Order, @Ctx() ctx: LedgerContext): Promise<Posting[]> {
    return visiblePostings(ctx, await ctx.loaders.postingsByPlatformOrderNo.load(order.platformOrderNo));
  }
}
