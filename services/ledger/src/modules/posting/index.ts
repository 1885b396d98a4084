import { partitionMaintenanceModule, type ServiceModule } from '@pay/common';
import type { LedgerRuntime } from '../../context';
import type { LedgerContext } from '../../context';
import { Leg } from './leg.entity';
import { MoneyLogResolver } from './money-log.resolver';
import { Posting } from './posting.entity';
import { createPostingLoaders } from './posting.loader';
import { PostingResolver } from './posting.resolver';
import { canSeePosting } from './posting-access';

/** Double-entry postings and their legs, and the legacy money logs read from them. */
export const postingModule: ServiceModule<LedgerRuntime, ReturnType<typeof createPostingLoaders>> = {
  resolvers: [MoneyLogResolver, PostingResolver],
  entities: [Posting, Leg],
  references: {
    Posting: {
      __resolveReference: async (ref: { id: number | string }, ctx: LedgerContext) => {
        const id = Number(ref.id);
        if (!Number.isSafeInteger(id)) return null;
        const posting = await ctx.loaders.postingById.load(id);
        return posting && (await canSeePosting(ctx, posting.id)) ? posting : null;
      },
    },
  },
  loaders: createPostingLoaders,
};

/**
 * Postings' and legs' months made ahead. None is ever dropped: they are the books; a month
 * no longer read online is archived by detaching its partitions (docs/production.md).
 */
export const booksPartitionsModule = partitionMaintenanceModule<LedgerRuntime>('books-partitions', () => [
  { table: 'posting', column: 'created_at', retentionMonths: null },
  { table: 'leg', column: 'created_at', retentionMonths: null },
]);
