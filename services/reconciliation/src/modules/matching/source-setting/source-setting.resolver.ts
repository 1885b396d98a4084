import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, requireRole, amountArgument } from '@pay/common';
import type { ReconciliationContext } from '../../../context';
import { SOURCE_NAME } from '../../statement/statement-template.service';
import { requirePlatformReader } from '../matching-access';
import { SourceSetting } from './source-setting.entity';

/** Tolerances above this are refused: a tolerance is for rounding, not for hiding differences. */
const MAX_TOLERANCE_FEN = 10_000;

@InputType({ description: 'The amount tolerance of one statement source.' })
export class SetSourceToleranceInput {
  @Field({ description: 'Statement source, e.g. `wechat`.' })
  source!: string;

  @Field({
    description:
      'Amount differences up to this much (yuan, e.g. "0.01"; at most "100.00") still count as equal.',
  })
  amountTolerance!: string;
}

@Resolver(() => SourceSetting)
export class SourceSettingResolver {
  @Query(() => [SourceSetting], {
    description: 'Matching settings of every source that has any (platform roles).',
  })
  sourceSettings(@Ctx() ctx: ReconciliationContext): Promise<SourceSetting[]> {
    requirePlatformReader(ctx);
    return ctx.em.find(SourceSetting, {}, { orderBy: { source: 'asc' } });
  }

  @Mutation(() => SourceSetting, {
    description: 'Set the amount tolerance a statement source is matched with (operators); 0.00 by default.',
  })
  async setSourceTolerance(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input', { description: 'The source and its tolerance.' }) input: SetSourceToleranceInput,
  ): Promise<SourceSetting> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    if (!SOURCE_NAME.test(input.source)) {
      throw new AppError('BAD_USER_INPUT', 'unknown statement source', { argument: 'source' });
    }
    const fen = amountArgument(input.amountTolerance, 'amountTolerance', 'nonNegative');
    if (fen > MAX_TOLERANCE_FEN) {
      throw new AppError('BAD_USER_INPUT', 'the tolerance is at most 100.00', {
        argument: 'amountTolerance',
      });
    }
    const setting =
      (await ctx.em.findOne(SourceSetting, { source: input.source })) ??
      ctx.em.create(SourceSetting, { source: input.source, updatedBy: ctx.actor.sub });
    setting.amountTolerance = fen;
    setting.updatedBy = ctx.actor.sub;
    setting.updatedAt = new Date();
    await ctx.em.flush();
    return setting;
  }
}
