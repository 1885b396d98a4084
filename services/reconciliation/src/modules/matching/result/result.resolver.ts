import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root, type ClassType } from 'type-graphql';
import { AppError, isPlatformRole, keysetWindow, selectsField, toKeysetConnection } from '@pay/common';
import type { ReconciliationContext } from '../../../context';
import { Order } from '../../payment/order.stub';
import { ReconciliationRun } from '../../run/reconciliation-run.entity';
import { Discrepancy } from './discrepancy.type';
import { ReconciliationIssue } from '../reconciliation-issue';
import { ReconciliationResult } from './reconciliation-result.entity';
import { DiscrepanciesArgs, ResultLookupArgs } from './result.args';
import { parseId, requirePlatformReader } from '../matching-access';
import { listDiscrepancies } from './result.service';
import { DiscrepancyConnection } from './result.type';
import { StatementLine } from '../../statement/statement-line.entity';

/** The fields a result and a discrepancy share, resolved through the request's loaders. */
function resultFields<T extends ReconciliationResult>(type: ClassType<T>) {
  @Resolver(() => type)
  class ResultFieldsResolver {
    @FieldResolver(() => ReconciliationRun, {
      nullable: true,
      description: 'The run that wrote the line (platform roles; null for merchants).',
    })
    run(@Root() result: ReconciliationResult, @Ctx() ctx: ReconciliationContext) {
      return isPlatformRole(ctx.actor) ? ctx.loaders.runById.load(result.runId) : null;
    }

    @FieldResolver(() => String, { description: 'Code of the run that wrote the line (`odd_id`).' })
    async runCode(@Root() result: ReconciliationResult, @Ctx() ctx: ReconciliationContext): Promise<string> {
      return (await ctx.loaders.runById.load(result.runId))!.code;
    }

    @FieldResolver(() => ReconciliationRun, {
      nullable: true,
      description: 'For a doubtful line: the later run that decided it (platform roles).',
    })
    settledBy(@Root() result: ReconciliationResult, @Ctx() ctx: ReconciliationContext) {
      return result.settledByRunId && isPlatformRole(ctx.actor)
        ? ctx.loaders.runById.load(result.settledByRunId)
        : null;
    }

    @FieldResolver(() => StatementLine, {
      nullable: true,
      description: 'The channel line shown: the payment line, else the first refund or revocation line.',
    })
    statementLine(@Root() result: ReconciliationResult, @Ctx() ctx: ReconciliationContext) {
      return result.statementLineId ? ctx.loaders.statementLineById.load(result.statementLineId) : null;
    }

    @FieldResolver(() => Order, {
      nullable: true,
      description: 'The platform order (null: unknown to the platform).',
    })
    order(@Root() result: ReconciliationResult): Order | null {
      return result.platformOrderNo ? { platformOrderNo: result.platformOrderNo } : null;
    }
  }
  return ResultFieldsResolver;
}

export const ReconciliationResultFieldsResolver = resultFields(ReconciliationResult);
export const DiscrepancyFieldsResolver = resultFields(Discrepancy);

@Resolver(() => Discrepancy)
export class DiscrepancyResolver {
  @Query(() => DiscrepancyConnection, {
    description:
      'Discrepancies (verdicts other than normal), newest first, by verdict, run, source, order and time (platform roles); page size at most 200.',
  })
  async discrepancies(
    @Ctx() ctx: ReconciliationContext,
    @Info() info: GraphQLResolveInfo,
    @Args() args: DiscrepanciesArgs,
  ): Promise<DiscrepancyConnection> {
    requirePlatformReader(ctx);
    const window = keysetWindow(args, { max: 200 });
    const result = await listDiscrepancies(ctx.em, args, window, {
      total: selectsField(info, ['totalCount', 'totalPages']),
    });
    return Object.assign(
      new DiscrepancyConnection(),
      toKeysetConnection(result.items, result, window, (r) => ({ at: r.createdAt, id: r.id })),
    );
  }

  @Query(() => Discrepancy, { nullable: true, description: 'One discrepancy by id (null: none, or normal).' })
  async discrepancy(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ResultLookupArgs,
  ): Promise<Discrepancy | null> {
    const result = await this.reconciliationResult(ctx, args);
    return result && result.issue !== ReconciliationIssue.NORMAL ? result : null;
  }

  @Query(() => ReconciliationResult, {
    nullable: true,
    description: 'One result line by id or code (`bill_info`) (platform roles); null when absent.',
  })
  async reconciliationResult(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ResultLookupArgs,
  ): Promise<ReconciliationResult | null> {
    requirePlatformReader(ctx);
    if (args.id) return ctx.loaders.resultById.load(parseId(args.id));
    if (args.code) return ctx.em.findOne(ReconciliationResult, { code: args.code });
    throw new AppError('BAD_USER_INPUT', 'give an id or a code', { argument: 'id' });
  }
}
