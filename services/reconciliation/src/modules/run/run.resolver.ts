import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import {
  AppError,
  encodeTextKeyset,
  pageWindow,
  requireRole,
  selectsField,
  textKeysetWindow,
  toConnection,
  toCursorConnection,
} from '@pay/common';
import type { ReconciliationContext } from '../../context';
import { RunResultsArgs } from '../matching/result/result.args';
import { parseId, requirePlatformReader } from '../matching/matching-access';
import { ReconciliationResultConnection } from '../matching/result/result.type';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationRunLookupArgs, ReconciliationRunsArgs } from './run.args';
import { StartReconciliationRunInput } from './run.input';
import { ReconciliationRunConnection } from './run.type';
import { Statement } from '../statement/statement.entity';
import { runDependencies, startReconciliationRun } from './run.service';

@Resolver(() => ReconciliationRun)
export class ReconciliationRunResolver {
  @Query(() => ReconciliationRunConnection, {
    description:
      'Reconciliation runs, newest first, by start time, person and source (`/pay/check_record`; platform roles); page size at most 100.',
  })
  async reconciliationRuns(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ReconciliationRunsArgs,
  ): Promise<ReconciliationRunConnection> {
    requirePlatformReader(ctx);
    const window = pageWindow(args, { max: 100 });
    const where: FilterQuery<ReconciliationRun>[] = [];
    if (args.startTime) where.push({ createdAt: { $gte: args.startTime } });
    if (args.endTime) where.push({ createdAt: { $lte: args.endTime } });
    if (args.person) where.push({ person: args.person });
    if (args.source) where.push({ source: args.source });
    const [items, total] = await ctx.em.findAndCount(
      ReconciliationRun,
      where.length > 0 ? { $and: where } : {},
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset },
    );
    return Object.assign(new ReconciliationRunConnection(), toConnection(items, total, window));
  }

  @Query(() => ReconciliationRun, {
    nullable: true,
    description: 'One run by id or code — the `/pay/check_bills` header (platform roles); null when absent.',
  })
  async reconciliationRun(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ReconciliationRunLookupArgs,
  ): Promise<ReconciliationRun | null> {
    requirePlatformReader(ctx);
    if (args.id) return ctx.loaders.runById.load(parseId(args.id));
    if (args.code) return ctx.em.findOne(ReconciliationRun, { code: args.code });
    throw new AppError('BAD_USER_INPUT', 'give an id or a code', { argument: 'id' });
  }

  @FieldResolver(() => ReconciliationResultConnection, {
    description:
      'The run’s result lines (the `/pay/check_bills` grid) by order key; page size at most 500. Edge cursors continue by key (`after`); `totalCount` is counted only when asked.',
  })
  async results(
    @Root() run: ReconciliationRun,
    @Ctx() ctx: ReconciliationContext,
    @Info() info: GraphQLResolveInfo,
    @Args() args: RunResultsArgs,
  ): Promise<ReconciliationResultConnection> {
    const window = textKeysetWindow(args, { max: 500, defaultSize: 50 });
    const page = await ctx.loaders
      .runResults(
        {
          issue: args.issue ?? null,
          discrepanciesOnly: args.discrepanciesOnly ?? null,
          platformOrderNo: args.platformOrderNo ?? null,
        },
        window,
        selectsField(info, ['totalCount', 'totalPages']),
      )
      .load(run.id);
    return Object.assign(
      new ReconciliationResultConnection(),
      toCursorConnection(page.items, page, window, (result) => encodeTextKeyset(result.orderKey)),
    );
  }

  @FieldResolver(() => [Statement], {
    description:
      'The statements the run used: the source’s current statements of the period’s days and any other with lines traded in the period.',
  })
  statements(@Root() run: ReconciliationRun, @Ctx() ctx: ReconciliationContext): Promise<Statement[]> {
    requirePlatformReader(ctx);
    return ctx.loaders.statementsByRun.load(run.id);
  }

  @Mutation(() => ReconciliationRun, {
    description:
      'Reconcile a statement source over a period now (operators): matches its lines with the orders, writes the grid, sets each order’s reconciliation status.',
  })
  async startReconciliationRun(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input', { description: 'The source and the period.' }) input: StartReconciliationRunInput,
  ): Promise<ReconciliationRun> {
    requireRole(ctx.actor, 'OPERATOR', 'SYSTEM');
    return startReconciliationRun(ctx.em, runDependencies(ctx.runtime.config), {
      source: input.source,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      remark: input.remark ?? null,
      person: ctx.actor.sub,
    });
  }
}
