import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Connection, PageArgs, pageWindow, requireRole, toConnection } from '@pay/common';
import type { ReconciliationContext } from '../../context';
import { ReconciliationResult } from '../matching/result/reconciliation-result.entity';
import { Discrepancy } from '../matching/result/discrepancy.type';
import { httpOrdersClient } from './orders.client';
import { Resolution, ResolutionAction, ResolutionState } from './resolution.entity';
import {
  approveResolution,
  rejectResolution,
  resolveDiscrepancy,
  type ResolutionSettings,
} from './resolution.service';

@InputType({ description: 'Settle a discrepancy (operators).' })
export class ResolveDiscrepancyInput {
  @Field({ description: 'The result line’s code (32 hex digits).' })
  resultCode!: string;

  @Field(() => ResolutionAction, {
    description: 'Complete (surplus), cancel (shortage), refund, or accept with a note.',
  })
  action!: ResolutionAction;

  @Field({ description: 'Why (1-500 characters); kept in the audit trail.' })
  note!: string;
}

@InputType({ description: 'Approve a resolution waiting for a second operator.' })
export class ApproveResolutionInput {
  @Field(() => ID, { description: 'Resolution id.' })
  resolutionId!: string;
}

@InputType({ description: 'Reject a resolution waiting for a second operator.' })
export class RejectResolutionInput {
  @Field(() => ID, { description: 'Resolution id.' })
  resolutionId!: string;

  @Field({ description: 'Why (1-500 characters).' })
  note!: string;
}

@ObjectType({ description: 'A page of resolutions, newest first.' })
export class ResolutionConnection extends Connection(Resolution, 'Resolution') {}

@ArgsType()
class ResolutionsArgs extends PageArgs {
  @Field(() => ResolutionState, {
    nullable: true,
    description: 'Only resolutions in this state (e.g. PENDING_APPROVAL).',
  })
  state?: ResolutionState;
}

function settingsOf(ctx: ReconciliationContext): ResolutionSettings {
  const { config } = ctx.runtime;
  return {
    approvalThreshold: config.approvalThreshold,
    orders: config.ordersUrl
      ? httpOrdersClient(
          config.ordersUrl,
          config.auth.internalSecret,
          config.internalCallTimeoutMs ?? undefined,
        )
      : null,
  };
}

const resolutionId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : -1);

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Mutation(() => Resolution, {
    description:
      'Resolve a discrepancy: money changes go through the orders service and the ledger; above the approval amount a second operator must approve.',
  })
  resolveDiscrepancy(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: ResolveDiscrepancyInput,
  ): Promise<Resolution> {
    requireRole(ctx.actor, 'OPERATOR');
    return resolveDiscrepancy(ctx.runtime.orm, settingsOf(ctx), ctx.actor, input);
  }

  @Mutation(() => Resolution, {
    description: 'Approve another operator’s resolution (maker-checker); it is then carried out.',
  })
  approveResolution(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: ApproveResolutionInput,
  ): Promise<Resolution> {
    requireRole(ctx.actor, 'OPERATOR');
    return approveResolution(ctx.runtime.orm, settingsOf(ctx), ctx.actor, resolutionId(input.resolutionId));
  }

  @Mutation(() => Resolution, { description: 'Reject another operator’s resolution; nothing changes.' })
  rejectResolution(
    @Ctx() ctx: ReconciliationContext,
    @Arg('input') input: RejectResolutionInput,
  ): Promise<Resolution> {
    requireRole(ctx.actor, 'OPERATOR');
    return rejectResolution(ctx.runtime.orm, ctx.actor, resolutionId(input.resolutionId), input.note);
  }

  @Query(() => ResolutionConnection, { description: 'Resolutions, newest first (platform roles).' })
  async resolutions(
    @Ctx() ctx: ReconciliationContext,
    @Args() args: ResolutionsArgs,
  ): Promise<ResolutionConnection> {
    requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
    const window = pageWindow(args, { max: 100 });
    const [items, total] = await ctx.em.findAndCount(Resolution, args.state ? { state: args.state } : {}, {
      orderBy: { id: 'desc' },
      limit: window.limit,
      offset: window.offset,
    });
    return Object.assign(new ResolutionConnection(), toConnection(items, total, window));
  }

  @FieldResolver(() => ReconciliationResult, { description: 'The result line it settles.' })
  result(@Root() resolution: Resolution, @Ctx() ctx: ReconciliationContext): Promise<ReconciliationResult> {
    return ctx.em.findOneOrFail(ReconciliationResult, { id: resolution.resultId });
  }
}

/** `resolutions` on a result line and on a discrepancy (the same row). */
function resolutionsField(type: typeof ReconciliationResult | typeof Discrepancy) {
  @Resolver(() => type)
  class ResolutionsFieldResolver {
    @FieldResolver(() => [Resolution], {
      description: 'Resolutions of this line, oldest first (the audit trail).',
    })
    resolutions(
      @Root() result: ReconciliationResult,
      @Ctx() ctx: ReconciliationContext,
    ): Promise<Resolution[]> {
      requireRole(ctx.actor, 'OPERATOR', 'ANALYST', 'SYSTEM');
      return ctx.em.find(Resolution, { resultId: result.id }, { orderBy: { id: 'asc' } });
    }
  }
  return ResolutionsFieldResolver;
}

export const ResultResolutionsResolver = resolutionsField(ReconciliationResult);
export const DiscrepancyResolutionsResolver = resolutionsField(Discrepancy);
